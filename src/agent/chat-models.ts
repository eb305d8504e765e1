/**
 * The chat models behind CHAT_MODEL: the offline model by default; with
 * "openai", any OpenAI-compatible endpoint through @langchain/openai, with
 * the offline model as its fallback.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config.ts';
import { OfflineChatModel, OFFLINE_MODEL_NAME } from './offline-chat-model.ts';

export interface ChatModels {
  primary: BaseChatModel;
  /** Tried in order when the primary fails. */
  fallbacks: BaseChatModel[];
}

export type OpenAIModelConfig = Pick<
  Config,
  'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'
>;

/** A streaming ChatOpenAI for an OpenAI-compatible endpoint. */
export function createOpenAIChatModel(
  config: OpenAIModelConfig,
  options: { timeoutMs?: number; maxRetries?: number } = {},
): ChatOpenAI {
  return new ChatOpenAI({
    model: config.OPENAI_MODEL,
    // Local servers (Ollama, vLLM, llama.cpp) accept any key.
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    configuration: config.OPENAI_BASE_URL
      ? { baseURL: config.OPENAI_BASE_URL }
      : undefined,
    streaming: true,
    useResponsesApi: false,
    temperature: 0.2,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 1,
  });
}

/** The models CHAT_MODEL asks for. */
export function createChatModels(
  config: Pick<Config, 'CHAT_MODEL'> & OpenAIModelConfig,
): ChatModels {
  const offline = new OfflineChatModel();
  if (config.CHAT_MODEL === 'offline')
    return { primary: offline, fallbacks: [] };
  return { primary: createOpenAIChatModel(config), fallbacks: [offline] };
}

/** A short name for traces and logs: "offline" or "openai:<model>". */
export function chatModelName(model: unknown): string {
  if (model instanceof OfflineChatModel) return OFFLINE_MODEL_NAME;
  if (model instanceof ChatOpenAI) return `openai:${model.model}`;
  return 'unknown';
}
