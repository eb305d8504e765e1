import { getConfig } from '../config.ts';
import { openIngestedDatabase, type Db } from '../store/index.ts';

let shared: Db | undefined;

/** The real, ingested store (made by the global setup), opened once per test file. */
export function getIngestedDb(): Db {
  shared ??= openIngestedDatabase(getConfig().databasePath);
  return shared;
}
