/**
 * The shop agent: LangChain's createAgent over the shop tools, run once per
 * shopper message with the conversation's state passed in and out.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import {
  AIMessage,
  AIMessageChunk,
  HumanMessage,
  ToolMessage,
  type BaseMessage,
} from '@langchain/core/messages';
import { createAgent } from 'langchain';
import type { Logger } from 'pino';
import { toShopmateError } from '../errors.ts';
import { moduleLogger } from '../logger.ts';
import { toolTroubleReply } from '../prompts/index.ts';
import { createShopTools, type ShopServices } from '../tools/index.ts';
import {
  AgentContextSchema,
  createAgentMiddleware,
  MODEL_TAG,
  type AgentContext,
} from './agent-middleware.ts';
import { OfflineChatModel } from './offline-chat-model.ts';
import {
  HISTORY_LIMIT,
  HISTORY_TEXT_LIMIT,
  parseConversationState,
  type ConversationState,
} from './conversation-state.ts';
import {
  collectAmounts,
  createPriceGuard,
  type PriceGuard,
} from './price-guard.ts';
import { redactForLog } from './redact.ts';
import { collectFindings, currentTurnMessages } from './turn-findings.ts';
import {
  buildTurnView,
  nextStateAfter,
  productCards,
  type TurnView,
} from './turn-view.ts';
import type { Card, ShopAgent, TurnInput, TurnOutput } from './turn.ts';

export interface ShopAgentOptions {
  /** The chat model; the offline model when omitted. */
  model?: BaseChatModel;
  /** Tried in order when the model fails. */
  fallbacks?: BaseChatModel[];
  modelCallLimit?: number;
  toolCallLimit?: number;
  logger?: Logger;
}

function textOf(message: BaseMessage): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content
        .map((block) => ('text' in block ? String(block.text) : ''))
        .join('');
}

function historyMessages(state: ConversationState): BaseMessage[] {
  return state.history.map((entry) =>
    entry.role === 'shopper'
      ? new HumanMessage(entry.text)
      : new AIMessage(entry.text),
  );
}

/** Amounts a reply may quote: tool results, shown products, active bounds. */
function allowedAmounts(state: ConversationState): Set<string> {
  return collectAmounts({ shown: state.shown, filters: state.filters });
}

function trimHistory(
  state: ConversationState,
  shopper: string,
  agent: string,
): ConversationState['history'] {
  const cut = (text: string) => text.slice(0, HISTORY_TEXT_LIMIT);
  return [
    ...state.history,
    { role: 'shopper' as const, text: cut(shopper) },
    { role: 'agent' as const, text: cut(agent) },
  ].slice(-HISTORY_LIMIT);
}

/** Builds a ShopAgent over the given services. */
export function createShopAgent(
  services: ShopServices,
  options: ShopAgentOptions = {},
): ShopAgent {
  const log = options.logger ?? moduleLogger('agent');
  const agent = createAgent({
    model: options.model ?? new OfflineChatModel(),
    tools: createShopTools(services),
    contextSchema: AgentContextSchema,
    middleware: createAgentMiddleware({
      fallbacks: options.fallbacks ?? [],
      modelCallLimit: options.modelCallLimit ?? 8,
      toolCallLimit: options.toolCallLimit ?? 16,
    }),
  });

  /**
   * Runs the agent, feeding streamed text to the guard; never throws.
   * Known limitation (OpenAI-compatible models only; no issue filed yet):
   * text a failing model streamed before its fallback took over stays in
   * the reply; buffering per model call would remove it.
   */
  async function streamTurn(
    input: TurnInput,
    context: AgentContext,
    guard: PriceGuard,
  ): Promise<{ messages: BaseMessage[]; failed: boolean }> {
    let messages: BaseMessage[] = [];
    try {
      const stream = await agent.stream(
        {
          messages: [
            ...historyMessages(context.shop.state),
            new HumanMessage(input.text),
          ],
        },
        { context, streamMode: ['messages', 'values'], recursionLimit: 40 },
      );
      for await (const [mode, chunk] of stream as AsyncIterable<
        [string, unknown]
      >) {
        if (mode === 'values') {
          const value = chunk as { messages?: BaseMessage[] };
          if (value.messages) messages = value.messages;
          continue;
        }
        const [message] = chunk as [BaseMessage, unknown];
        // Amounts in tool results may be quoted by the reply that follows.
        if (ToolMessage.isInstance(message))
          collectAmounts(parseToolContent(message), guard.allowed);
        else if (AIMessageChunk.isInstance(message)) {
          const text = textOf(message);
          if (text) guard.push(text);
        }
      }
      return { messages, failed: false };
    } catch (error) {
      const shopError = toShopmateError(error);
      log.error(
        {
          conversationId: input.conversationId,
          code: shopError.code,
          err: shopError.message,
        },
        'agent turn failed',
      );
      return { messages, failed: true };
    }
  }

  async function runTurn(
    input: TurnInput,
    onChunk?: (text: string) => void,
  ): Promise<TurnOutput> {
    const started = performance.now();
    const state = parseConversationState(input.state);
    const context: AgentContext = {
      conversationId: input.conversationId,
      customerId: input.customerId,
      shop: { signedIn: input.customerId !== null, state },
    };
    const guard = createPriceGuard(allowedAmounts(state), (text) =>
      onChunk?.(text),
    );
    const { messages, failed } = await streamTurn(input, context, guard);
    guard.flush();
    if (guard.text.trim() === '') {
      const fallback = toolTroubleReply();
      guard.push(fallback);
      guard.flush();
    }

    const findings = collectFindings(messages);
    const view: TurnView = buildTurnView(findings, state);
    if (view.dropped > 0)
      log.warn(
        { conversationId: input.conversationId, dropped: view.dropped },
        'cards breaking an active filter were dropped',
      );
    const cards: Card[] = failed
      ? []
      : [...productCards(view), ...view.orderCards];
    const intents = findings.detection?.intents ?? [];
    const text = guard.text.trim();
    const nextState: ConversationState = failed
      ? { ...state, history: trimHistory(state, input.text, text) }
      : {
          ...state,
          ...nextStateAfter(state, view),
          turns: state.turns + 1,
          lastIntents: intents,
          handoffRequested:
            state.handoffRequested || intents.includes('contact_human_agent'),
          history: trimHistory(state, input.text, text),
        };
    const lastAi = currentTurnMessages(messages).findLast((m) =>
      AIMessage.isInstance(m),
    );
    const model = String(lastAi?.response_metadata?.[MODEL_TAG] ?? 'none');

    log.debug(
      {
        conversationId: input.conversationId,
        model,
        intents,
        tools: findings.outcomes.map((o) => o.name),
        cards: cards.length,
        pricesWithheld: guard.replaced,
        latencyMs: Math.round(performance.now() - started),
        text: redactForLog(input.text),
      },
      'turn',
    );
    return {
      text,
      cards,
      state: nextState,
      trace: {
        intents,
        toolCalls: findings.outcomes.map((o) => ({
          name: o.name,
          args: o.args,
        })),
        model,
      },
    };
  }

  return { runTurn };
}

function parseToolContent(message: ToolMessage): unknown {
  try {
    return JSON.parse(textOf(message));
  } catch {
    return undefined;
  }
}
