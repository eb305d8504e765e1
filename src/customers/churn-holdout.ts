/**
 * The calibration/holdout check of Fader, Hardie & Lee (2005) on the shop:
 * fit on purchases up to a cutoff, predict the following window, compare.
 */
import { DAY_MS, formatShopTime, type Db } from '../store/index.ts';
import { rocAuc } from './auc.ts';
import { expectedPurchases, fit, pAlive, type BgNbdParams } from './bgnbd.ts';
import {
  classifyStage,
  stageEvidence,
  STAGES,
  type Stage,
} from './lifecycle.ts';
import {
  dayNumber,
  readPurchaseDays,
  summarisePurchaseDays,
} from './purchase-history.ts';

export const HOLDOUT_DAYS = 91;
const FREQUENCY_GROUPS = 8; // 0, 1, …, 6, 7+

export interface FrequencyGroup {
  group: string;
  customers: number;
  /** Mean predicted repeat purchases per customer in the window. */
  predicted: number;
  actual: number;
}

export interface StageOutcome {
  stage: Stage;
  customers: number;
  /** Share of the stage's customers who bought in the window. */
  boughtAgain: number;
}

export interface ChurnHoldoutResult {
  cutoff: string;
  referenceDate: string;
  horizonDays: number;
  customers: number;
  params: BgNbdParams;
  /** AUC of P(alive) for "buys again in the window". */
  auc: number;
  aucExpectedPurchases: number;
  /** AUC of P(alive) among customers with a repeat purchase (x ≥ 1). */
  aucRepeaters: number;
  baselines: {
    /** Fewer days since the last purchase ranks higher. */
    recencyAuc: number;
    frequencyAuc: number;
    recencyAucRepeaters: number;
    /** Each customer keeps buying at their calibration rate x / T. */
    naiveRatePredictedRepeat: number;
  };
  predictedRepeat: number;
  actualRepeat: number;
  byFrequency: FrequencyGroup[];
  byStage: StageOutcome[];
}

const round = (value: number, digits = 4) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** Fits before `referenceDate − horizonDays` and scores the window after. */
export function evaluateChurnHoldout(
  db: Db,
  referenceDate: Date,
  horizonDays = HOLDOUT_DAYS,
): ChurnHoldoutResult {
  const endDay = dayNumber(referenceDate);
  const cutoffDay = endDay - horizonDays;

  const rows: { x: number; tx: number; T: number; holdout: number }[] = [];
  for (const days of readPurchaseDays(db, referenceDate).values()) {
    const summary = summarisePurchaseDays(days, cutoffDay);
    if (!summary) continue;
    const holdout = days.filter((d) => d > cutoffDay && d <= endDay).length;
    rows.push({
      x: summary.frequency,
      tx: summary.recency,
      T: summary.T,
      holdout,
    });
  }
  const params = fit(
    rows.map((r) => ({ frequency: r.x, recency: r.tx, T: r.T })),
  );

  const alive = rows.map((r) => pAlive(params, r.x, r.tx, r.T));
  const expected = rows.map((r) =>
    expectedPurchases(params, horizonDays, r.x, r.tx, r.T),
  );
  const bought = rows.map((r) => r.holdout > 0);
  const repeaters = rows.flatMap((r, i) => (r.x > 0 ? [i] : []));
  const pick = <T>(values: T[]) => repeaters.map((i) => values[i]);
  const sinceLast = rows.map((r) => -(r.T - r.tx));

  const groups = Array.from({ length: FREQUENCY_GROUPS }, (_, g) => ({
    group: g === FREQUENCY_GROUPS - 1 ? `${g}+` : String(g),
    customers: 0,
    predicted: 0,
    actual: 0,
  }));
  const stages = new Map<Stage, { customers: number; bought: number }>(
    STAGES.map((stage) => [stage, { customers: 0, bought: 0 }]),
  );
  rows.forEach((r, i) => {
    const group = groups[Math.min(r.x, FREQUENCY_GROUPS - 1)];
    group.customers++;
    group.predicted += expected[i];
    group.actual += r.holdout;
    const { stage } = classifyStage(
      stageEvidence({ frequency: r.x, recency: r.tx, T: r.T }, alive[i]),
    );
    const outcome = stages.get(stage)!;
    outcome.customers++;
    if (bought[i]) outcome.bought++;
  });

  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    cutoff: formatShopTime(new Date((cutoffDay + 1) * DAY_MS - 1000)),
    referenceDate: formatShopTime(referenceDate),
    horizonDays,
    customers: rows.length,
    params: { r: params.r, alpha: params.alpha, a: params.a, b: params.b },
    auc: round(rocAuc(alive, bought)),
    aucExpectedPurchases: round(rocAuc(expected, bought)),
    aucRepeaters: round(rocAuc(pick(alive), pick(bought))),
    baselines: {
      recencyAuc: round(rocAuc(sinceLast, bought)),
      frequencyAuc: round(
        rocAuc(
          rows.map((r) => r.x),
          bought,
        ),
      ),
      recencyAucRepeaters: round(rocAuc(pick(sinceLast), pick(bought))),
      naiveRatePredictedRepeat: round(
        sum(rows.map((r) => (r.T > 0 ? (r.x / r.T) * horizonDays : 0))),
        1,
      ),
    },
    predictedRepeat: round(sum(expected), 1),
    actualRepeat: sum(rows.map((r) => r.holdout)),
    byFrequency: groups.map((g) => ({
      group: g.group,
      customers: g.customers,
      predicted: g.customers ? round(g.predicted / g.customers, 3) : 0,
      actual: g.customers ? round(g.actual / g.customers, 3) : 0,
    })),
    byStage: [...stages].map(([stage, o]) => ({
      stage,
      customers: o.customers,
      boughtAgain: o.customers ? round(o.bought / o.customers, 3) : 0,
    })),
  };
}
