/**
 * The intent eval: the held-out split against baselines, synthetic
 * two-request messages, and the messy set (intents, entities, language,
 * sentiment).
 */
import type { LabelledUtterance } from './data-sources.ts';
import type { IntentDataset } from './dataset.ts';
import {
  keywordBaseline,
  majorityBaseline,
  type Predictor,
} from './baselines.ts';
import { SOCIAL_INTENTS } from './intent-names.ts';
import type { IntentModel } from './intent-model.ts';
import { scoreClassification } from './metrics.ts';
import {
  isMessyMatch,
  readMessySet,
  readSentimentHoldout,
} from './messy-set.ts';
import { dedupeKey } from './normalise-text.ts';
import { createRandom, pick } from './random.ts';
import type { Entities } from './schema.ts';
import { scoreSentiment } from './sentiment.ts';

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const share = (hits: number, n: number) => (n > 0 ? round(hits / n) : 0);

function scorePredictor(
  items: readonly LabelledUtterance[],
  predict: Predictor,
) {
  const report = scoreClassification(
    items.map((item) => item.intent),
    items.map((item) => predict(item.text)),
  );
  return { accuracy: report.accuracy, macroF1: report.macroF1 };
}

/** Accuracy, macro-F1 and confusions of the model's first intent per utterance. */
export function evaluateHeldOut(model: IntentModel, data: IntentDataset) {
  const report = scoreClassification(
    data.test.map((item) => item.intent),
    data.test.map((item) => model.classify(item.text)[0].name),
  );
  const bySource = new Map<string, LabelledUtterance[]>();
  for (const item of data.test)
    bySource.set(item.source, [...(bySource.get(item.source) ?? []), item]);
  return {
    ...report,
    bySource: Object.fromEntries(
      [...bySource].map(([source, items]) => [
        source,
        {
          n: items.length,
          ...scorePredictor(items, (text) => model.classify(text)[0].name),
        },
      ]),
    ),
    baselines: {
      majority: scorePredictor(data.test, majorityBaseline(data.train)),
      keyword: scorePredictor(data.test, keywordBaseline(data.train)),
    },
  };
}

/**
 * Two held-out utterances of different intents joined like a shopper would
 * ("… and …", "…. …", "…, also …"): both intents must come back, nothing
 * else; and single utterances must not be split into two requests.
 */
export function evaluateMultiIntent(
  model: IntentModel,
  data: IntentDataset,
  pairs = 400,
) {
  const random = createRandom(11);
  const tasks = data.test.filter((item) => !SOCIAL_INTENTS.has(item.intent));
  const joins = [' and ', '. ', ', also ', ' + ', ' and also ', '? ', ' then '];
  let exact = 0;
  for (let made = 0; made < pairs && tasks.length > 1;) {
    const first = pick(random, tasks);
    const second = pick(random, tasks);
    if (first.intent === second.intent) continue;
    made++;
    const text = `${first.text.replace(/[?.!]+$/, '')}${pick(random, joins)}${second.text}`;
    const got = model
      .detect(text)
      .intents.map((intent) => intent.name)
      .filter((name) => !SOCIAL_INTENTS.has(name));
    if (
      got.length === 2 &&
      got.includes(first.intent) &&
      got.includes(second.intent)
    )
      exact++;
  }
  const singles = tasks.slice(0, 1000);
  const split = singles.filter(
    (item) =>
      model.detect(item.text).intents.filter((i) => !SOCIAL_INTENTS.has(i.name))
        .length > 1,
  ).length;
  return {
    pairs,
    pairExact: share(exact, pairs),
    singles: singles.length,
    falseMulti: share(split, singles.length),
  };
}

function entitiesMatch(expected: Partial<Entities>, got: Entities): boolean {
  return Object.entries(expected).every(
    ([key, value]) =>
      JSON.stringify(got[key as keyof Entities]) === JSON.stringify(value),
  );
}

/** The messy set, scored as a shopper would judge the answers. */
export function evaluateMessy(
  model: IntentModel,
  options: {
    trainKeys?: ReadonlySet<string>;
    train?: readonly LabelledUtterance[];
  } = {},
) {
  const messages = readMessySet();
  let correct = 0;
  let top1 = 0;
  let multiN = 0;
  let multiCorrect = 0;
  let languageN = 0;
  let languageCorrect = 0;
  let entityN = 0;
  let entityCorrect = 0;
  let sentimentCorrect = 0;
  let negativeN = 0;
  let negativeFound = 0;
  const failures: { text: string; expected: string[]; got: string[] }[] = [];

  for (const message of messages) {
    const result = model.detect(message.text);
    const names = result.intents.map((intent) => intent.name);
    const ok = isMessyMatch(message, names);
    if (ok) correct++;
    else
      failures.push({
        text: message.text,
        expected: message.intents,
        got: names,
      });
    const allowed = [...message.intents, ...(message.accept ?? [])];
    if (allowed.includes(names[0])) top1++;
    if (
      message.intents.filter((name) => !SOCIAL_INTENTS.has(name)).length > 1
    ) {
      multiN++;
      if (ok) multiCorrect++;
    }
    if (message.language) {
      languageN++;
      if ((message.language === 'en') === (result.language === 'en'))
        languageCorrect++;
    }
    if (message.entities) {
      entityN++;
      if (entitiesMatch(message.entities, result.entities)) entityCorrect++;
    }
    if (result.sentiment === message.sentiment) sentimentCorrect++;
    if (message.sentiment === 'negative') {
      negativeN++;
      if (result.sentiment === 'negative') negativeFound++;
    }
  }

  const n = messages.length;
  const baselineOf = (predict: Predictor) =>
    share(messages.filter((m) => isMessyMatch(m, [predict(m.text)])).length, n);
  const holdout = readSentimentHoldout();
  return {
    accuracy: share(correct, n),
    n,
    top1Accuracy: share(top1, n),
    multiIntent: { n: multiN, accuracy: share(multiCorrect, multiN) },
    nonEnglishDetected: {
      n: languageN,
      accuracy: share(languageCorrect, languageN),
    },
    entities: { n: entityN, accuracy: share(entityCorrect, entityN) },
    sentiment: {
      accuracy: share(sentimentCorrect, n),
      negativeRecall: share(negativeFound, negativeN),
      neutralBaseline: share(
        messages.filter((m) => m.sentiment === 'neutral').length,
        n,
      ),
      holdout: {
        n: holdout.length,
        accuracy: share(
          holdout.filter((c) => scoreSentiment(c.text).label === c.sentiment)
            .length,
          holdout.length,
        ),
      },
    },
    /** Messy texts identical (normalised) to a training sentence. */
    overlapWithTraining: options.trainKeys
      ? messages.filter((m) => options.trainKeys?.has(dedupeKey(m.text))).length
      : undefined,
    baselines: options.train
      ? {
          majority: baselineOf(majorityBaseline(options.train)),
          keyword: baselineOf(keywordBaseline(options.train)),
        }
      : undefined,
    failures,
  };
}
