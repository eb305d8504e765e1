/**
 * Lifecycle stages from BG/NBD and recency. The policy (also in README.md):
 *
 * - one-time: no repeat purchase (x = 0). BG/NBD assumes nobody drops out
 *   before a repeat purchase, so P(alive) is 1 for them; that is a modelling
 *   assumption, not evidence, and these customers are never shown as safe.
 * - new: has repeat purchases but the first purchase is under 90 days old;
 *   too little history to call them loyal or lost.
 * - lapsed: P(alive) < 0.5, or no purchase for more than 365 days.
 * - active: P(alive) ≥ 0.8 and a purchase within the last 180 days.
 * - at-risk: everyone else (P(alive) in [0.5, 0.8), or 180–365 days since
 *   the last purchase).
 *
 * The recency caps guard against a high P(alive) for slow buyers (one repeat
 * a year ago gives little evidence of death under BG/NBD).
 */
import { z } from 'zod';
import type { PurchaseSummary } from './bgnbd.ts';

export const STAGES = [
  'new',
  'active',
  'at-risk',
  'lapsed',
  'one-time',
] as const;
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const STAGE_POLICY = {
  newWithinDays: 90,
  activeMinPAlive: 0.8,
  activeWithinDays: 180,
  lapsedBelowPAlive: 0.5,
  lapsedAfterDays: 365,
} as const;

export const StageEvidenceSchema = z.object({
  /** Repeat purchases x (distinct purchase days after the first). */
  frequency: z.number().int().min(0),
  /** t_x: days from the first to the last purchase. */
  recencyDays: z.number().min(0),
  /** Days since the last purchase (T − t_x). */
  daysSinceLastPurchase: z.number().min(0),
  /** T: days since the first purchase. */
  tenureDays: z.number().min(0),
  /** T in weeks, to one decimal. */
  tenureWeeks: z.number().min(0),
  pAlive: z.number().min(0).max(1),
});
export type StageEvidence = z.infer<typeof StageEvidenceSchema>;

/** The evidence a stage is decided on, from a summary in days. */
export function stageEvidence(
  summary: PurchaseSummary,
  pAlive: number,
): StageEvidence {
  return {
    frequency: summary.frequency,
    recencyDays: summary.recency,
    daysSinceLastPurchase: summary.T - summary.recency,
    tenureDays: summary.T,
    tenureWeeks: Math.round((summary.T / 7) * 10) / 10,
    pAlive,
  };
}

/** The stage and a one-line reason a person can read. */
export function classifyStage(evidence: StageEvidence): {
  stage: Stage;
  reason: string;
} {
  const policy = STAGE_POLICY;
  const since = evidence.daysSinceLastPurchase;
  const p = evidence.pAlive.toFixed(2);
  if (evidence.frequency === 0)
    return {
      stage: 'one-time',
      reason: `no repeat purchase yet (first and only purchase ${since} days ago)`,
    };
  if (evidence.tenureDays < policy.newWithinDays)
    return {
      stage: 'new',
      reason: `first purchase under ${policy.newWithinDays} days ago`,
    };
  if (
    evidence.pAlive < policy.lapsedBelowPAlive ||
    since > policy.lapsedAfterDays
  )
    return {
      stage: 'lapsed',
      reason: `P(alive) ${p}, last purchase ${since} days ago`,
    };
  if (
    evidence.pAlive >= policy.activeMinPAlive &&
    since <= policy.activeWithinDays
  )
    return {
      stage: 'active',
      reason: `P(alive) ${p}, last purchase ${since} days ago`,
    };
  return {
    stage: 'at-risk',
    reason: `P(alive) ${p}, last purchase ${since} days ago`,
  };
}
