/**
 * Checks a converted Online Retail parquet file against the figures of the
 * reference copy: the row count and date range must match; the totals only
 * warn, since ingest works either way.
 */
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { ShopmateError } from '../../errors.ts';
import { formatShopTime } from '../../store/index.ts';
import { RETAIL_FILES, type RetailFile } from '../retail-files.ts';
import type { ExpectedTable, RetailWorkbookFile } from './manifest.ts';

export type RetailFingerprint = ExpectedTable;

export interface RetailCheck {
  /** Differences that make the file wrong (row count, dates, columns). */
  errors: string[];
  /** Differences from the reference copy that ingest tolerates. */
  warnings: string[];
}

/** The RETAIL_FILES entry the file at `spec.path` is read as. */
export function retailFileFor(spec: RetailWorkbookFile): RetailFile {
  const file = RETAIL_FILES.find((entry) => entry.relativePath === spec.path);
  if (!file)
    throw new ShopmateError(
      'INTERNAL',
      `${spec.path} is not one of the Online Retail files ingest reads`,
    );
  return file;
}

/** Reads the whole file back and sums up what the manifest expects. */
export async function fingerprintRetailParquet(
  filePath: string,
  file: RetailFile,
): Promise<RetailFingerprint> {
  const buffer = await asyncBufferFromFile(filePath);
  const rows = await parquetReadObjects({ file: buffer, compressors });
  const { columns } = file;
  const invoices = new Set<unknown>();
  let quantitySum = 0n;
  let nullCustomerIds = 0;
  let nullDescriptions = 0;
  let firstDate = '';
  let lastDate = '';

  for (const row of rows) {
    invoices.add(row[columns.invoice]);
    const quantity = row[columns.quantity];
    if (typeof quantity === 'bigint') quantitySum += quantity;
    else if (typeof quantity === 'number') quantitySum += BigInt(quantity);
    if (row[columns.customerId] == null) nullCustomerIds++;
    if (row[columns.description] == null) nullDescriptions++;
    const date = shopTime(row[columns.date]);
    if (date && (!firstDate || date < firstDate)) firstDate = date;
    if (date && date > lastDate) lastDate = date;
  }
  return {
    rows: rows.length,
    firstDate,
    lastDate,
    invoices: invoices.size,
    quantitySum: Number(quantitySum),
    nullCustomerIds,
    nullDescriptions,
  };
}

function shopTime(value: unknown): string | undefined {
  if (value instanceof Date) return formatShopTime(value);
  return typeof value === 'string' ? value : undefined;
}

/** Compares a fingerprint with the expected figures. */
export function compareFingerprint(
  label: string,
  got: RetailFingerprint,
  expected: ExpectedTable,
): RetailCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const strict = new Set<keyof ExpectedTable>([
    'rows',
    'firstDate',
    'lastDate',
  ]);
  for (const key of Object.keys(expected) as (keyof ExpectedTable)[]) {
    if (got[key] === expected[key]) continue;
    const line = `${label}: ${key} expected ${expected[key]}, got ${got[key]}`;
    (strict.has(key) ? errors : warnings).push(line);
  }
  return { errors, warnings };
}

/**
 * A cheap look at an installed file: right columns and row count, from the
 * parquet footer alone. Returns the problem, or undefined when it looks right.
 */
export async function inspectRetailParquet(
  filePath: string,
  spec: RetailWorkbookFile,
): Promise<string | undefined> {
  try {
    const buffer = await asyncBufferFromFile(filePath);
    const metadata = await parquetMetadataAsync(buffer);
    const names = parquetSchema(metadata).children.map(
      (child) => child.element.name,
    );
    const missing = spec.columns.filter((c) => !names.includes(c.name));
    if (missing.length > 0)
      return `no column ${missing.map((c) => `"${c.name}"`).join(', ')}`;
    const rows = Number(metadata.num_rows);
    if (rows !== spec.expect.rows)
      return `${rows} rows, expected ${spec.expect.rows}`;
    return undefined;
  } catch (error) {
    return `not readable as parquet (${(error as Error).message})`;
  }
}
