/**
 * The `/shop` namespace's event protocol: what a client may send (parsed with
 * zod at the edge) and what the server sends back.
 */
import { z } from 'zod';
import { CardSchema } from '../agent/index.ts';
import { ERROR_CODES } from '../errors.ts';

export const SHOP_NAMESPACE = '/shop';

/** Client → server event names; anything else is answered UNKNOWN_EVENT. */
export const CLIENT_EVENTS = ['message', 'history'] as const;

/** Builds the `message` schema for the configured maximum length. */
export function buildMessageSchema(maxChars: number) {
  return z.object({
    clientMessageId: z
      .string()
      .trim()
      .min(1, 'clientMessageId must not be empty')
      .max(100, 'clientMessageId must be at most 100 characters'),
    text: z
      .string()
      .trim()
      .min(1, 'The message is empty')
      .max(maxChars, `Messages can be at most ${maxChars} characters`),
  });
}

export type ClientMessage = z.infer<ReturnType<typeof buildMessageSchema>>;

export const HistoryRequestSchema = z.object({
  /** The last seq the client has; 0 for everything. */
  sinceSeq: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(200),
});

export const ErrorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Set when the error belongs to a turn. */
  turnId: z.string().optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayloadSchema>;

const failedAck = z.object({ ok: z.literal(false), error: ErrorPayloadSchema });

export const MessageAckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    turnId: z.string(),
    /** The stored shopper message. */
    messageId: z.number().int(),
    seq: z.number().int(),
    /** True when this clientMessageId was already received (a retry). */
    duplicate: z.boolean(),
  }),
  failedAck,
]);
export type MessageAck = z.infer<typeof MessageAckSchema>;

export const HistoryMessageSchema = z.object({
  messageId: z.number().int(),
  seq: z.number().int(),
  role: z.enum(['shopper', 'agent']),
  text: z.string(),
  cards: z.array(CardSchema),
  turnId: z.string().nullable(),
  clientMessageId: z.string().nullable(),
  createdAt: z.string(),
});
export type HistoryMessage = z.infer<typeof HistoryMessageSchema>;

export const HistoryAckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    conversationId: z.string(),
    messages: z.array(HistoryMessageSchema),
    /** The highest seq stored so far, to resume from next time. */
    lastSeq: z.number().int(),
  }),
  failedAck,
]);
export type HistoryAck = z.infer<typeof HistoryAckSchema>;

/** Generic ack for events that fail before they are understood. */
export type FailedAck = z.infer<typeof failedAck>;

export const ReplyChunkSchema = z.object({
  turnId: z.string(),
  index: z.number().int(),
  text: z.string(),
});
export type ReplyChunk = z.infer<typeof ReplyChunkSchema>;

export const ReplyDoneSchema = z.object({
  turnId: z.string(),
  text: z.string(),
  cards: z.array(CardSchema),
  /** The stored agent message. */
  messageId: z.number().int(),
  seq: z.number().int(),
  /** Set when the agent failed and `text` is an apology. */
  error: ErrorPayloadSchema.optional(),
});
export type ReplyDone = z.infer<typeof ReplyDoneSchema>;

/** Sent once after the handshake so the client knows who it is. */
export const SessionInfoSchema = z.object({
  conversationId: z.string(),
  customerId: z.number().int().nullable(),
  lastSeq: z.number().int(),
  /** Longer messages are refused; a client can stop them before sending. */
  maxMessageChars: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Server → client events, for typed emits. */
export interface ServerToClientEvents {
  session: (info: SessionInfo) => void;
  'reply.chunk': (chunk: ReplyChunk) => void;
  'reply.done': (done: ReplyDone) => void;
  error: (error: ErrorPayload) => void;
}

/**
 * Client → server events. Arguments are unknown on purpose: they are parsed,
 * and a client may send anything.
 */
export interface ClientToServerEvents {
  message: (...args: unknown[]) => void;
  history: (...args: unknown[]) => void;
}
