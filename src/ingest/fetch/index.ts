/**
 * `shopmate data:fetch`: the public data sets downloaded, converted and
 * verified into DATA_DIR for a fresh clone with internet access.
 */
export {
  fetchData,
  inspectInstalled,
  type DatasetOutcome,
  type DatasetStatus,
  type FetchDataOptions,
  type FetchSummary,
} from './fetch-data.ts';
export { DATA_SOURCES } from './sources.ts';
export {
  ManifestSchema,
  type Dataset,
  type DataFile,
  type Manifest,
} from './manifest.ts';
export { downloadFile, type DownloadOptions } from './download.ts';
export { sha256File, verifySha256 } from './checksum.ts';
export {
  convertRetailWorkbook,
  type ConversionStats,
} from './convert-retail.ts';
