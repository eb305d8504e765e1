/**
 * The default chat model: no network, no weights of its own. It reads the
 * turn's context from the system prompt, calls detect_intent, plans tool
 * calls from the intents, entities and conversation state, and once the
 * results are in, phrases the reply from the templates in prompts/.
 */
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import {
  BaseChatModel,
  type BaseChatModelParams,
  type BindToolsInput,
} from '@langchain/core/language_models/chat_models';
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  type ToolCall,
} from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { detectFromCues } from './fallback-detection.ts';
import { composeOfflineReply } from './offline-reply.ts';
import { nextToolCalls, type ToolCallSpec } from './offline-steps.ts';
import { readShopContext } from './shop-context.ts';
import {
  collectFindings,
  currentTurnMessages,
  latestShopperText,
} from './turn-findings.ts';
import { planTurn } from './turn-plan.ts';
import { buildTurnView } from './turn-view.ts';

export const OFFLINE_MODEL_NAME = 'shopmate-offline';

/** Tool-calling rounds in one turn before the model answers regardless. */
const MAX_ROUNDS = 5;

function toolNameOf(tool: BindToolsInput): string | undefined {
  if (typeof tool !== 'object' || tool === null) return undefined;
  if ('name' in tool && typeof tool.name === 'string') return tool.name;
  if ('function' in tool && typeof tool.function?.name === 'string')
    return tool.function.name;
  return undefined;
}

export interface OfflineChatModelFields extends BaseChatModelParams {
  /** Tool names it may call; set by bindTools. */
  toolNames?: string[];
}

let callCounter = 0;

function toToolCall(spec: ToolCallSpec): ToolCall {
  callCounter = (callCounter + 1) % 1_000_000;
  return {
    id: `call_${Date.now().toString(36)}_${callCounter}`,
    name: spec.name,
    args: spec.args,
    type: 'tool_call',
  };
}

/** Splits text into word-sized pieces that concatenate back exactly. */
function chunkWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export class OfflineChatModel extends BaseChatModel {
  readonly toolNames: ReadonlySet<string>;

  static lc_name() {
    return 'OfflineChatModel';
  }

  constructor(fields: OfflineChatModelFields = {}) {
    super(fields);
    this.toolNames = new Set(fields.toolNames ?? []);
  }

  _llmType(): string {
    return OFFLINE_MODEL_NAME;
  }

  override bindTools(tools: BindToolsInput[]): OfflineChatModel {
    const toolNames = tools
      .map(toolNameOf)
      .filter((name): name is string => name !== undefined);
    return new OfflineChatModel({ toolNames });
  }

  /** The next message of the turn: tool calls, or the reply. */
  decide(messages: BaseMessage[]): AIMessage {
    const context = readShopContext(messages);
    const findings = collectFindings(messages);
    const metadata = { model_name: OFFLINE_MODEL_NAME };
    const rounds = currentTurnMessages(messages).filter(
      (message) =>
        AIMessage.isInstance(message) && (message.tool_calls?.length ?? 0) > 0,
    ).length;

    const detectionTried = findings.outcomes.some(
      (outcome) => outcome.name === 'detect_intent',
    );
    if (!detectionTried && this.toolNames.has('detect_intent'))
      return new AIMessage({
        content: '',
        tool_calls: [
          toToolCall({
            name: 'detect_intent',
            args: { text: latestShopperText(messages) },
          }),
        ],
        response_metadata: metadata,
      });

    const detection =
      findings.detection ?? detectFromCues(latestShopperText(messages));
    const tasks = planTurn(detection, context);
    const calls =
      rounds < MAX_ROUNDS
        ? nextToolCalls(tasks, findings, context, this.toolNames)
        : [];
    if (calls.length > 0)
      return new AIMessage({
        content: '',
        tool_calls: calls.map(toToolCall),
        response_metadata: metadata,
      });

    const view = buildTurnView(findings, context.state);
    const text = composeOfflineReply({ tasks, findings, view, context });
    return new AIMessage({ content: text, response_metadata: metadata });
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.decide(messages);
    return {
      generations: [{ text: String(message.content), message }],
    };
  }

  async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = this.decide(messages);
    const toolCalls = message.tool_calls ?? [];
    if (toolCalls.length > 0) {
      yield new ChatGenerationChunk({
        text: '',
        message: new AIMessageChunk({
          content: '',
          tool_call_chunks: toolCalls.map((call, index) => ({
            id: call.id,
            name: call.name,
            args: JSON.stringify(call.args),
            index,
            type: 'tool_call_chunk' as const,
          })),
          response_metadata: message.response_metadata,
        }),
      });
      return;
    }
    const pieces = chunkWords(String(message.content));
    for (const [index, piece] of pieces.entries()) {
      // Metadata merges by concatenation across chunks: send it once.
      const chunk = new ChatGenerationChunk({
        text: piece,
        message: new AIMessageChunk({
          content: piece,
          response_metadata: index === 0 ? message.response_metadata : {},
        }),
      });
      yield chunk;
      await runManager?.handleLLMNewToken(
        piece,
        undefined,
        undefined,
        undefined,
        undefined,
        { chunk },
      );
    }
  }
}
