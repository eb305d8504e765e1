/**
 * Chooses the embedder named by config.EMBEDDER.
 */
import path from 'node:path';
import type { Config } from '../../config.ts';
import { ShopmateError } from '../../errors.ts';
import type { Embedder } from './embedder.ts';
import { createOpenAiEmbedder } from './openai-embedder.ts';
import {
  createTransformersEmbedder,
  DEFAULT_TRANSFORMERS_MODEL,
} from './transformers-embedder.ts';
import { createUseEmbedder } from './use-embedder.ts';

/**
 * The embedder the configuration asks for:
 * - `use` (default): USE lite, offline, 512-d;
 * - `transformers`: TRANSFORMERS_MODEL, a local ONNX folder or a hub id
 *   (default Xenova/all-MiniLM-L6-v2, cached under stateDir/models);
 * - `openai`: OPENAI_EMBEDDING_MODEL at OPENAI_BASE_URL / OPENAI_API_KEY.
 *
 * A configured model that cannot load throws `MODEL_UNAVAILABLE`; there is
 * deliberately no fallback to USE, because vectors of another model do not
 * match an index built with this one.
 */
export async function createEmbedder(config: Config): Promise<Embedder> {
  switch (config.EMBEDDER) {
    case 'use':
      return createUseEmbedder();
    case 'transformers':
      return createTransformersEmbedder({
        model: config.TRANSFORMERS_MODEL ?? DEFAULT_TRANSFORMERS_MODEL,
        cacheDir: path.join(config.stateDir, 'models', 'transformers'),
      });
    case 'openai':
      if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL)
        throw new ShopmateError(
          'CONFIG_INVALID',
          'EMBEDDER "openai" needs OPENAI_API_KEY or OPENAI_BASE_URL',
        );
      return createOpenAiEmbedder({
        model: config.OPENAI_EMBEDDING_MODEL,
        apiKey: config.OPENAI_API_KEY,
        baseURL: config.OPENAI_BASE_URL,
      });
  }
}
