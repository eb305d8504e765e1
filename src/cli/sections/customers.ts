/** Eval sections of customers/: the CDNOW check and the shop's churn holdout. */
import {
  CDNOW_PAPER_ESTIMATES,
  evaluateChurnHoldout,
  fit,
  readCdnowSummary,
} from '../../customers/index.ts';
import { getReferenceDate } from '../../store/index.ts';
import type { Section } from '../sections.ts';

const fixed = (value: number, digits = 3) => value.toFixed(digits);

export const cdnowSection: Section = {
  key: 'cdnow',
  title: 'BG/NBD on CDNOW (Fader, Hardie & Lee 2005)',
  async run({ config, progress }) {
    progress('fitting BG/NBD on the CDNOW sample…');
    const result = fit(readCdnowSummary(config.dataDir));
    const paper = CDNOW_PAPER_ESTIMATES;
    const json = {
      r: result.r,
      alpha: result.alpha,
      a: result.a,
      b: result.b,
      logLikelihood: result.logLikelihood,
    };
    return {
      json,
      lines: [
        `customers ${result.customers}`,
        ...(['r', 'alpha', 'a', 'b'] as const).map(
          (name) => `${name} ${fixed(json[name], 4)}  (paper ${paper[name]})`,
        ),
        `log-likelihood ${fixed(json.logLikelihood, 2)}  (paper ${paper.logLikelihood})`,
      ],
    };
  },
};

export const churnSection: Section = {
  key: 'churn',
  title: 'Churn: BG/NBD calibration/holdout on the shop',
  async run({ config, db, progress }) {
    const store = db();
    progress('fitting BG/NBD before the cutoff and scoring the holdout…');
    const result = evaluateChurnHoldout(store, getReferenceDate(store, config));
    const base = result.baselines;
    const lines = [
      `cutoff ${result.cutoff}, holdout ${result.horizonDays} days to ${result.referenceDate}, ${result.customers} customers`,
      `AUC buys again: P(alive) ${fixed(result.auc)} (one-time buyers tie at P(alive)=1), expected purchases ${fixed(result.aucExpectedPurchases)}; baselines recency ${fixed(base.recencyAuc)}, frequency ${fixed(base.frequencyAuc)}`,
      `AUC among repeat buyers: P(alive) ${fixed(result.aucRepeaters)}; baseline recency ${fixed(base.recencyAucRepeaters)}`,
      `repeat purchases in holdout: predicted ${result.predictedRepeat}, actual ${result.actualRepeat}; baseline (calibration rate) ${base.naiveRatePredictedRepeat}`,
      'per calibration frequency x: customers, predicted vs actual mean purchases',
      ...result.byFrequency.map(
        (g) =>
          `  x=${g.group.padEnd(3)} n=${String(g.customers).padEnd(5)} ${fixed(g.predicted)} vs ${fixed(g.actual)}`,
      ),
      'per stage at the cutoff: share who bought in the holdout',
      ...result.byStage.map(
        (s) =>
          `  ${s.stage.padEnd(9)} n=${String(s.customers).padEnd(5)} ${fixed(s.boughtAgain)}`,
      ),
    ];
    return { json: result, lines };
  },
};
