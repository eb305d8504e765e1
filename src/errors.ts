/**
 * The one error type of shopmate. Every failure carries a `code` from a fixed
 * list; server/ maps codes to socket acks and HTTP statuses.
 */
import { ZodError } from 'zod';
export const ERROR_CODES = [
  'CONFIG_INVALID',
  'DATA_MISSING',
  'DATA_MALFORMED',
  'STORE_MISSING',
  'NOT_FOUND',
  'INVALID_INPUT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'MODEL_UNAVAILABLE',
  'TOOL_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class ShopmateError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ShopmateError';
    this.code = code;
    this.details = options.details;
  }
}

/** Turns anything thrown into a ShopmateError, keeping the original as cause. */
export function toShopmateError(error: unknown): ShopmateError {
  if (error instanceof ShopmateError) return error;
  if (error instanceof ZodError)
    return new ShopmateError(
      'INVALID_INPUT',
      error.issues
        .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
        .join('; '),
      { cause: error },
    );
  if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE')
    return new ShopmateError(
      'CONFIG_INVALID',
      `${(error as Error).message}: the port is taken; set PORT (or --port) to a free one`,
      { cause: error },
    );
  const message = error instanceof Error ? error.message : String(error);
  return new ShopmateError('INTERNAL', message, { cause: error });
}
