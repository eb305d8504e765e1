/**
 * `npm run bench` section "turns": turn latency of the real agent behind the
 * real server, over socket.io on loopback, for one shopper at a time and for
 * many at once. Conversations are written to a temporary copy of the store,
 * so the bench leaves the real one as it found it.
 */
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildShopAgent } from '../agent/index.ts';
import type { Config } from '../config.ts';
import { openIngestedDatabase, type Db } from '../store/index.ts';
import { createShopServer, type ShopServer } from './create-shop-server.ts';
import { findDemoCustomers } from './demo-customers.ts';
import { signSessionToken } from './session-token.ts';
import {
  connectBenchShopper,
  type BenchShopper,
  type TimedTurn,
} from './turn-bench-client.ts';
import {
  summariseTurns,
  type LatencySummary,
  type ScriptedTurn,
} from './turn-bench-stats.ts';

/** Every simulated shopper says these, in order, in one conversation. */
export const TURN_SCRIPT = [
  'lunch bag',
  'cheaper',
  'in blue',
  'what should I reorder?',
  'where is my order?',
] as const;

export interface TurnBenchOptions {
  config: Config;
  /** The ingested store; it is copied, never written. */
  db: Db;
  progress(text: string): void;
  /** Conversations run one after another by the single shopper; 4. */
  sequentialConversations?: number;
  /** Shoppers holding their conversations at the same time; 50. */
  concurrentShoppers?: number;
  /** A turn without a reply by then counts as a TIMEOUT error; 60 s. */
  turnTimeoutMs?: number;
  /** The whole bench stops here, reporting what it measured; 10 min. */
  deadlineMs?: number;
}

/** The section's JSON. */
export interface TurnBenchReport {
  script: readonly string[];
  /** The real customers half of the shoppers talk as. */
  customers: number[];
  chatModel: string;
  single: LatencySummary;
  concurrent: LatencySummary;
  /** p50 with many shoppers over p50 with one. */
  p50Ratio: number;
  throughputRatio: number;
  deadlineHit: boolean;
  setup: {
    storeCopySeconds: number;
    agentStartSeconds: number;
    /** The first turn after start-up, before any caches are warm. */
    warmUpFirstTurnMs: number;
  };
  machine: { cores: number; loadAverage: Record<string, number[]> };
}

interface RunningShop {
  baseUrl: string;
  config: Config;
  signal: AbortSignal;
  turnTimeoutMs: number;
  /** Open shoppers, closed at the end whatever happens. */
  open: Set<BenchShopper>;
}

const round = (value: number, digits = 1) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** Half the shoppers are anonymous; the others cycle through real customers. */
function identityFor(index: number, customers: number[]): number | null {
  if (index % 2 === 0 || customers.length === 0) return null;
  return customers[((index - 1) / 2) % customers.length];
}

async function connectAs(
  shop: RunningShop,
  customerId: number | null,
): Promise<BenchShopper> {
  const { token } = await signSessionToken(shop.config.sessionSecret, {
    customerId,
  });
  const shopper = await connectBenchShopper(shop.baseUrl, token, 10_000);
  shop.open.add(shopper);
  return shopper;
}

function closeShopper(shop: RunningShop, shopper: BenchShopper): void {
  shopper.close();
  shop.open.delete(shopper);
}

async function runScript(
  shop: RunningShop,
  shopper: BenchShopper,
): Promise<ScriptedTurn[]> {
  const turns: ScriptedTurn[] = [];
  for (const text of TURN_SCRIPT) {
    const turn: TimedTurn = shop.signal.aborted
      ? { error: 'DEADLINE', cards: 0 }
      : await shopper.send(text, {
          timeoutMs: shop.turnTimeoutMs,
          signal: shop.signal,
        });
    turns.push({ ...turn, text });
  }
  return turns;
}

/** Every turn of a script that could not start, as errors. */
const unstarted = (error: string): ScriptedTurn[] =>
  TURN_SCRIPT.map((text) => ({ text, error, cards: 0 }));

/** One shopper at a time; connecting is not timed. */
async function runSequential(
  shop: RunningShop,
  identities: (number | null)[],
): Promise<LatencySummary> {
  const turns: ScriptedTurn[] = [];
  let busyMs = 0;
  for (const customerId of identities) {
    const shopper = await connectAs(shop, customerId).catch(() => undefined);
    if (!shopper) {
      turns.push(...unstarted('CONNECT'));
      continue;
    }
    const started = performance.now();
    turns.push(...(await runScript(shop, shopper)));
    busyMs += performance.now() - started;
    closeShopper(shop, shopper);
  }
  return summariseTurns(turns, 1, busyMs);
}

/** Everyone connects first, then all conversations start at once. */
async function runConcurrent(
  shop: RunningShop,
  identities: (number | null)[],
): Promise<LatencySummary> {
  const shoppers = await Promise.all(
    identities.map((customerId) =>
      connectAs(shop, customerId).catch(() => undefined),
    ),
  );
  const started = performance.now();
  const results = await Promise.all(
    shoppers.map((shopper) =>
      shopper ? runScript(shop, shopper) : unstarted('CONNECT'),
    ),
  );
  const wallMs = performance.now() - started;
  for (const shopper of shoppers) if (shopper) closeShopper(shop, shopper);
  return summariseTurns(results.flat(), identities.length, wallMs);
}

