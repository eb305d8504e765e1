import { describe, expect, it } from 'vitest';
import { classifyStage, stageEvidence, STAGE_POLICY } from './lifecycle.ts';

const stageOf = (x: number, tx: number, T: number, pAlive: number) =>
  classifyStage(stageEvidence({ frequency: x, recency: tx, T }, pAlive)).stage;

describe('classifyStage', () => {
  it('calls every customer without a repeat purchase one-time, P(alive) 1 or not', () => {
    expect(stageOf(0, 0, 5, 1)).toBe('one-time');
    expect(stageOf(0, 0, 500, 1)).toBe('one-time');
  });

  it('calls repeat buyers with a short history new', () => {
    expect(stageOf(2, 40, STAGE_POLICY.newWithinDays - 1, 0.2)).toBe('new');
  });

  it('separates active, at-risk and lapsed by P(alive) and recency', () => {
    expect(stageOf(5, 300, 310, 0.95)).toBe('active');
    expect(stageOf(5, 300, 310, 0.7)).toBe('at-risk');
    expect(stageOf(5, 100, 310, 0.9)).toBe('at-risk'); // 210 days silent
    expect(stageOf(5, 300, 310, 0.3)).toBe('lapsed');
    expect(stageOf(1, 10, 400, 0.9)).toBe('lapsed'); // 390 days silent
  });

  it('gives evidence in days and weeks', () => {
    expect(stageEvidence({ frequency: 2, recency: 30, T: 70 }, 0.5)).toEqual({
      frequency: 2,
      recencyDays: 30,
      daysSinceLastPurchase: 40,
      tenureDays: 70,
      tenureWeeks: 10,
      pAlive: 0.5,
    });
  });
});
