/**
 * Reads the two Online Retail parquet files and normalises their differing
 * column names and types into one row shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { z } from 'zod';
import { ShopmateError } from '../errors.ts';

export interface RetailFile {
  name: string;
  /** Path inside DATA_DIR. */
  relativePath: string;
  columns: {
    invoice: string;
    stockCode: string;
    description: string;
    quantity: string;
    date: string;
    price: string;
    customerId: string;
    country: string;
  };
}

export const RETAIL_FILES: readonly RetailFile[] = [
  {
    name: 'Online Retail II (2009-12 to 2010-12)',
    relativePath: 'online-retail/online_retail_ii_2009-12_to_2010-12.parquet',
    columns: {
      invoice: 'Invoice',
      stockCode: 'StockCode',
      description: 'Description',
      quantity: 'Quantity',
      date: 'InvoiceDate',
      price: 'Price',
      customerId: 'Customer ID',
      country: 'Country',
    },
  },
  {
    name: 'Online Retail (2010-12 to 2011-09)',
    relativePath: 'online-retail/online_retail_2010-12_to_2011-09.parquet',
    columns: {
      invoice: 'InvoiceNo',
      stockCode: 'StockCode',
      description: 'Description',
      quantity: 'Quantity',
      date: 'InvoiceDate',
      price: 'UnitPrice',
      customerId: 'CustomerID',
      country: 'Country',
    },
  },
];

const toNumber = (value: unknown) =>
  typeof value === 'bigint' ? Number(value) : value;

/** Dates come as text in one file and as timestamps in the other. */
const toShopTime = (value: unknown) => {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 19).replace('T', ' ');
  return value;
};

export const RetailRowSchema = z.object({
  invoice: z.string().trim().min(1),
  stockCode: z
    .string()
    .trim()
    .min(1)
    .transform((code) => code.toUpperCase()),
  description: z
    .string()
    .nullable()
    .transform((text) => text?.trim().replace(/\s+/g, ' ') || null),
  quantity: z.preprocess(toNumber, z.number().int()),
  date: z.preprocess(
    toShopTime,
    z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  ),
  price: z.preprocess(toNumber, z.number().finite()),
  customerId: z.preprocess(toNumber, z.number().int().positive().nullable()),
  country: z.string().trim().min(1),
});

export type RetailRow = z.infer<typeof RetailRowSchema>;

export interface FileRead {
  file: RetailFile;
  rows: RetailRow[];
  read: number;
  malformed: number;
}

export function retailFilePath(dataDir: string, file: RetailFile): string {
  return path.join(dataDir, file.relativePath);
}

/** Throws a DATA_MISSING error that says what is expected and how to get it. */
export function assertRetailFilesPresent(dataDir: string): void {
  const missing = RETAIL_FILES.map((file) =>
    retailFilePath(dataDir, file),
  ).filter((file) => !fs.existsSync(file));
  if (missing.length === 0) return;
  throw new ShopmateError(
    'DATA_MISSING',
    [
      `The Online Retail data is missing from DATA_DIR (${dataDir}):`,
      ...missing.map((file) => `  - ${file}`),
      'Set DATA_DIR to a folder holding online-retail/*.parquet (in this repository: DATA_DIR=../shared/data),',
      'or download the public sources with `npx shopmate data:fetch` (needs internet).',
    ].join('\n'),
  );
}

export async function readRetailFile(
  dataDir: string,
  file: RetailFile,
): Promise<FileRead> {
  const filePath = retailFilePath(dataDir, file);
  let raw: Record<string, unknown>[];
  try {
    const buffer = await asyncBufferFromFile(filePath);
    raw = await parquetReadObjects({ file: buffer, compressors });
  } catch (error) {
    throw new ShopmateError(
      'DATA_MALFORMED',
      `Could not read ${filePath} as parquet: ${(error as Error).message}. Expected the UCI "${file.name}" table; \`npx shopmate data:fetch\` downloads it.`,
      { cause: error },
    );
  }
  const columns = file.columns;
  const missingColumn = Object.values(columns).find(
    (column) => raw.length > 0 && !(column in raw[0]),
  );
  if (missingColumn)
    throw new ShopmateError(
      'DATA_MALFORMED',
      `${filePath} has no column "${missingColumn}"; expected ${Object.values(columns).join(', ')}.`,
    );

  const rows: RetailRow[] = [];
  let malformed = 0;
  for (const record of raw) {
    const parsed = RetailRowSchema.safeParse({
      invoice: record[columns.invoice],
      stockCode: record[columns.stockCode],
      description: record[columns.description],
      quantity: record[columns.quantity],
      date: record[columns.date],
      price: record[columns.price],
      customerId: record[columns.customerId],
      country: record[columns.country],
    });
    if (parsed.success) rows.push(parsed.data);
    else malformed++;
  }
  return { file, rows, read: raw.length, malformed };
}
