/**
 * The envelope every tool result shares: `ok: true` with data, or `ok: false`
 * with a code the model (and the offline model's templates) can act on.
 */
import { z } from 'zod';

export const ToolFailureCodeSchema = z.enum([
  'sign_in_required',
  'not_found',
  'invalid_arguments',
  'unknown_tool',
  'tool_failed',
  'limit_reached',
]);

export const ToolFailureSchema = z.object({
  ok: z.literal(false),
  error: ToolFailureCodeSchema,
  message: z.string(),
});

export type ToolFailureCode = z.infer<typeof ToolFailureCodeSchema>;
export type ToolFailure = z.infer<typeof ToolFailureSchema>;

export function toolFailure(
  error: ToolFailureCode,
  message: string,
): ToolFailure {
  return { ok: false, error, message };
}

/** A successful result schema joined with the failure shape. */
export function withFailure<T extends z.ZodObject<{ ok: z.ZodLiteral<true> }>>(
  success: T,
) {
  return z.discriminatedUnion('ok', [success, ToolFailureSchema]);
}
