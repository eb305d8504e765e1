/**
 * One agent turn: run the agent with the conversation's state, stream its
 * chunks, store the reply and the new state. A failure or a hung model
 * becomes a polite reply; it never escapes.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { BroadcastOperator } from 'socket.io';
import { CardSchema, type Card, type ShopAgent } from '../agent/index.ts';
import { ShopmateError } from '../errors.ts';
import { toolTroubleReply } from '../prompts/index.ts';
import type { ConversationRepo } from '../store/index.ts';
import { toErrorPayload } from './error-mapping.ts';
import type { ServerToClientEvents } from './events.ts';
import type { SessionClaims } from './session-token.ts';

/** Where a turn's events go: every connection of the conversation. */
export type TurnRoom = BroadcastOperator<ServerToClientEvents, unknown>;

export interface TurnContext {
  agent: ShopAgent;
  repo: ConversationRepo;
  logger: Logger;
  turnTimeoutMs: number;
  room: TurnRoom;
}

/** Runs one agent turn and streams it to the conversation's room. */
export async function runTurn(
  { agent, repo, logger, turnTimeoutMs, room }: TurnContext,
  session: SessionClaims,
  turnId: string,
  text: string,
): Promise<void> {
  const { conversationId, customerId } = session;
  const log = logger.child({ conversationId, turnId });
  const started = performance.now();
  let index = 0;
  let finished = false;
  const emitChunk = (chunk: string) => {
    if (finished || chunk === '') return;
    room.emit('reply.chunk', { turnId, index: index++, text: chunk });
  };

  try {
    const state = repo.getConversation(conversationId)?.state ?? {};
    // A hung model must not block the conversation's queue for ever.
    const output = await withTimeout(
      agent.runTurn({ conversationId, customerId, text, state }, emitChunk),
      turnTimeoutMs,
    );
    // A model that does not stream still gives the client one chunk.
    if (index === 0) emitChunk(output.text);
    finished = true;

    const cards = keepValidCards(output.cards, log);
    repo.saveState(conversationId, output.state);
    const stored = repo.appendMessage({
      conversationId,
      role: 'agent',
      text: output.text,
      cards,
      turnId,
    });
    room.emit('reply.done', {
      turnId,
      text: output.text,
      cards,
      messageId: stored.id,
      seq: stored.seq,
    });
    log.debug(
      {
        latencyMs: Math.round(performance.now() - started),
        chunks: index,
        cards: cards.length,
        intents: output.trace.intents,
        tools: output.trace.toolCalls.map((call) => call.name),
        model: output.trace.model,
      },
      'turn done',
    );
  } catch (error) {
    finished = true;
    replyWithFailure(room, repo, log, conversationId, turnId, error);
  }
}

function replyWithFailure(
  room: TurnRoom,
  repo: ConversationRepo,
  log: Logger,
  conversationId: string,
  turnId: string,
  error: unknown,
): void {
  const payload = toErrorPayload(error, turnId);
  log.error({ code: payload.code, err: error }, 'turn failed');
  try {
    const text = toolTroubleReply();
    const stored = repo.appendMessage({
      conversationId,
      role: 'agent',
      text,
      cards: [],
      turnId,
    });
    room.emit('reply.done', {
      turnId,
      text,
      cards: [],
      messageId: stored.id,
      seq: stored.seq,
      error: payload,
    });
    room.emit('error', payload);
  } catch (storeError) {
    log.error({ code: 'INTERNAL', err: storeError }, 'failure reply failed');
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ShopmateError(
            'MODEL_UNAVAILABLE',
            `The turn took longer than ${ms} ms`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** An invalid card is dropped (and logged) rather than sent to a shopper. */
function keepValidCards(cards: unknown[], log: Logger): Card[] {
  const valid: Card[] = [];
  for (const card of cards) {
    const parsed = CardSchema.safeParse(card);
    if (parsed.success) valid.push(parsed.data);
    else log.warn({ code: 'INTERNAL' }, 'agent returned an invalid card');
  }
  return valid;
}
