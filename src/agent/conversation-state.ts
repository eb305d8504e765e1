/**
 * What the agent remembers between turns of one conversation. The transport
 * stores it opaquely (TurnInput.state / TurnOutput.state); it is parsed here,
 * and a state that no longer parses starts the conversation afresh.
 */
import { z } from 'zod';
import { moduleLogger } from '../logger.ts';
import { ProductFiltersSchema } from '../tools/index.ts';

const log = moduleLogger('agent');

export const ActiveFiltersSchema = ProductFiltersSchema.extend({
  /** What the shopper is looking for, as last searched. */
  text: z.string().optional(),
});

export const ShownProductSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  price: z.number(),
  category: z.string().optional(),
  colours: z.array(z.string()).default([]),
});

export const HistoryEntrySchema = z.object({
  role: z.enum(['shopper', 'agent']),
  text: z.string(),
});

export const ConversationStateSchema = z.object({
  version: z.literal(1).default(1),
  filters: ActiveFiltersSchema.default({
    colours: [],
    excludeColours: [],
    categories: [],
  }),
  /** The products of the last reply, in the order shown. */
  shown: z.array(ShownProductSchema).default([]),
  /** Every product shown for the current search, for "show more". */
  seen: z.array(z.string()).default([]),
  turns: z.number().int().min(0).default(0),
  lastIntents: z.array(z.string()).default([]),
  handoffRequested: z.boolean().default(false),
  /** The last few messages, so a configured LLM has the thread. */
  history: z.array(HistoryEntrySchema).default([]),
});

export type ActiveFilters = z.infer<typeof ActiveFiltersSchema>;
export type ShownProduct = z.infer<typeof ShownProductSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type ConversationState = z.infer<typeof ConversationStateSchema>;

export const HISTORY_LIMIT = 8;
export const HISTORY_TEXT_LIMIT = 400;

export function initialConversationState(): ConversationState {
  return ConversationStateSchema.parse({});
}

/** The stored state, or a fresh one when it is missing or malformed. */
export function parseConversationState(value: unknown): ConversationState {
  if (value === undefined || value === null) return initialConversationState();
  const parsed = ConversationStateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.warn(
    { code: 'INVALID_INPUT', issues: parsed.error.issues.length },
    'conversation state did not parse; starting afresh',
  );
  return initialConversationState();
}
