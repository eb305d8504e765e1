/**
 * The simulated shopper of the turn bench: one socket.io connection to
 * `/shop` that sends one message at a time, as a person typing would, and
 * times each reply from the emit to `reply.done`.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { ShopmateError } from '../errors.ts';
import {
  MessageAckSchema,
  ReplyChunkSchema,
  ReplyDoneSchema,
  SessionInfoSchema,
  SHOP_NAMESPACE,
} from './events.ts';

/** What one turn cost, seen from the shopper's side. */
export interface TimedTurn {
  /** Emit → `reply.done` in ms; undefined when no reply came. */
  latencyMs?: number;
  /** Emit → first `reply.chunk` in ms. */
  firstChunkMs?: number;
  /**
   * The server's error code, or TIMEOUT, DISCONNECTED, DEADLINE, CONNECT,
   * INVALID_ACK.
   */
  error?: string;
  cards: number;
}

export interface BenchShopper {
  /** Sends a message and resolves when its reply is done; never rejects. */
  send(
    text: string,
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<TimedTurn>;
  close(): void;
}

interface InFlight {
  started: number;
  /** From the ack, which the server sends before the turn starts. */
  turnId?: string;
  firstChunkAt?: number;
  finish(turn: Omit<TimedTurn, 'firstChunkMs'>): void;
}

/** Connects with a signed session token; rejects with the server's reason. */
export async function connectBenchShopper(
  baseUrl: string,
  token: string,
  timeoutMs: number,
): Promise<BenchShopper> {
  const socket = io(`${baseUrl}${SHOP_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  // One turn at a time; a late reply to a timed-out turn is not this one's.
  let current: InFlight | undefined;

  socket.on('reply.chunk', (payload: unknown) => {
    const chunk = ReplyChunkSchema.safeParse(payload);
    if (current && chunk.success && chunk.data.turnId === current.turnId)
      current.firstChunkAt ??= performance.now();
  });
  socket.on('reply.done', (payload: unknown) => {
    const turn = current;
    const done = ReplyDoneSchema.safeParse(payload);
    if (!turn || !done.success || done.data.turnId !== turn.turnId) return;
    turn.finish({
      latencyMs: performance.now() - turn.started,
      error: done.data.error?.code,
      cards: done.data.cards.length,
    });
  });
  socket.on('disconnect', () =>
    current?.finish({ error: 'DISCONNECTED', cards: 0 }),
  );
  await waitForSession(socket, timeoutMs);

  return {
    send(text, { timeoutMs: turnTimeoutMs, signal }) {
      return new Promise<TimedTurn>((resolve) => {
        const turn: InFlight = {
          started: performance.now(),
          finish(result) {
            if (current !== turn) return;
            current = undefined;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            const firstChunkMs =
              turn.firstChunkAt === undefined
                ? undefined
                : turn.firstChunkAt - turn.started;
            resolve({ ...result, firstChunkMs });
          },
        };
        const onAbort = () => turn.finish({ error: 'DEADLINE', cards: 0 });
        const timer = setTimeout(
          () => turn.finish({ error: 'TIMEOUT', cards: 0 }),
          turnTimeoutMs,
        );
        current = turn;
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort);

        socket.emit(
          'message',
          { clientMessageId: randomUUID(), text },
          (payload: unknown) => {
            const ack = MessageAckSchema.safeParse(payload);
            if (!ack.success) turn.finish({ error: 'INVALID_ACK', cards: 0 });
            else if (!ack.data.ok)
              turn.finish({ error: ack.data.error.code, cards: 0 });
            else turn.turnId = ack.data.turnId;
          },
        );
      });
    },

    close() {
      socket.disconnect();
    },
  };
}

function waitForSession(socket: Socket, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(
        new ShopmateError(
          'INTERNAL',
          `bench shopper not connected: ${message}`,
        ),
      );
    };
    const timer = setTimeout(
      () => fail('timed out connecting to the shop server'),
      timeoutMs,
    );
    socket.once('session', (payload: unknown) => {
      if (!SessionInfoSchema.safeParse(payload).success)
        return fail('the server sent an invalid session');
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error: Error) => fail(error.message));
  });
}
