/**
 * Loading the intent model at start.
 */
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import { IntentModel } from './intent-model.ts';
import {
  hasIntentModel,
  intentModelDir,
  readIntentModel,
} from './model-store.ts';
import { trainIntentModel } from './train.ts';

const log = moduleLogger('intent');

export interface LoadIntentOptions {
  /** Train (about half a minute) and save when no model is saved yet. */
  trainIfMissing?: boolean;
  onProgress?: (text: string) => void;
}

/**
 * The saved intent model. Without one it trains when `trainIfMissing` is
 * set, and otherwise throws MODEL_UNAVAILABLE.
 */
export async function loadIntentModel(
  config: Config,
  options: LoadIntentOptions = {},
): Promise<IntentModel> {
  const dir = intentModelDir(config.stateDir);
  if (!hasIntentModel(dir) && options.trainIfMissing) {
    log.info({ dir }, 'no intent model saved; training one');
    return (await trainIntentModel(config, { onProgress: options.onProgress }))
      .model;
  }
  const stored = readIntentModel(dir);
  log.info(
    { dir, intents: stored.parts.labels.length, trainedAt: stored.trainedAt },
    'intent model loaded',
  );
  return new IntentModel(stored.parts);
}

/** The metrics saved with the model, or undefined when none is saved. */
export function readIntentMetrics(
  config: Config,
): Record<string, unknown> | undefined {
  const dir = intentModelDir(config.stateDir);
  return hasIntentModel(dir) ? readIntentModel(dir).metrics : undefined;
}