const loadAverage = () => os.loadavg().map((value) => round(value, 2));

/** Runs the bench and returns its JSON and printable lines. */
export async function benchTurns(
  options: TurnBenchOptions,
): Promise<{ json: TurnBenchReport; lines: string[] }> {
  const { config, progress } = options;
  const sequential = options.sequentialConversations ?? 4;
  const concurrent = options.concurrentShoppers ?? 50;
  const signal = AbortSignal.timeout(options.deadlineMs ?? 600_000);
  // Each waiting shopper listens for the deadline.
  setMaxListeners(concurrent + 10, signal);
  const loadAtStart = loadAverage();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-turns-'));
  let copy: Db | undefined;
  let server: ShopServer | undefined;
  const open = new Set<BenchShopper>();

  try {
    progress('copying the store to a temporary folder');
    let started = performance.now();
    const copyPath = path.join(tempDir, 'shopmate.db');
    await options.db.backup(copyPath);
    copy = openIngestedDatabase(copyPath);
    const copySeconds = (performance.now() - started) / 1000;

    progress('starting the offline agent and the server on 127.0.0.1:0');
    started = performance.now();
    const agent = await buildShopAgent(config, { db: copy });
    server = createShopServer({ config, db: copy, agent });
    const address = await server.listen(0, '127.0.0.1');
    const startSeconds = (performance.now() - started) / 1000;
    const shop: RunningShop = {
      baseUrl: `http://127.0.0.1:${address.port}`,
      config,
      signal,
      turnTimeoutMs: options.turnTimeoutMs ?? 60_000,
      open,
    };
    const customers = findDemoCustomers(copy, config).map(
      (customer) => customer.customerId,
    );
    const identities = (count: number) =>
      Array.from({ length: count }, (_v, i) => identityFor(i, customers));

    progress('warm-up: one conversation, not counted');
    const warmUp = await runSequential(shop, identities(2).slice(1));

    progress(`1 shopper: ${sequential} conversations one after another`);
    const loadBeforeSingle = loadAverage();
    const single = await runSequential(shop, identities(sequential));

    progress(`${concurrent} shoppers at once`);
    const loadBeforeMany = loadAverage();
    const many = await runConcurrent(shop, identities(concurrent));

    const json: TurnBenchReport = {
      script: TURN_SCRIPT,
      customers,
      chatModel: config.CHAT_MODEL,
      single,
      concurrent: many,
      p50Ratio: round(many.p50Ms / single.p50Ms, 1),
      throughputRatio: round(many.turnsPerSecond / single.turnsPerSecond, 2),
      deadlineHit: signal.aborted,
      setup: {
        storeCopySeconds: round(copySeconds),
        agentStartSeconds: round(startSeconds),
        warmUpFirstTurnMs: warmUp.byMessageP50Ms[TURN_SCRIPT[0]],
      },
      machine: {
        cores: os.cpus().length,
        loadAverage: {
          atStart: loadAtStart,
          beforeSingle: loadBeforeSingle,
          beforeConcurrent: loadBeforeMany,
          atEnd: loadAverage(),
        },
      },
    };
    return { json, lines: describe(json) };
  } finally {
    for (const shopper of open) shopper.close();
    await server?.close();
    copy?.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

function describe(json: TurnBenchReport): string[] {
  const phase = (name: string, s: LatencySummary) =>
    `${name} (${s.replied}/${s.turns} turns replied): p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms, max ${s.maxMs} ms; first chunk p50 ${s.firstChunkP50Ms} ms; ${s.turnsPerSecond} turns/s`;
  const perMessage = (s: LatencySummary) =>
    Object.entries(s.byMessageP50Ms)
      .map(([text, ms]) => `"${text}" ${ms}`)
      .join(', ');
  const errors = (s: LatencySummary) =>
    Object.entries(s.errors)
      .map(([code, count]) => `${code} ×${count}`)
      .join(', ') || 'none';
  const { single, concurrent: many, machine } = json;
  const load = machine.loadAverage;

  return [
    `chat model: ${json.chatModel}; agent start ${json.setup.agentStartSeconds} s; cold first turn ${json.setup.warmUpFirstTurnMs} ms (warm-up, not counted)`,
    phase('1 shopper, sequential', single),
    phase(`${many.shoppers} shoppers, concurrent`, many),
    `p50 at ${many.shoppers} vs 1: ${json.p50Ratio}×; throughput at ${many.shoppers} vs 1: ${json.throughputRatio}×`,
    `p50 per message, 1 shopper (ms): ${perMessage(single)}`,
    `p50 per message, ${many.shoppers} shoppers (ms): ${perMessage(many)}`,
    `errors: 1 shopper ${errors(single)}; ${many.shoppers} shoppers ${errors(many)}${json.deadlineHit ? ' — stopped at the deadline' : ''}`,
    `machine: ${machine.cores} cores shared with other jobs; load average (1/5/15 min) ${load.atStart.join('/')} at start, ${load.beforeConcurrent.join('/')} before the concurrent run, ${load.atEnd.join('/')} at end`,
  ];
}
