/**
 * Any ONNX sentence-transformer through transformers.js
 * (`@huggingface/transformers`, onnxruntime-node): mean pooling over the
 * last hidden state, then L2 normalisation.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  FeatureExtractionPipeline,
  PretrainedModelOptions,
} from '@huggingface/transformers';
import { ShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';
import type { Embedder } from './embedder.ts';
import {
  embedInBatches,
  prepareTexts,
  runOneAtATime,
} from './prepare-texts.ts';

const log = moduleLogger('embedders');

/** The hub model used when EMBEDDER=transformers names none. */
export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/all-MiniLM-L6-v2';

export interface TransformersEmbedderOptions {
  /**
   * A local model folder (config.json, tokenizer.json, tokenizer_config.json,
   * onnx/model.onnx) or a Hugging Face hub id. A folder is loaded with remote
   * downloads turned off; a hub id is read from `cacheDir`, else downloaded.
   */
  model: string;
  /** Where hub downloads are cached (under config.stateDir). */
  cacheDir: string;
  /** Texts per model run (default 32). */
  batchSize?: number;
  /**
   * Code points kept per text before tokenising (default MAX_INPUT_CHARS);
   * the tokenizer then cuts at the model's `model_max_length` tokens.
   */
  maxChars?: number;
}

type ModelLocation =
  | { kind: 'folder'; folder: string; parent: string; name: string }
  | { kind: 'hub'; id: string };

/**
 * Loads the model and probes its vector length. Throws `MODEL_UNAVAILABLE`
 * when the folder is incomplete or the hub cannot be reached.
 */
export async function createTransformersEmbedder(
  options: TransformersEmbedderOptions,
): Promise<Embedder> {
  const started = performance.now();
  const location = await locateModel(options.model);
  const extractor = await loadPipeline(location, options.cacheDir);

  const embedBatch = runOneAtATime((batch: string[]) =>
    extract(extractor, batch),
  );
  const embed = async (texts: string[], dimension?: number) =>
    embedInBatches(
      prepareTexts(texts, options.maxChars),
      options.batchSize ?? 32,
      dimension,
      embedBatch,
    );

  const [probe] = await embed(['dimension probe']);
  const dimension = probe.length;
  log.info(
    {
      model: options.model,
      source: location.kind,
      dimension,
      latencyMs: Math.round(performance.now() - started),
    },
    'transformers.js embedder loaded',
  );
  return {
    id: `transformers:${options.model}`,
    dimension,
    embed: (texts) => embed(texts, dimension),
  };
}

async function locateModel(model: string): Promise<ModelLocation> {
  const folder = path.resolve(model);
  const isFolder = await stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (isFolder)
    return {
      kind: 'folder',
      folder,
      parent: path.dirname(folder),
      name: path.basename(folder),
    };
  if (looksLikePath(model))
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      `TRANSFORMERS_MODEL folder ${folder} does not exist`,
    );
  return { kind: 'hub', id: model };
}

function isHubStyleName(name: string): boolean {
  return (
    /^[\w.-]{1,96}$/.test(name) && !name.includes('--') && !name.includes('..')
  );
}

// Hub ids are "name" or "owner/name"; anything else is meant as a path.
function looksLikePath(model: string): boolean {
  return (
    path.isAbsolute(model) ||
    model.startsWith('.') ||
    model.includes('\\') ||
    model.split('/').length > 2
  );
}

type LoadFeatureExtractor = (
  task: 'feature-extraction',
  model: string,
  options: PretrainedModelOptions,
) => Promise<FeatureExtractionPipeline>;

async function loadPipeline(
  location: ModelLocation,
  cacheDir: string,
): Promise<FeatureExtractionPipeline> {
  // Imported here so that processes using another embedder never load
  // onnxruntime-node.
  const { env, pipeline } = await import('@huggingface/transformers');
  env.cacheDir = cacheDir;

  const options: PretrainedModelOptions = { device: 'cpu', dtype: 'fp32' };
  let modelRef: string;
  if (location.kind === 'folder') {
    // Offline: files come from the folder or nowhere.
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = location.parent + path.sep;
    // transformers.js looks a valid hub-style name up under localModelPath
    // and takes anything else as a path as it stands.
    modelRef = isHubStyleName(location.name) ? location.name : location.folder;
    Object.assign(options, await localFileOptions(location.folder));
    options.local_files_only = true;
  } else {
    // Hub: the file cache first, then a download. Local lookup is off so a
    // hub id is never mistaken for a folder in the working directory.
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    modelRef = location.id;
  }

  // pipeline()'s overloads over every task overwhelm tsc (TS2590), so it is
  // called through the one signature used here.
  const loadExtractor = pipeline as unknown as LoadFeatureExtractor;
  try {
    return await loadExtractor('feature-extraction', modelRef, options);
  } catch (error) {
    const where =
      location.kind === 'folder'
        ? `folder ${location.folder}`
        : `hub model ${location.id} (cache ${cacheDir}; the hub needs internet)`;
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      `Could not load the transformers.js ${where}: ${String(error)}`,
      { cause: error },
    );
  }
}

/** Finds the ONNX file in a folder: onnx/ or the root, fp32 or quantised. */
async function localFileOptions(
  folder: string,
): Promise<PretrainedModelOptions> {
  const candidates: PretrainedModelOptions[] = [
    { subfolder: 'onnx', dtype: 'fp32' },
    { subfolder: 'onnx', dtype: 'q8' },
    { subfolder: '', dtype: 'fp32' },
    { subfolder: '', dtype: 'q8' },
  ];
  for (const candidate of candidates) {
    const file =
      candidate.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx';
    const exists = await stat(
      path.join(folder, candidate.subfolder ?? '', file),
    )
      .then((info) => info.isFile())
      .catch(() => false);
    if (exists) return candidate;
  }
  throw new ShopmateError(
    'MODEL_UNAVAILABLE',
    `No model.onnx or model_quantized.onnx in ${folder} or ${folder}/onnx`,
  );
}

async function extract(
  extractor: FeatureExtractionPipeline,
  texts: string[],
): Promise<Float32Array[]> {
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  const [rows, dimension] = output.dims;
  const data = output.data;
  if (!(data instanceof Float32Array) || rows !== texts.length)
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      `The transformers.js model gave output of shape [${output.dims.join(', ')}] for ${texts.length} texts`,
    );
  return texts.map((_, row) =>
    data.slice(row * dimension, (row + 1) * dimension),
  );
}
