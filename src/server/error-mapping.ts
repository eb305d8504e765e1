/**
 * The one place where ShopmateError codes become socket acks and HTTP
 * statuses, and where internal failures are made safe to show a client.
 */
import { toShopmateError, type ErrorCode } from '../errors.ts';
import type { ErrorPayload } from './events.ts';

const HTTP_STATUS: Record<ErrorCode, number> = {
  CONFIG_INVALID: 500,
  DATA_MISSING: 503,
  DATA_MALFORMED: 500,
  STORE_MISSING: 503,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  MODEL_UNAVAILABLE: 503,
  TOOL_FAILED: 502,
  INTERNAL: 500,
};

/** Codes whose message the server wrote for the client and may show as is. */
const CLIENT_FACING = new Set<ErrorCode>([
  'NOT_FOUND',
  'INVALID_INPUT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
]);

const SAFE_MESSAGE: Partial<Record<ErrorCode, string>> = {
  MODEL_UNAVAILABLE: 'The assistant is unavailable right now',
  TOOL_FAILED: 'A shop service failed while answering',
  STORE_MISSING: 'The shop data is not loaded yet',
  DATA_MISSING: 'The shop data is not loaded yet',
};

export function httpStatusFor(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/**
 * What a client may see of an error: its code and, for server-side failures,
 * a generic message rather than internals.
 */
export function toErrorPayload(error: unknown, turnId?: string): ErrorPayload {
  const failure = toShopmateError(error);
  const message = CLIENT_FACING.has(failure.code)
    ? failure.message
    : (SAFE_MESSAGE[failure.code] ?? 'Something went wrong on our side');
  return turnId === undefined
    ? { code: failure.code, message }
    : { code: failure.code, message, turnId };
}
