/**
 * `shopmate ingest`: the Online Retail files into the store, every trap of the
 * data handled by a named rule and counted.
 */
import fs from 'node:fs';
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import { getMeta, openDatabase, setMeta, type Db } from '../store/index.ts';
import {
  dropOverlap,
  isCancellation,
  isProductCode,
  linkCancellations,
  summariseProducts,
} from './clean.ts';
import {
  loadStore,
  type LoadCounts,
  type ProductAttributes,
} from './load-store.ts';
import {
  assertRetailFilesPresent,
  RETAIL_FILES,
  readRetailFile,
  retailFilePath,
  type RetailRow,
} from './retail-files.ts';

const log = moduleLogger('ingest');

/** Bump when a cleaning rule changes, so stores made by older rules are rebuilt. */
export const INGEST_VERSION = 2;

export interface IngestSummary {
  version: number;
  signature: string;
  finishedAt: string;
  seconds: number;
  files: { name: string; read: number; malformed: number }[];
  rowsRead: number;
  rowsKept: number;
  dropped: Record<string, number>;
  guestLines: number;
  firstTransaction: string;
  lastTransaction: string;
  loaded: LoadCounts;
}

export interface IngestOptions {
  onProgress?: (text: string) => void;
  /** Derives category, colours, themes and search text for each title. */
  deriveAttributes?: (titles: readonly string[]) => ProductAttributes[];
}

/** Size and modification time of each data file: a change means re-ingest. */
export function dataSignature(dataDir: string): string {
  const parts = RETAIL_FILES.map((file) => {
    const stat = fs.statSync(retailFilePath(dataDir, file));
    return `${file.relativePath}:${stat.size}:${Math.round(stat.mtimeMs)}`;
  });
  return `v${INGEST_VERSION}|${parts.join('|')}`;
}

export function readIngestSummary(db: Db): IngestSummary | undefined {
  const value = getMeta(db, 'ingest');
  return value ? (JSON.parse(value) as IngestSummary) : undefined;
}

/** True when the store was ingested from the current data files by these rules. */
export function isStoreFresh(db: Db, dataDir: string): boolean {
  const summary = readIngestSummary(db);
  return summary?.signature === dataSignature(dataDir);
}

function dropRows(
  rows: RetailRow[],
  dropped: Record<string, number>,
): RetailRow[] {
  const kept: RetailRow[] = [];
  for (const row of rows) {
    if (row.price <= 0) {
      dropped.nonPositivePrice = (dropped.nonPositivePrice ?? 0) + 1;
    } else if (row.quantity === 0) {
      dropped.zeroQuantity = (dropped.zeroQuantity ?? 0) + 1;
    } else if (row.quantity < 0 && !isCancellation(row.invoice)) {
      // Negative lines outside a C-invoice are stock corrections, not sales.
      dropped.stockAdjustment = (dropped.stockAdjustment ?? 0) + 1;
    } else kept.push(row);
  }
  return kept;
}

export async function runIngest(
  config: Config,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const progress = options.onProgress ?? (() => {});
  const started = Date.now();
  assertRetailFilesPresent(config.dataDir);
  const signature = dataSignature(config.dataDir);

  const reads = [];
  for (const file of RETAIL_FILES) {
    progress(`reading ${file.relativePath} …`);
    const read = await readRetailFile(config.dataDir, file);
    progress(
      `  ${read.read.toLocaleString('en-GB')} rows (${read.malformed} malformed)`,
    );
    reads.push(read);
  }

  const dropped: Record<string, number> = {
    malformed: reads.reduce((sum, r) => sum + r.malformed, 0),
  };
  const merged = dropOverlap(reads[0].rows, reads[1].rows);
  dropped.overlapDuplicate = merged.dropped;
  progress(
    `overlap window: ${merged.dropped.toLocaleString('en-GB')} duplicate lines counted once`,
  );

  const rows = dropRows(merged.rows, dropped);
  progress('summarising products and linking cancellations …');
  const products = summariseProducts(rows);
  const links = linkCancellations(rows);
  const attributes = new Map<string, ProductAttributes>();
  if (options.deriveAttributes) {
    const derived = options.deriveAttributes(products.map((p) => p.title));
    products.forEach((p, i) => attributes.set(p.stockCode, derived[i]));
  }

  progress(
    `writing ${rows.length.toLocaleString('en-GB')} lines to ${config.databasePath} …`,
  );
  const db = openDatabase(config.databasePath);
  try {
    const loaded = loadStore(db, rows, products, attributes, links);
    const dates = rows.map((row) => row.date).sort();
    const summary: IngestSummary = {
      version: INGEST_VERSION,
      signature,
      finishedAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      files: reads.map((r) => ({
        name: r.file.relativePath,
        read: r.read,
        malformed: r.malformed,
      })),
      rowsRead: reads.reduce((sum, r) => sum + r.read, 0),
      rowsKept: rows.length,
      dropped,
      guestLines: rows.filter((row) => row.customerId === null).length,
      firstTransaction: dates[0],
      lastTransaction: dates.at(-1)!,
      loaded,
    };
    db.transaction(() => {
      setMeta(db, 'last_transaction', summary.lastTransaction);
      setMeta(db, 'ingest', JSON.stringify(summary));
    })();
    log.info(
      {
        seconds: summary.seconds,
        products: loaded.products,
        orders: loaded.orders,
      },
      'ingest finished',
    );
    return summary;
  } finally {
    db.close();
  }
}

/** Lines about an ingest for a person to read. */
export function describeIngest(summary: IngestSummary): string[] {
  const n = (value: number) => value.toLocaleString('en-GB');
  const l = summary.loaded;
  return [
    `rows read: ${n(summary.rowsRead)} (${summary.files.map((f) => `${f.name}: ${n(f.read)}`).join(', ')})`,
    `rows kept: ${n(summary.rowsKept)}`,
    ...Object.entries(summary.dropped).map(
      ([reason, count]) => `dropped, ${reason}: ${n(count)}`,
    ),
    `guest lines kept (no customer id): ${n(summary.guestLines)}`,
    `products: ${n(l.products)}; customers: ${n(l.customers)}`,
    `invoices: ${n(l.orders)} (guest ${n(l.guestOrders)}, cancellations ${n(l.cancellations)}, linked to their order ${n(l.linkedCancellations)})`,
    `order lines: ${n(l.orderLines)} (non-product lines such as postage kept on invoices but not in the catalogue: ${n(l.nonProductLines)})`,
    `transactions from ${summary.firstTransaction} to ${summary.lastTransaction}`,
    `took ${summary.seconds} s`,
  ];
}

export { isProductCode };
