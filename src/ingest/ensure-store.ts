import fs from 'node:fs';
import type { Config } from '../config.ts';
import {
  buildIndexInWorker,
  deriveCatalogueAttributes,
  isIndexFresh,
} from '../retrieval/index.ts';
import { openDatabase } from '../store/index.ts';
import { refreshAttributes } from './refresh-attributes.ts';
import { assertRetailFilesPresent } from './retail-files.ts';
import {
  isStoreFresh,
  readIngestSummary,
  runIngest,
  type IngestSummary,
} from './run-ingest.ts';

export interface EnsureStoreOptions {
  force?: boolean;
  onProgress?: (text: string) => void;
}

export interface EnsureStoreResult {
  ingested: boolean;
  indexBuilt: boolean;
  summary: IngestSummary;
}

function readFreshSummary(config: Config): IngestSummary | undefined {
  if (!fs.existsSync(config.databasePath)) return undefined;
  const db = openDatabase(config.databasePath);
  try {
    return isStoreFresh(db, config.dataDir) ? readIngestSummary(db) : undefined;
  } finally {
    db.close();
  }
}

/**
 * Makes sure the store holds the current data and the search index matches
 * its catalogue: ingests when the store is missing, stale (data files or
 * rules changed) or when forced, and rebuilds the index when the catalogue
 * changed.
 */
export async function ensureStore(
  config: Config,
  options: EnsureStoreOptions = {},
): Promise<EnsureStoreResult> {
  const progress = options.onProgress ?? (() => {});
  assertRetailFilesPresent(config.dataDir);
  let summary = options.force ? undefined : readFreshSummary(config);
  const ingested = summary === undefined;
  summary ??= await runIngest(config, {
    onProgress: progress,
    deriveAttributes: deriveCatalogueAttributes,
  });
  if (!ingested) {
    const db = openDatabase(config.databasePath);
    try {
      const changed = refreshAttributes(db, deriveCatalogueAttributes);
      if (changed > 0)
        progress(`attribute rules changed: ${changed} products updated`);
    } finally {
      db.close();
    }
  }

  let indexBuilt = false;
  if (ingested || !isIndexFresh(config)) {
    progress('building the catalogue search index (in a worker thread) …');
    const meta = await buildIndexInWorker(config, progress);
    progress(
      `  ${meta.count} products indexed with ${meta.embedderId} in ${meta.buildSeconds} s`,
    );
    indexBuilt = true;
  }
  return { ingested, indexBuilt, summary };
}
