/**
 * Sentence embedders: text in, unit vectors out. `createEmbedder(config)`
 * picks USE lite (offline default), a transformers.js ONNX model or an
 * OpenAI-compatible endpoint; `ensureTfBackend()` starts the TensorFlow.js
 * backend that every tfjs user in the process shares.
 */
export {
  MAX_INPUT_CHARS,
  dotProduct,
  normaliseVector,
  type Embedder,
} from './embedder.ts';
export { benchEmbedder } from './bench-embedder.ts';
export { createEmbedder } from './create-embedder.ts';
export { prepareTexts } from './prepare-texts.ts';
export { ensureTfBackend } from './tf-backend.ts';
export {
  USE_DIMENSION,
  createUseEmbedder,
  type UseEmbedderOptions,
} from './use-embedder.ts';
export {
  DEFAULT_TRANSFORMERS_MODEL,
  createTransformersEmbedder,
  type TransformersEmbedderOptions,
} from './transformers-embedder.ts';
export {
  createOpenAiEmbedder,
  type OpenAiEmbedderOptions,
} from './openai-embedder.ts';
