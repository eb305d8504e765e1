/**
 * Saves and loads the trained intent model under `<stateDir>/intent-model/`:
 * model.json (labels, options, vocabulary, metrics) and weights.bin (the
 * hashed rows, the weight matrix and the biases as little-endian arrays).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ShopmateError } from '../errors.ts';
import { IntentNameSchema } from './intent-names.ts';
import type { IntentModelParts } from './intent-model.ts';

/** Bumped when the features or the file layout change: old files retrain. */
export const INTENT_MODEL_VERSION = 1;

export function intentModelDir(stateDir: string): string {
  return path.join(stateDir, 'intent-model');
}

const ManifestSchema = z.object({
  version: z.literal(INTENT_MODEL_VERSION),
  trainedAt: z.string(),
  labels: z.array(IntentNameSchema),
  rows: z.number().int().min(0),
  temperature: z.number().positive(),
  featureOptions: z.object({
    charMin: z.number().int(),
    charMax: z.number().int(),
    wordWeight: z.number(),
    bigramWeight: z.number(),
    charWeight: z.number(),
  }),
  thresholds: z.object({
    clause: z.number(),
    clauseWords: z.number(),
    wholeSupport: z.number().default(0),
    outOfScope: z.number(),
    foreign: z.number(),
  }),
  vocabulary: z.array(z.string()),
  datasetOptions: z.object({
    seed: z.number(),
    maxTrainPerIntent: z.number(),
    shoppingPerIntent: z.number(),
    testShare: z.number(),
    devShare: z.number(),
    noiseRate: z.number(),
  }),
  /** Whatever the trainer measured; read by the eval and the CLI as is. */
  metrics: z.record(z.string(), z.unknown()),
});

export type IntentModelManifest = z.infer<typeof ManifestSchema>;

export interface StoredIntentModel {
  parts: IntentModelParts;
  metrics: Record<string, unknown>;
  trainedAt: string;
}

/** Writes the model files, replacing any earlier ones. */
export function saveIntentModel(
  dir: string,
  parts: IntentModelParts,
  metrics: Record<string, unknown>,
): void {
  fs.mkdirSync(dir, { recursive: true });
  const { weights } = parts;
  const manifest: IntentModelManifest = {
    version: INTENT_MODEL_VERSION,
    trainedAt: new Date().toISOString(),
    labels: [...parts.labels],
    rows: weights.buckets.length,
    temperature: weights.temperature,
    featureOptions: parts.featureOptions,
    thresholds: parts.thresholds,
    vocabulary: [...parts.vocabulary],
    datasetOptions: parts.datasetOptions,
    metrics,
  };
  const binary = Buffer.concat([
    Buffer.from(
      weights.buckets.buffer,
      weights.buckets.byteOffset,
      weights.buckets.byteLength,
    ),
    Buffer.from(
      weights.weights.buffer,
      weights.weights.byteOffset,
      weights.weights.byteLength,
    ),
    Buffer.from(
      weights.bias.buffer,
      weights.bias.byteOffset,
      weights.bias.byteLength,
    ),
  ]);
  // Written beside and renamed, so a reader never sees half a model.
  fs.writeFileSync(path.join(dir, 'weights.bin.tmp'), binary);
  fs.writeFileSync(path.join(dir, 'model.json.tmp'), JSON.stringify(manifest));
  fs.renameSync(
    path.join(dir, 'weights.bin.tmp'),
    path.join(dir, 'weights.bin'),
  );
  fs.renameSync(path.join(dir, 'model.json.tmp'), path.join(dir, 'model.json'));
  fs.writeFileSync(
    path.join(dir, 'metrics.json'),
    `${JSON.stringify(metrics, null, 2)}\n`,
  );
}

/** True when a model of the current version is saved in `dir`. */
export function hasIntentModel(dir: string): boolean {
  try {
    const raw: unknown = JSON.parse(
      fs.readFileSync(path.join(dir, 'model.json'), 'utf8'),
    );
    return ManifestSchema.safeParse(raw).success;
  } catch {
    return false;
  }
}

/** Reads a saved model; MODEL_UNAVAILABLE when missing, stale or damaged. */
export function readIntentModel(dir: string): StoredIntentModel {
  let manifest: IntentModelManifest;
  let binary: Buffer;
  try {
    const raw: unknown = JSON.parse(
      fs.readFileSync(path.join(dir, 'model.json'), 'utf8'),
    );
    manifest = ManifestSchema.parse(raw);
    binary = fs.readFileSync(path.join(dir, 'weights.bin'));
  } catch (error) {
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      `No usable intent model in ${dir}; run \`shopmate train --only intent\``,
      { cause: error },
    );
  }
  const classes = manifest.labels.length;
  const expected = 4 * (manifest.rows + manifest.rows * classes + classes);
  if (binary.byteLength !== expected)
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      `${dir}/weights.bin has the wrong size`,
    );
  // Copy into an aligned buffer: Buffer slices may start at any offset.
  const floats = new ArrayBuffer(binary.byteLength);
  new Uint8Array(floats).set(binary);
  const buckets = new Int32Array(floats, 0, manifest.rows);
  const weights = new Float32Array(
    floats,
    4 * manifest.rows,
    manifest.rows * classes,
  );
  const bias = new Float32Array(
    floats,
    4 * (manifest.rows + manifest.rows * classes),
    classes,
  );

  return {
    parts: {
      labels: manifest.labels,
      featureOptions: manifest.featureOptions,
      thresholds: manifest.thresholds,
      vocabulary: manifest.vocabulary,
      datasetOptions: manifest.datasetOptions,
      weights: {
        buckets,
        weights,
        bias,
        classes,
        temperature: manifest.temperature,
      },
    },
    metrics: manifest.metrics,
    trainedAt: manifest.trainedAt,
  };
}
