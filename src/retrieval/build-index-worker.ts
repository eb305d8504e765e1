import { parentPort } from 'node:worker_threads';
import { getConfig } from '../config.ts';
import { buildIndex } from './build-index.ts';

// The worker reads the same environment as its parent, so getConfig() agrees.
try {
  const meta = await buildIndex(getConfig(), (progress) =>
    parentPort!.postMessage({ progress }),
  );
  parentPort!.postMessage({ done: meta });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
}
