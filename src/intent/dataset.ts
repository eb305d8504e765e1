/**
 * Builds the intent data: Bitext + WANDS + shopping templates, deduplicated
 * on normalised text, split by group (a template, or one unique normalised
 * utterance) so no sentence is on both sides, then capped and augmented on
 * the training side only.
 */
import { addNoise, toBritish } from './augment.ts';
import {
  readBitextUtterances,
  readWandsQueries,
  type LabelledUtterance,
} from './data-sources.ts';
import type { IntentName } from './intent-names.ts';
import { dedupeKey } from './normalise-text.ts';
import { createRandom, hashString, shuffle } from './random.ts';
import { generateShoppingExamples } from './shopping-examples.ts';

export interface DatasetOptions {
  seed: number;
  /** Training examples per intent after dedupe (before augmentation). */
  maxTrainPerIntent: number;
  /** Examples per shopping intent generated from the templates. */
  shoppingPerIntent: number;
  /** Share of groups held out for the test and dev splits. */
  testShare: number;
  devShare: number;
  /** Noisy copies added per training example (0..1, expected count). */
  noiseRate: number;
}

export const DEFAULT_DATASET_OPTIONS: DatasetOptions = {
  seed: 7,
  maxTrainPerIntent: 700,
  shoppingPerIntent: 600,
  testShare: 0.15,
  devShare: 0.08,
  noiseRate: 0.5,
};

export interface DatasetStats {
  raw: number;
  unique: number;
  conflictsDropped: number;
  train: number;
  augmented: number;
  dev: number;
  test: number;
}

export interface IntentDataset {
  train: LabelledUtterance[];
  dev: LabelledUtterance[];
  test: LabelledUtterance[];
  stats: DatasetStats;
  /** Normalised keys of every original training utterance. */
  trainKeys: Set<string>;
}

interface Entry {
  utterance: LabelledUtterance;
  votes: Map<IntentName, number>;
}

/** One example per normalised text; a text with split votes is dropped. */
export function dedupeUtterances(utterances: LabelledUtterance[]) {
  const entries = new Map<string, Entry>();
  for (const utterance of utterances) {
    const key = dedupeKey(utterance.text);
    if (!key) continue;
    const entry = entries.get(key) ?? { utterance, votes: new Map() };
    entry.votes.set(
      utterance.intent,
      (entry.votes.get(utterance.intent) ?? 0) + 1,
    );
    entries.set(key, entry);
  }
  const unique: (LabelledUtterance & { key: string })[] = [];
  let conflicts = 0;
  for (const [key, { utterance, votes }] of entries) {
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) {
      conflicts++;
      continue;
    }
    unique.push({ ...utterance, intent: ranked[0][0], key });
  }
  return { unique, conflicts };
}

function splitOf(group: string, options: DatasetOptions) {
  const share = (hashString(`${options.seed}:${group}`) % 10_000) / 10_000;
  if (share < options.testShare) return 'test';
  if (share < options.testShare + options.devShare) return 'dev';
  return 'train';
}

function capPerIntent<T extends LabelledUtterance>(
  items: T[],
  max: number,
  seed: number,
): T[] {
  const byIntent = new Map<IntentName, T[]>();
  for (const item of items)
    byIntent.set(item.intent, [...(byIntent.get(item.intent) ?? []), item]);
  const random = createRandom(seed);
  return [...byIntent.values()].flatMap((group) =>
    shuffle(random, group).slice(0, max),
  );
}

/** Reads, dedupes, splits, caps and augments the intent data. */
export function buildIntentDataset(
  dataDir: string,
  options: DatasetOptions = DEFAULT_DATASET_OPTIONS,
): IntentDataset {
  const raw = [
    ...readBitextUtterances(dataDir),
    ...readWandsQueries(dataDir),
    ...generateShoppingExamples({
      perIntent: options.shoppingPerIntent,
      seed: options.seed,
    }),
  ];
  const { unique, conflicts } = dedupeUtterances(raw);

  const sides = { train: [], dev: [], test: [] } as Record<
    'train' | 'dev' | 'test',
    typeof unique
  >;
  for (const item of unique)
    sides[splitOf(item.group ?? item.key, options)].push(item);

  const train = capPerIntent(
    sides.train,
    options.maxTrainPerIntent,
    options.seed,
  );
  const trainKeys = new Set(train.map((item) => item.key));
  const heldOut = new Set(
    [...sides.dev, ...sides.test].map((item) => item.key),
  );
  const random = createRandom(options.seed + 1);
  const augmented: LabelledUtterance[] = [];
  const strip = (item: LabelledUtterance): LabelledUtterance => ({
    text: item.text,
    intent: item.intent,
    source: item.source,
    ...(item.group ? { group: item.group } : {}),
  });
  const seen = new Set(trainKeys);
  const addCopy = (item: LabelledUtterance, text: string, kind: string) => {
    const key = dedupeKey(text);
    // A rewritten copy must not recreate a held-out sentence.
    if (!key || heldOut.has(key) || seen.has(key)) return;
    seen.add(key);
    augmented.push({ ...strip(item), text, source: `${item.source}+${kind}` });
  };
  for (const item of train) {
    const british = toBritish(item.text, random);
    if (british && random() < 0.5) addCopy(item, british, 'british');
    if (random() < options.noiseRate)
      addCopy(item, addNoise(british ?? item.text, random), 'noise');
  }

  return {
    train: [...train.map(strip), ...augmented],
    dev: sides.dev.map(strip),
    test: sides.test.map(strip),
    trainKeys,
    stats: {
      raw: raw.length,
      unique: unique.length,
      conflictsDropped: conflicts,
      train: train.length,
      augmented: augmented.length,
      dev: sides.dev.length,
      test: sides.test.length,
    },
  };
}
