/**
 * Runs once before the test files: makes sure the real store exists (ingesting
 * DATA_DIR when missing or stale), so tests on real data share one store.
 */
import { getConfig } from '../config.ts';
import { ensureStore } from '../ingest/index.ts';

export default async function setup(): Promise<void> {
  await ensureStore(getConfig(), {
    onProgress: (text) => process.stderr.write(`[test setup] ${text}\n`),
  });
}
