/**
 * Who is shopping comes from the session the transport verified, passed to
 * the tools as the agent's runtime context — never from tool arguments.
 */
import { z } from 'zod';
import { ShopmateError } from '../errors.ts';

export const ShopSessionSchema = z.object({
  conversationId: z.string(),
  /** Null for an anonymous shopper. */
  customerId: z.number().int().positive().nullable(),
});

export type ShopSession = z.infer<typeof ShopSessionSchema>;

/** Reads the session from a tool's runtime; a missing one is a wiring bug. */
export function readSession(runtime: { context?: unknown }): ShopSession {
  const parsed = ShopSessionSchema.safeParse(runtime.context);
  if (!parsed.success)
    throw new ShopmateError(
      'INTERNAL',
      'The tool ran without a shop session in its runtime context.',
    );
  return parsed.data;
}
