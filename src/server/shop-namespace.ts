/**
 * The `/shop` namespace: authenticates shoppers, accepts their messages,
 * runs one agent turn at a time per conversation and streams the reply.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import type { z } from 'zod';
import { CardSchema, type ShopAgent } from '../agent/index.ts';
import type { Config } from '../config.ts';
import { ShopmateError } from '../errors.ts';
import type { ConversationRepo, StoredMessage } from '../store/index.ts';
import { toErrorPayload } from './error-mapping.ts';
import {
  buildMessageSchema,
  CLIENT_EVENTS,
  HistoryRequestSchema,
  type ClientToServerEvents,
  type ErrorPayload,
  type HistoryAck,
  type HistoryMessage,
  type MessageAck,
  type ServerToClientEvents,
} from './events.ts';
import { createTokenBucket } from './rate-limit.ts';
import { runTurn } from './run-turn.ts';
import { verifySessionToken, type SessionClaims } from './session-token.ts';
import type { TurnQueue } from './turn-queue.ts';

/** Turns waiting for one conversation beyond which messages are refused. */
const MAX_QUEUED_TURNS = 5;

export interface SocketData {
  session: SessionClaims;
}

type ShopNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type ShopSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type Ack = (response: unknown) => void;

export interface ShopNamespaceOptions {
  config: Config;
  agent: ShopAgent;
  repo: ConversationRepo;
  queue: TurnQueue;
  logger: Logger;
  /** Milliseconds clock for rate limits; tests may drive it. */
  now: () => number;
  /** A turn running longer is answered with an apology and abandoned. */
  turnTimeoutMs: number;
}

/** Wires authentication and event handlers onto the namespace. */
export function attachShopNamespace(
  nsp: ShopNamespace,
  options: ShopNamespaceOptions,
): void {
  nsp.use((socket, next) => {
    authenticate(socket, options).then(
      () => next(),
      (error: unknown) => next(toConnectError(error)),
    );
  });
  nsp.on('connection', (socket) => onConnection(nsp, socket, options));
}

async function authenticate(
  socket: ShopSocket,
  { config, repo }: ShopNamespaceOptions,
): Promise<void> {
  const auth: unknown = socket.handshake.auth;
  const token =
    typeof auth === 'object' && auth !== null && 'token' in auth
      ? auth.token
      : undefined;
  const session = await verifySessionToken(config.sessionSecret, token);
  const conversation = repo.ensureConversation(
    session.conversationId,
    session.customerId,
  );
  if (conversation.customerId !== session.customerId)
    throw new ShopmateError(
      'FORBIDDEN',
      'This conversation belongs to another shopper',
    );
  socket.data.session = session;
}

/** socket.io sends `err.message` and `err.data` to the client's connect_error. */
function toConnectError(error: unknown): Error & { data: ErrorPayload } {
  const payload = toErrorPayload(error);
  return Object.assign(new Error(payload.message), { data: payload });
}

function roomOf(conversationId: string): string {
  return `conversation:${conversationId}`;
}

