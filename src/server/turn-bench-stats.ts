/**
 * The figures of the turn bench: percentiles, throughput and error counts
 * of a phase's timed turns.
 */
import type { TimedTurn } from './turn-bench-client.ts';

/** A timed turn and the message that started it. */
export interface ScriptedTurn extends TimedTurn {
  text: string;
}

export interface LatencySummary {
  shoppers: number;
  turns: number;
  /** Turns that got a `reply.done` (an apology with an error included). */
  replied: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  firstChunkP50Ms: number;
  /** Replied turns per second of wall time, connections excluded. */
  turnsPerSecond: number;
  wallSeconds: number;
  /** Error code → count: refused, failed, timed-out or unanswered turns. */
  errors: Record<string, number>;
  /** p50 latency of each message, in the order first sent. */
  byMessageP50Ms: Record<string, number>;
}

/**
 * The nearest-rank percentile: the smallest value with at least p % of the
 * values at or below it. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** A phase's figures; `wallMs` is the time its turns were running. */
export function summariseTurns(
  turns: readonly ScriptedTurn[],
  shoppers: number,
  wallMs: number,
): LatencySummary {
  const latencies = turns.flatMap((turn) => turn.latencyMs ?? []);
  const firstChunks = turns.flatMap((turn) => turn.firstChunkMs ?? []);
  const errors: Record<string, number> = {};
  const byMessage = new Map<string, number[]>();
  for (const turn of turns) {
    if (turn.error) errors[turn.error] = (errors[turn.error] ?? 0) + 1;
    const own = byMessage.get(turn.text) ?? [];
    if (turn.latencyMs !== undefined) own.push(turn.latencyMs);
    byMessage.set(turn.text, own);
  }

  return {
    shoppers,
    turns: turns.length,
    replied: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    maxMs: round(latencies.length > 0 ? Math.max(...latencies) : Number.NaN),
    firstChunkP50Ms: round(percentile(firstChunks, 50)),
    turnsPerSecond: round(latencies.length / (wallMs / 1000), 2),
    wallSeconds: round(wallMs / 1000),
    errors,
    byMessageP50Ms: Object.fromEntries(
      [...byMessage].map(([text, own]) => [text, round(percentile(own, 50))]),
    ),
  };
}

const round = (value: number, digits = 1) =>
  Math.round(value * 10 ** digits) / 10 ** digits;
