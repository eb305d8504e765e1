/** Reading the public data sets, cleaning them and loading the store. */
export {
  ensureStore,
  type EnsureStoreOptions,
  type EnsureStoreResult,
} from './ensure-store.ts';
export {
  runIngest,
  describeIngest,
  dataSignature,
  isStoreFresh,
  readIngestSummary,
  INGEST_VERSION,
  type IngestSummary,
} from './run-ingest.ts';
export { isProductCode, isCancellation, median } from './clean.ts';
export { RETAIL_FILES, assertRetailFilesPresent } from './retail-files.ts';
