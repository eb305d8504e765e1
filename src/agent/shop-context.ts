/**
 * The turn's context as the chat model sees it in the system prompt, and how
 * the offline model reads it back.
 */
import { SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { buildSystemPrompt, extractShopContext } from '../prompts/index.ts';
import {
  ConversationStateSchema,
  initialConversationState,
  type ConversationState,
} from './conversation-state.ts';

export const ShopContextSchema = z.object({
  signedIn: z.boolean(),
  state: ConversationStateSchema,
});

export type ShopContext = z.infer<typeof ShopContextSchema>;

/** The system prompt of a turn; the state goes in without its history. */
export function systemPromptFor(context: ShopContext): string {
  const state = ConversationStateSchema.omit({ history: true }).parse(
    context.state,
  );
  return buildSystemPrompt({ context: { signedIn: context.signedIn, state } });
}

/** The context from the first system message; anonymous and fresh if none. */
export function readShopContext(messages: BaseMessage[]): ShopContext {
  const system = messages.find((message) => SystemMessage.isInstance(message));
  const text =
    system && typeof system.content === 'string' ? system.content : '';
  const parsed = ShopContextSchema.safeParse(extractShopContext(text));
  return parsed.success
    ? parsed.data
    : { signedIn: false, state: initialConversationState() };
}

export type { ConversationState };
