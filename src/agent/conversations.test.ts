/**
 * The scripted conversations of src/agent/conversations/*.yaml, played
 * through the real websocket (shop server on port 0, socket.io-client) on a
 * copy of the real ingested store, with the real models and the offline
 * chat model.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getConfig } from '../config.ts';
import { openDatabase, type Db } from '../store/index.ts';
import {
  checkTurn,
  connectShopClient,
  ConversationSpecSchema,
  fillPlaceholders,
  getIngestedDb,
  mintDevSession,
  resolveCustomer,
  startTestShopServer,
  type TestShopServer,
  type TurnRecord,
} from '../test-helpers/index.ts';
import { buildShopAgent } from './build-shop-agent.ts';
import type { ShopAgent, TurnOutput } from './turn.ts';

const folder = path.join(import.meta.dirname, 'conversations');
const specs = fs
  .readdirSync(folder)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => ({
    file,
    spec: ConversationSpecSchema.parse(
      parse(fs.readFileSync(path.join(folder, file), 'utf8')),
    ),
  }));

/** Wraps an agent so the test can read each turn's trace by conversation. */
function recordTraces(agent: ShopAgent) {
  const traces = new Map<string, TurnOutput['trace'][]>();
  const recording: ShopAgent = {
    async runTurn(input, onChunk) {
      const output = await agent.runTurn(input, onChunk);
      const list = traces.get(input.conversationId) ?? [];
      list.push(output.trace);
      traces.set(input.conversationId, list);
      return output;
    },
  };
  return { recording, traces };
}

describe('scripted conversations over the websocket (real store)', () => {
  let scratch: string;
  let db: Db;
  let shop: TestShopServer;
  let traces: Map<string, TurnOutput['trace'][]>;

  beforeAll(async () => {
    // The server stores every message; a copy keeps the real store clean.
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-conversations-'));
    const file = path.join(scratch, 'shopmate.db');
    await getIngestedDb().backup(file);
    db = openDatabase(file);
    const agent = await buildShopAgent(getConfig(), { db });
    const recorder = recordTraces(agent);
    traces = recorder.traces;
    shop = await startTestShopServer({
      agent: recorder.recording,
      db,
      env: { TURNS_PER_MINUTE: '10000' },
    });
  });

  afterAll(async () => {
    await shop?.close();
    db?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('has the required scenarios', () => {
    expect(specs.length).toBeGreaterThanOrEqual(7);
  });

  for (const { file, spec } of specs)
    it(`${spec.name} (${file})`, async () => {
      const customerId = resolveCustomer(db, spec.customer);
      const session = await mintDevSession(shop.baseUrl, customerId);
      const client = await connectShopClient(shop.baseUrl, session.token);
      const problems: string[] = [];
      let previous: TurnRecord | undefined;
      try {
        for (const [index, turn] of spec.turns.entries()) {
          const text = fillPlaceholders(db, turn.say, customerId);
          const result = await client.send(text, { timeoutMs: 60_000 });
          expect(result.ack.ok, `message "${text}" refused`).toBe(true);
          const done = result.done;
          if (!done) throw new Error(`no reply to "${text}"`);
          expect(done.error).toBeUndefined();
          // The streamed chunks are the reply, in order.
          expect(result.chunks.map((chunk) => chunk.index)).toEqual(
            result.chunks.map((_chunk, i) => i),
          );
          expect(
            result.chunks
              .map((chunk) => chunk.text)
              .join('')
              .trim(),
          ).toBe(done.text.trim());
          const trace = traces.get(client.session.conversationId)?.[index];
          if (!trace) throw new Error(`no trace for "${text}"`);
          const record: TurnRecord = {
            text: done.text,
            cards: done.cards,
            trace,
          };
          problems.push(
            ...checkTurn(
              db,
              customerId,
              { ...turn, say: text },
              record,
              previous,
            ),
          );
          previous = record;
        }
      } finally {
        client.close();
      }
      expect(problems).toEqual([]);
    });
});