function onConnection(
  nsp: ShopNamespace,
  socket: ShopSocket,
  options: ShopNamespaceOptions,
): void {
  const { config, repo, queue, logger } = options;
  const { conversationId, customerId } = socket.data.session;
  const bucket = createTokenBucket(config.TURNS_PER_MINUTE, options.now);
  const messageSchema = buildMessageSchema(config.MAX_MESSAGE_CHARS);
  const log = logger.child({ conversationId });

  // Every connection of the conversation (tabs, reconnects) gets the replies.
  void socket.join(roomOf(conversationId));
  socket.emit('session', {
    conversationId,
    customerId,
    lastSeq: repo.lastSeq(conversationId),
    maxMessageChars: config.MAX_MESSAGE_CHARS,
  });
  log.debug({ socketId: socket.id }, 'shopper connected');

  const fail = (ack: Ack | undefined, error: unknown) => {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL')
      log.error({ code: payload.code, err: error }, 'event failed');
    else
      log.debug({ code: payload.code, socketId: socket.id }, 'event refused');
    if (ack) ack({ ok: false, error: payload });
    else socket.emit('error', payload);
  };

  socket.on('message', (...args) => {
    const { payload, ack } = splitArgs(args);
    try {
      const message = parseOrThrow(messageSchema, payload);
      const existing = repo.findByClientMessageId(
        conversationId,
        message.clientMessageId,
      );
      if (existing) {
        ack?.(acceptedAck(existing, true));
        resendReply(socket, repo, existing);
        return;
      }
      if (
        !bucket.tryTake() ||
        queue.pending(conversationId) >= MAX_QUEUED_TURNS
      )
        throw new ShopmateError(
          'RATE_LIMITED',
          'You are sending messages too quickly; please wait a moment',
        );

      const turnId = randomUUID();
      const stored = repo.appendMessage({
        conversationId,
        role: 'shopper',
        text: message.text,
        clientMessageId: message.clientMessageId,
        turnId,
      });
      ack?.(acceptedAck(stored, false));
      const room = nsp.to(roomOf(conversationId));
      void queue.enqueue(conversationId, () =>
        runTurn(
          { ...options, room },
          socket.data.session,
          turnId,
          message.text,
        ),
      );
    } catch (error) {
      fail(ack, error);
    }
  });

  socket.on('history', (...args) => {
    const { payload, ack } = splitArgs(args);
    try {
      if (!ack)
        throw new ShopmateError(
          'INVALID_INPUT',
          'history needs an acknowledgement callback',
        );
      const request = parseOrThrow(HistoryRequestSchema, payload ?? {});
      const messages = repo
        .listMessages(conversationId, request.sinceSeq, request.limit)
        .map(toHistoryMessage);
      const response: HistoryAck = {
        ok: true,
        conversationId,
        messages,
        lastSeq: repo.lastSeq(conversationId),
      };
      ack(response);
    } catch (error) {
      fail(ack, error);
    }
  });

  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (CLIENT_EVENTS.some((known) => known === event)) return;
    fail(
      splitArgs(args).ack,
      new ShopmateError(
        'INVALID_INPUT',
        `Unknown event "${String(event).slice(0, 40)}"`,
      ),
    );
  });

  socket.on('disconnect', (reason) => {
    log.debug({ socketId: socket.id, reason }, 'shopper disconnected');
  });
}

/**
 * A client that retries a message may have missed the reply (it was offline);
 * when the turn has finished, that socket gets its reply.done again.
 */
function resendReply(
  socket: ShopSocket,
  repo: ConversationRepo,
  shopperMessage: StoredMessage,
): void {
  if (!shopperMessage.turnId) return;
  const reply = repo.findReply(
    shopperMessage.conversationId,
    shopperMessage.turnId,
  );
  if (!reply) return;
  const { text, cards } = toHistoryMessage(reply);
  socket.emit('reply.done', {
    turnId: shopperMessage.turnId,
    text,
    cards,
    messageId: reply.id,
    seq: reply.seq,
  });
}

function toHistoryMessage(message: StoredMessage): HistoryMessage {
  return {
    messageId: message.id,
    seq: message.seq,
    role: message.role,
    text: message.text,
    cards: message.cards.flatMap((card) => {
      const parsed = CardSchema.safeParse(card);
      return parsed.success ? [parsed.data] : [];
    }),
    turnId: message.turnId,
    clientMessageId: message.clientMessageId,
    createdAt: message.createdAt,
  };
}

function acceptedAck(message: StoredMessage, duplicate: boolean): MessageAck {
  return {
    ok: true,
    turnId: message.turnId ?? '',
    messageId: message.id,
    seq: message.seq,
    duplicate,
  };
}

/** socket.io passes the ack callback last, when the client asked for one. */
function splitArgs(args: unknown[]): { payload: unknown; ack?: Ack } {
  const last = args.at(-1);
  if (typeof last !== 'function') return { payload: args[0] };
  return { payload: args.length > 1 ? args[0] : undefined, ack: last as Ack };
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new ShopmateError('INVALID_INPUT', `${where}${issue.message}`);
}
