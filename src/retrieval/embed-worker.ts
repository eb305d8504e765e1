import { parentPort, workerData } from 'node:worker_threads';
import { getConfig } from '../config.ts';
import { embedTexts } from './build-index.ts';
import { createEmbedder } from './embedders/index.ts';

// Embeds part of the catalogue for build-index.ts; progress is the number of
// texts done so far.
const { texts } = workerData as { texts: string[] };
try {
  const embedder = await createEmbedder(getConfig());
  const vectors = await embedTexts(embedder, texts, (done) =>
    parentPort!.postMessage({ progress: String(done) }),
  );
  parentPort!.postMessage({ done: { vectors, embedderId: embedder.id } }, [
    vectors.buffer as ArrayBuffer,
  ]);
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
}
