/**
 * The middleware stack of the shop agent, all of it LangChain's own except a
 * small tag recording which model answered.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import {
  createMiddleware,
  dynamicSystemPromptMiddleware,
  modelCallLimitMiddleware,
  modelFallbackMiddleware,
  piiMiddleware,
  toolCallLimitMiddleware,
  toolErrorMiddleware,
  type AgentMiddleware,
} from 'langchain';
import { z } from 'zod';
import { describeToolError, ShopSessionSchema } from '../tools/index.ts';
import { chatModelName } from './chat-models.ts';
import { ShopContextSchema, systemPromptFor } from './shop-context.ts';

/** The agent's runtime context: the verified session plus the turn's context. */
export const AgentContextSchema = ShopSessionSchema.extend({
  shop: ShopContextSchema,
});

export type AgentContext = z.infer<typeof AgentContextSchema>;

/** response_metadata key naming the model that wrote a message. */
export const MODEL_TAG = 'shopmate_model';

export interface MiddlewareOptions {
  fallbacks: BaseChatModel[];
  /** Model calls per turn; the offline model needs at most four. */
  modelCallLimit: number;
  /** Tool calls per turn. */
  toolCallLimit: number;
}

/** Records which model (primary or a fallback) wrote each message. */
const modelTagMiddleware = createMiddleware({
  name: 'ShopmateModelTag',
  wrapModelCall: async (request, handler) => {
    const message = await handler(request);
    message.response_metadata = {
      ...message.response_metadata,
      [MODEL_TAG]: chatModelName(request.model),
    };
    return message;
  },
});

export function createAgentMiddleware(
  options: MiddlewareOptions,
): AgentMiddleware[] {
  const middleware: AgentMiddleware[] = [
    // Shoppers' e-mail addresses and card numbers never reach a model provider.
    piiMiddleware('email', { strategy: 'redact', applyToInput: true }),
    piiMiddleware('credit_card', { strategy: 'redact', applyToInput: true }),
    dynamicSystemPromptMiddleware<AgentContext>((_state, runtime) =>
      systemPromptFor(AgentContextSchema.parse(runtime.context).shop),
    ),
    modelCallLimitMiddleware({
      runLimit: options.modelCallLimit,
      exitBehavior: 'end',
    }),
    toolCallLimitMiddleware({ runLimit: options.toolCallLimit }),
    toolErrorMiddleware({
      onError: (error, request) =>
        JSON.stringify(describeToolError(error, request.toolCall.name)),
    }),
  ];
  if (options.fallbacks.length > 0)
    middleware.push(modelFallbackMiddleware(...options.fallbacks));
  // Innermost, so it sees whichever model the fallback chose.
  middleware.push(modelTagMiddleware);
  return middleware;
}
