/**
 * A small socket.io client for tests that talk to a real shop server: mint a
 * development session, connect, send messages and collect the streamed
 * reply until `reply.done`.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  SHOP_NAMESPACE,
  type ErrorPayload,
  type HistoryAck,
  type MessageAck,
  type ReplyChunk,
  type ReplyDone,
  type SessionInfo,
} from '../server/index.ts';

export interface DevSession {
  token: string;
  conversationId: string;
}

/** Asks a development server for a session token (POST /api/dev/session). */
export async function mintDevSession(
  baseUrl: string,
  customerId: number | null,
): Promise<DevSession> {
  const response = await fetch(`${baseUrl}/api/dev/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId }),
  });
  if (!response.ok)
    throw new Error(
      `dev session failed: ${response.status} ${await response.text()}`,
    );
  return (await response.json()) as DevSession;
}

export interface TurnResult {
  ack: MessageAck;
  /** The streamed chunks of this turn, in arrival order. */
  chunks: ReplyChunk[];
  /** Undefined when the message was refused (ack.ok false). */
  done?: ReplyDone;
}

export interface ShopClient {
  socket: Socket;
  /** What the server said about this session after the handshake. */
  session: SessionInfo;
  /** `error` events received so far. */
  errors: ErrorPayload[];
  /** Sends a message and waits for its reply (unless it is refused). */
  send(
    text: string,
    options?: { clientMessageId?: string; timeoutMs?: number },
  ): Promise<TurnResult>;
  history(sinceSeq?: number): Promise<HistoryAck>;
  close(): void;
}

interface TurnEvents {
  chunks: ReplyChunk[];
  done?: ReplyDone;
  waiters: ((done: ReplyDone) => void)[];
}

/** Connects to `/shop` with a token; rejects with the server's reason. */
export async function connectShopClient(
  baseUrl: string,
  token: string | undefined,
  options: { timeoutMs?: number } = {},
): Promise<ShopClient> {
  const socket = io(`${baseUrl}${SHOP_NAMESPACE}`, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const turns = new Map<string, TurnEvents>();
  const errors: ErrorPayload[] = [];
  const turnOf = (turnId: string) => {
    let events = turns.get(turnId);
    if (!events) turns.set(turnId, (events = { chunks: [], waiters: [] }));
    return events;
  };

  // Listen before the handshake ends so nothing streamed early is missed.
  socket.on('reply.chunk', (chunk: ReplyChunk) =>
    turnOf(chunk.turnId).chunks.push(chunk),
  );
  socket.on('reply.done', (done: ReplyDone) => {
    const events = turnOf(done.turnId);
    events.done = done;
    for (const wake of events.waiters.splice(0)) wake(done);
  });
  socket.on('error', (error: ErrorPayload) => errors.push(error));
  const session = await waitForSession(socket, options.timeoutMs ?? 5000);

  const waitForDone = (turnId: string, timeoutMs: number) => {
    const events = turnOf(turnId);
    if (events.done) return Promise.resolve(events.done);
    return new Promise<ReplyDone>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no reply.done for turn ${turnId}`)),
        timeoutMs,
      );
      events.waiters.push((done) => {
        clearTimeout(timer);
        resolve(done);
      });
    });
  };

  return {
    socket,
    session,
    errors,

    async send(text, sendOptions = {}) {
      const timeoutMs = sendOptions.timeoutMs ?? 10_000;
      const ack = (await socket.timeout(timeoutMs).emitWithAck('message', {
        clientMessageId: sendOptions.clientMessageId ?? randomUUID(),
        text,
      })) as MessageAck;
      if (!ack.ok) return { ack, chunks: [] };
      const done = await waitForDone(ack.turnId, timeoutMs);
      return { ack, chunks: turnOf(ack.turnId).chunks, done };
    },

    async history(sinceSeq = 0) {
      return (await socket
        .timeout(5000)
        .emitWithAck('history', { sinceSeq })) as HistoryAck;
    },

    close() {
      socket.disconnect();
    },
  };
}

function waitForSession(
  socket: Socket,
  timeoutMs: number,
): Promise<SessionInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error('timed out connecting to the shop server'));
    }, timeoutMs);
    socket.once('session', (info: SessionInfo) => {
      clearTimeout(timer);
      resolve(info);
    });
    socket.once('connect_error', (error: Error & { data?: ErrorPayload }) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(Object.assign(new Error(error.message), { data: error.data }));
    });
  });
}
