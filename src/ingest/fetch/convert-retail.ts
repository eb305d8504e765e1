/**
 * One sheet of a UCI Online Retail workbook → the parquet file that
 * src/ingest/retail-files.ts reads: the same column names and types as the
 * reference copies, rows in workbook order, optionally cut at a date.
 */
import { parquetWriteFile } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import { ShopmateError } from '../../errors.ts';
import { DAY_MS, formatShopTime } from '../../store/index.ts';
import type { RetailWorkbookFile, WorkbookColumn } from './manifest.ts';
import { openSheet, type SheetCell, type SheetRows } from './workbook.ts';

export interface ConversionStats {
  sheet: string;
  /** Data rows read from the sheet (the header not counted). */
  rowsRead: number;
  rowsWritten: number;
  /** Rows left out by `cutBefore`. */
  rowsCut: number;
  /** Blank rows skipped. */
  rowsBlank: number;
  /** Cells that could not take their column's type, written as null. */
  badCells: Record<string, number>;
}

export interface ConvertOptions {
  onProgress?: (text: string) => void;
  /** Progress line every this many rows; default 50,000. */
  progressEvery?: number;
}

type ParquetValue = string | number | bigint | Date | null;

/**
 * Strings pandas' read_excel reads as missing; the reference copies were made
 * that way, so the same cells become null here.
 */
const MISSING_TEXT = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

const EXCEL_EPOCH_DAYS = 25_569; // 1970-01-01 as an Excel 1900-system serial

/** Converts the sheet and writes `outPath`; returns what it counted. */
export async function convertRetailWorkbook(
  xlsxPath: string,
  spec: RetailWorkbookFile,
  outPath: string,
  options: ConvertOptions = {},
): Promise<ConversionStats> {
  const opened = await openSheet(xlsxPath, spec.sheet);
  try {
    return await convertSheet(opened, spec, outPath, options);
  } finally {
    await opened.close();
  }
}

async function convertSheet(
  { sheet, header, rows }: SheetRows,
  spec: RetailWorkbookFile,
  outPath: string,
  options: ConvertOptions,
): Promise<ConversionStats> {
  const positions = locateColumns(spec, header, sheet);
  const datePosition = positions[spec.columns.findIndex(isDateColumn(spec))];
  const cutMs =
    spec.cutBefore === undefined
      ? undefined
      : parseWorkbookTime(spec.cutBefore);
  if (cutMs === null)
    throw new ShopmateError(
      'INVALID_INPUT',
      `${spec.path}: cutBefore "${spec.cutBefore}" is not YYYY-MM-DD HH:MM:SS`,
    );

  const data: ParquetValue[][] = spec.columns.map(() => []);
  const stats: ConversionStats = {
    sheet,
    rowsRead: 0,
    rowsWritten: 0,
    rowsCut: 0,
    rowsBlank: 0,
    badCells: {},
  };
  const every = options.progressEvery ?? 50_000;

  for await (const cells of rows) {
    stats.rowsRead++;
    if (stats.rowsRead % every === 0)
      options.onProgress?.(
        `  ${spec.path}: ${stats.rowsRead.toLocaleString('en')} rows converted`,
      );
    const picked = positions.map((position) => cells[position] ?? null);
    if (picked.every((cell) => cell === null)) {
      stats.rowsBlank++;
      continue;
    }
    const date = toDate(cells[datePosition] ?? null);
    if (cutMs !== undefined && date && date.getTime() >= cutMs) {
      stats.rowsCut++;
      continue;
    }
    spec.columns.forEach((column, index) => {
      const value = convertCell(picked[index], column);
      if (value === undefined) {
        stats.badCells[column.name] = (stats.badCells[column.name] ?? 0) + 1;
        data[index].push(null);
      } else data[index].push(value);
    });
    stats.rowsWritten++;
  }

  parquetWriteFile({
    filename: outPath,
    columnData: spec.columns.map((column, index): ColumnSource => ({
      name: column.name,
      data: data[index],
      type: parquetType(column),
    })),
  });
  return stats;
}

function isDateColumn(spec: RetailWorkbookFile) {
  return (column: WorkbookColumn) => column.name === spec.dateColumn;
}

/** Sheet position of each wanted column, found by its header text. */
function locateColumns(
  spec: RetailWorkbookFile,
  header: string[],
  sheet: string,
): number[] {
  const positions = spec.columns.map((column) => header.indexOf(column.name));
  const missing = spec.columns.filter((_, index) => positions[index] < 0);
  if (missing.length > 0 || !spec.columns.some(isDateColumn(spec)))
    throw new ShopmateError(
      'DATA_MALFORMED',
      `${spec.member} (sheet "${sheet}") has no column ${missing.map((c) => `"${c.name}"`).join(', ') || `"${spec.dateColumn}"`}; its header is: ${header.join(', ')}.`,
    );
  return positions;
}

function parquetType(column: WorkbookColumn): ColumnSource['type'] {
  return column.type === 'TEXT_TIME' ? 'STRING' : column.type;
}

/** The cell as its column's type; null when missing, undefined when unfit. */
export function convertCell(
  cell: SheetCell,
  column: WorkbookColumn,
): ParquetValue | undefined {
  if (cell === null) return null;
  switch (column.type) {
    case 'STRING':
      return toText(cell);
    case 'INT64':
      return toInteger(cell);
    case 'DOUBLE':
      return toDouble(cell);
    case 'TEXT_TIME': {
      const date = toDate(cell);
      return date ? formatShopTime(date) : undefined;
    }
    case 'TIMESTAMP':
      return toDate(cell) ?? undefined;
  }
}

function toText(cell: Exclude<SheetCell, null>): string | null {
  if (typeof cell === 'string') return MISSING_TEXT.has(cell) ? null : cell;
  if (cell instanceof Date) return formatShopTime(roundToSecond(cell));
  if (typeof cell === 'boolean') return cell ? 'True' : 'False';
  return String(cell);
}

function toInteger(cell: Exclude<SheetCell, null>): bigint | undefined {
  if (typeof cell === 'number')
    return Number.isSafeInteger(cell) ? BigInt(cell) : undefined;
  if (typeof cell === 'string' && /^\s*-?\d+(\.0*)?\s*$/.test(cell))
    return BigInt(cell.trim().replace(/\.0*$/, ''));
  return undefined;
}

function toDouble(cell: Exclude<SheetCell, null>): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'string' && cell.trim() !== '') {
    const value = Number(cell);
    return Number.isFinite(value) ? value : undefined;
  }
  return undefined;
}

/**
 * Dates are UK local times with no zone; they travel as UTC fields so that
 * 07:45 stays 07:45. Excel serials carry float noise, so round to seconds.
 */
export function toDate(cell: SheetCell): Date | null {
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? null : roundToSecond(cell);
  if (typeof cell === 'number' && Number.isFinite(cell))
    return roundToSecond(new Date((cell - EXCEL_EPOCH_DAYS) * DAY_MS));
  if (typeof cell === 'string') {
    const ms = parseWorkbookTime(cell.trim());
    return ms === null ? null : new Date(ms);
  }
  return null;
}

function roundToSecond(date: Date): Date {
  return new Date(Math.round(date.getTime() / 1000) * 1000);
}

/** `YYYY-MM-DD HH:MM:SS` (or with T, or without seconds) → UTC ms. */
export function parseWorkbookTime(text: string): number | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
  return Number.isNaN(ms) ? null : ms;
}
