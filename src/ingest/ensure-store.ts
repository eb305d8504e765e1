import fs from 'node:fs';
import type { Config } from '../config.ts';
import { openDatabase } from '../store/index.ts';
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

/**
 * Makes sure the store holds the current data: ingests when it is missing,
 * stale (data files or rules changed) or when forced.
 */
export async function ensureStore(
  config: Config,
  options: EnsureStoreOptions = {},
): Promise<{ ingested: boolean; summary: IngestSummary }> {
  assertRetailFilesPresent(config.dataDir);
  if (!options.force && fs.existsSync(config.databasePath)) {
    const db = openDatabase(config.databasePath);
    try {
      const summary = readIngestSummary(db);
      if (summary && isStoreFresh(db, config.dataDir))
        return { ingested: false, summary };
    } finally {
      db.close();
    }
  }
  const summary = await runIngest(config, { onProgress: options.onProgress });
  return { ingested: true, summary };
}
