/**
 * The input rules every embedder shares: checking, cleaning and cutting texts
 * before a model sees them, and running them through the model in batches.
 */
import { ShopmateError } from '../../errors.ts';
import { MAX_INPUT_CHARS, normaliseVector } from './embedder.ts';

// A lone UTF-16 surrogate is not text; tokenisers and JSON encoders differ on
// it, so it becomes U+FFFD before anything else sees it.
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Checks and cleans texts for an embedder: whitespace runs become one space,
 * ends are trimmed, and anything past `maxChars` code points is cut (never
 * inside a surrogate pair). Throws `INVALID_INPUT` naming the first text that
 * is not a string or is empty once trimmed.
 */
export function prepareTexts(
  texts: readonly unknown[],
  maxChars: number = MAX_INPUT_CHARS,
): string[] {
  if (!Array.isArray(texts))
    throw new ShopmateError('INVALID_INPUT', 'Texts to embed must be a list');
  return texts.map((text, index) => prepareText(text, index, maxChars));
}

function prepareText(text: unknown, index: number, maxChars: number): string {
  if (typeof text !== 'string')
    throw new ShopmateError(
      'INVALID_INPUT',
      `Text ${index} to embed is not a string`,
      { details: { index } },
    );

  const cleaned = text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '')
    throw new ShopmateError(
      'INVALID_INPUT',
      `Text ${index} to embed is empty or only whitespace`,
      { details: { index } },
    );
  return cutToCodePoints(cleaned, maxChars);
}

function cutToCodePoints(text: string, maxChars: number): string {
  // Cheap exit: a string no longer in UTF-16 units has no more code points.
  if (text.length <= maxChars) return text;
  const codePoints = Array.from(text);
  if (codePoints.length <= maxChars) return text;
  return codePoints.slice(0, maxChars).join('').trimEnd();
}

/**
 * Runs `embedBatch` over `texts` in slices of `batchSize`, yielding to the
 * event loop between slices so a long job does not starve sockets and timers.
 * Checks each vector's length and values and returns them L2-normalised.
 */
export async function embedInBatches(
  texts: readonly string[],
  batchSize: number,
  dimension: number | undefined,
  embedBatch: (batch: string[]) => Promise<Float32Array[]>,
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    if (start > 0) await yieldToEventLoop();
    const batch = texts.slice(start, start + batchSize);
    const embedded = await embedBatch(batch);
    if (embedded.length !== batch.length)
      throw new ShopmateError(
        'MODEL_UNAVAILABLE',
        `The embedding model returned ${embedded.length} vectors for ${batch.length} texts`,
      );
    for (const vector of embedded) vectors.push(checkVector(vector, dimension));
  }
  return vectors;
}

function checkVector(
  vector: Float32Array,
  dimension: number | undefined,
): Float32Array {
  if (dimension !== undefined && vector.length !== dimension)
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      `The embedding model returned a ${vector.length}-d vector where ${dimension}-d was expected`,
    );
  if (!vector.every(Number.isFinite))
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      'The embedding model returned a vector with non-finite values',
    );
  return normaliseVector(vector);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Wraps an async function so calls run one after another: the models here
 * hold one session each, and queued calls keep peak memory to one batch.
 */
export function runOneAtATime<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args: A) => {
    const result = tail.then(() => run(...args));
    tail = result.catch(() => undefined);
    return result;
  };
}
