/**
 * `shopmate train` for the ranker: learn from the whole history up to the
 * shop's reference date and save the model under STATE_DIR/ranker/.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import {
  formatShopTime,
  getReferenceDate,
  DAY_MS,
  type Db,
} from '../store/index.ts';
import { FEATURE_NAMES, type TextVectors } from './features.ts';
import { fitRanker } from './fit-ranker.ts';
import {
  PROJECTION_FILE,
  ingestSignature,
  rankerFolder,
  type RankerMeta,
} from './model-store.ts';
import {
  loadPurchaseLog,
  referenceDay,
  type CatalogueItem,
} from './purchase-log.ts';
import {
  fitProjection,
  loadCatalogueVectors,
  projectVectors,
  serialiseProjection,
} from './text-vectors.ts';

const log = moduleLogger('ranking');

/** PCA dimensions kept of the title embeddings. */
export const TEXT_DIM = 32;

export interface TrainRankerOptions {
  onProgress?: (text: string) => void;
}

/**
 * Writes the network in TensorFlow.js's format (model.json + weights.bin,
 * loadable with tf.loadLayersModel), then ranker.json, which marks a
 * complete model.
 */
export async function saveRanker(
  folder: string,
  model: tf.LayersModel,
  meta: RankerMeta,
): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  fs.rmSync(path.join(folder, 'ranker.json'), { force: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = new Uint8Array(
        tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []),
      );
      writeAtomically(path.join(folder, 'weights.bin'), weights);
      const modelJson = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [
          { paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] },
        ],
      };
      writeAtomically(
        path.join(folder, 'model.json'),
        JSON.stringify(modelJson),
      );
      return {
        modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts),
      };
    }),
  );
  writeAtomically(
    path.join(folder, 'ranker.json'),
    JSON.stringify(meta, null, 2),
  );
}

function writeAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}

/**
 * Text vectors for training: the catalogue's embeddings reduced by PCA, with
 * the projection (saved beside the model so serving projects the same way).
 */
export async function prepareTextFeature(
  config: Config,
  items: readonly CatalogueItem[],
  onProgress: (text: string) => void,
) {
  const source = await loadCatalogueVectors(
    config,
    rankerFolder(config),
    items,
    onProgress,
  );
  if (!source) return undefined;
  onProgress(
    `  text vectors from ${source.source}; reducing to ${TEXT_DIM} dimensions …`,
  );
  const projection = fitProjection(source, TEXT_DIM);
  const text: TextVectors = projectVectors(source, projection);
  return { source: source.source, projection, text };
}

/** Trains the served ranker on everything up to the reference date. */
export async function trainRanker(
  db: Db,
  config: Config,
  options: TrainRankerOptions = {},
): Promise<RankerMeta> {
  const progress = options.onProgress ?? (() => {});
  const started = Date.now();
  progress('ranker: reading purchases …');
  const purchases = loadPurchaseLog(db, { cacheDir: rankerFolder(config) });
  const endDay = referenceDay(db, config);
  const text = await prepareTextFeature(config, purchases.items, progress);
  if (!text) progress('  no text vectors available: training without text');

  const ranker = await fitRanker(purchases, endDay, {
    text: text?.text,
    onProgress: progress,
  });
  const folder = rankerFolder(config);
  fs.mkdirSync(folder, { recursive: true });
  if (text)
    fs.writeFileSync(
      path.join(folder, PROJECTION_FILE),
      serialiseProjection(text.projection),
    );
  const { metrics } = ranker.fit;
  const meta: RankerMeta = {
    version: 1,
    featureNames: [...FEATURE_NAMES],
    normaliser: {
      mean: [...ranker.network.normaliser.mean],
      std: [...ranker.network.normaliser.std],
    },
    layers: ranker.network.layers.map(
      ({ name, inputs, units, activation }) => ({
        name,
        inputs,
        units,
        activation,
      }),
    ),
    referenceDate: formatShopTime(getReferenceDate(db, config)),
    ingestSignature: ingestSignature(db),
    featureCutoffs: ranker.featureCutoffDays.map((day) =>
      formatShopTime(new Date(day * DAY_MS)),
    ),
    windowDays: ranker.windowDays,
    text: text
      ? {
          source: text.source,
          inputDim: text.projection.inputDim,
          dim: text.projection.dim,
        }
      : null,
    metrics: { ...metrics, trainingSeconds: ranker.seconds },
    trainedAt: new Date().toISOString(),
  };
  await saveRanker(folder, ranker.fit.model, meta);
  ranker.fit.model.dispose();
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  log.info(
    { rows: metrics.trainRows, auc: metrics.validationAuc, seconds },
    'trained ranker',
  );
  progress(`ranker: saved to ${folder} (${seconds} s)`);
  return meta;
}
