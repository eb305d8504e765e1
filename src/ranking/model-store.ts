/**
 * The trained ranker's files under STATE_DIR/ranker/: the network in
 * TensorFlow.js's format (model.json + weights.bin) and ranker.json with the
 * feature names, normalisation, training window and metrics. Loading needs
 * no TensorFlow: serving runs the forward pass in plain JavaScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { type Db, dataVersion } from '../store/index.ts';
import { FEATURE_NAMES } from './features.ts';
import type { DenseLayer } from './mlp.ts';
import type { RankerNetwork } from './scorer.ts';

const LayerSpecSchema = z.object({
  name: z.string(),
  inputs: z.number().int().positive(),
  units: z.number().int().positive(),
  activation: z.enum(['relu', 'linear']),
});

export const RankerMetaSchema = z.object({
  version: z.literal(1),
  featureNames: z.array(z.string()),
  normaliser: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }),
  layers: z.array(LayerSpecSchema),
  /** The shop's reference date the model was trained up to. */
  referenceDate: z.string(),
  /** Hash of the store's ingest summary: tells a stale model. */
  ingestSignature: z.string(),
  featureCutoffs: z.array(z.string()),
  windowDays: z.number(),
  /** Where the text vectors came from, or null when trained without them. */
  text: z
    .object({ source: z.string(), inputDim: z.number(), dim: z.number() })
    .nullable(),
  metrics: z.object({
    trainRows: z.number(),
    validationRows: z.number(),
    trainLoss: z.number(),
    validationLoss: z.number(),
    validationAuc: z.number(),
    epochs: z.number(),
    backend: z.string(),
    trainingSeconds: z.number(),
  }),
  /** Wall-clock time of training: bookkeeping only, never a feature. */
  trainedAt: z.string(),
});

export type RankerMeta = z.infer<typeof RankerMetaSchema>;

export interface SavedRanker {
  meta: RankerMeta;
  network: RankerNetwork;
}

const ModelJsonSchema = z.object({
  weightsManifest: z.array(
    z.object({
      paths: z.array(z.string()),
      weights: z.array(
        z.object({
          name: z.string(),
          shape: z.array(z.number()),
          dtype: z.string(),
        }),
      ),
    }),
  ),
});

/** The PCA projection of the text vectors, beside the model. */
export const PROJECTION_FILE = 'text-projection.bin';

/** Identifies the ingested data a model was trained on. */
export function ingestSignature(db: Db): string {
  return createHash('sha256')
    .update(dataVersion(db))
    .digest('hex')
    .slice(0, 16);
}

export function rankerFolder(config: Pick<Config, 'stateDir'>): string {
  return path.join(config.stateDir, 'ranker');
}

function readWeights(folder: string): Map<string, Float32Array> {
  const manifest = ModelJsonSchema.parse(
    JSON.parse(fs.readFileSync(path.join(folder, 'model.json'), 'utf8')),
  ).weightsManifest;
  const byName = new Map<string, Float32Array>();
  for (const group of manifest) {
    const buffer = Buffer.concat(
      group.paths.map((file) => fs.readFileSync(path.join(folder, file))),
    );
    let offset = 0;
    for (const spec of group.weights) {
      const count = spec.shape.reduce((product, size) => product * size, 1);
      const bytes = buffer.subarray(offset, offset + count * 4);
      // Copy so the view is aligned whatever the buffer's offset.
      byName.set(spec.name, new Float32Array(new Uint8Array(bytes).buffer));
      offset += count * 4;
    }
  }
  return byName;
}

/**
 * The saved ranker, or undefined (with the reason) when there is none, it is
 * incomplete, or it was trained on different features than this code makes.
 */
export function loadRanker(
  folder: string,
): { ranker: SavedRanker } | { ranker: undefined; reason: string } {
  const metaFile = path.join(folder, 'ranker.json');
  if (!fs.existsSync(metaFile))
    return { ranker: undefined, reason: 'no trained ranker' };
  try {
    const meta = RankerMetaSchema.parse(
      JSON.parse(fs.readFileSync(metaFile, 'utf8')),
    );
    if (meta.featureNames.join() !== FEATURE_NAMES.join())
      return {
        ranker: undefined,
        reason: 'the saved ranker uses other features',
      };
    const weights = readWeights(folder);
    const layers = meta.layers.map((spec): DenseLayer => {
      const kernel = weights.get(`${spec.name}/kernel`);
      const bias = weights.get(`${spec.name}/bias`);
      if (!kernel || !bias || kernel.length !== spec.inputs * spec.units)
        throw new Error(`weights of layer ${spec.name} are missing`);
      return { ...spec, kernel, bias };
    });
    return {
      ranker: {
        meta,
        network: {
          layers,
          normaliser: {
            mean: Float32Array.from(meta.normaliser.mean),
            std: Float32Array.from(meta.normaliser.std),
          },
        },
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ranker: undefined, reason: `unreadable ranker files: ${message}` };
  }
}
