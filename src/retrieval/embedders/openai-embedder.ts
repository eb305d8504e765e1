/**
 * Embeddings from an OpenAI-compatible `/embeddings` endpoint (OpenAI, or a
 * local Ollama / vLLM / llama.cpp server by base URL) through
 * `@langchain/openai`.
 */
import { ShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';
import type { Embedder } from './embedder.ts';
import { embedInBatches, prepareTexts } from './prepare-texts.ts';

const log = moduleLogger('embedders');

/** Sent when only a base URL is configured: local servers ignore the key. */
const PLACEHOLDER_API_KEY = 'not-needed';

export interface OpenAiEmbedderOptions {
  /** The embedding model name, e.g. text-embedding-3-small. */
  model: string;
  apiKey?: string;
  /** An OpenAI-compatible server; OpenAI's own when left out. */
  baseURL?: string;
  /** Texts per request (default 256). */
  batchSize?: number;
  /**
   * Code points kept per text (default MAX_INPUT_CHARS): far below the
   * 8,191-token limit of OpenAI's models in any script.
   */
  maxChars?: number;
  /** Retries of a failed request, with backoff (default 2). */
  maxRetries?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
}

/**
 * Creates the embedder and sends one probe text to learn the vector length
 * (and to fail early on a wrong key or URL). Request failures become
 * `MODEL_UNAVAILABLE`.
 */
export async function createOpenAiEmbedder(
  options: OpenAiEmbedderOptions,
): Promise<Embedder> {
  const started = performance.now();
  // Imported here so that processes using another embedder never load it.
  const { OpenAIEmbeddings } = await import('@langchain/openai');
  const client = new OpenAIEmbeddings({
    model: options.model,
    apiKey: options.apiKey ?? PLACEHOLDER_API_KEY,
    configuration: options.baseURL ? { baseURL: options.baseURL } : {},
    batchSize: options.batchSize ?? 256,
    maxRetries: options.maxRetries ?? 2,
    maxConcurrency: 2,
    timeout: options.timeoutMs ?? 30_000,
    // Plain floats: not every compatible server implements base64.
    encodingFormat: 'float',
  });

  const embedBatch = async (batch: string[]): Promise<Float32Array[]> => {
    try {
      const vectors = await client.embedDocuments(batch);
      return vectors.map((vector) => Float32Array.from(vector));
    } catch (error) {
      throw new ShopmateError(
        'MODEL_UNAVAILABLE',
        `The embeddings endpoint failed for model ${options.model}: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  };
  // langchain splits into requests of batchSize itself; one call per
  // embed() keeps its concurrency limit in charge.
  const embed = async (texts: string[], dimension?: number) => {
    const prepared = prepareTexts(texts, options.maxChars);
    return embedInBatches(prepared, prepared.length, dimension, embedBatch);
  };

  const [probe] = await embed(['dimension probe']);
  const dimension = probe.length;
  log.info(
    {
      model: options.model,
      customBaseUrl: options.baseURL !== undefined,
      dimension,
      latencyMs: Math.round(performance.now() - started),
    },
    'openai embedder ready',
  );
  return {
    id: `openai:${options.model}`,
    dimension,
    embed: (texts) => embed(texts, dimension),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
