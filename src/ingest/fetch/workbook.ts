/**
 * Streams the rows of one sheet of an .xlsx workbook with exceljs, so a
 * 45 MB workbook of half a million rows never sits in memory as cells.
 */
import ExcelJS from 'exceljs';
import { ShopmateError } from '../../errors.ts';

/** A cell as the converter sees it; formulas give their cached result. */
export type SheetCell = string | number | boolean | Date | null;

export interface SheetRows {
  /** The name of the sheet being read. */
  sheet: string;
  /** Header row: trimmed text of each column (index 0 = column A). */
  header: string[];
  /** The rows after the header, cells indexed like `header`. */
  rows: AsyncGenerator<SheetCell[]>;
  /**
   * Finishes the workbook, read or not: exceljs parks worksheets that come
   * before the shared strings (as Excel writes them) in temp files and only
   * deletes them as the workbook is read on. Always call it.
   */
  close: () => Promise<void>;
}

interface NamedWorksheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

/**
 * Opens `xlsxPath` and returns the header and a row stream of the sheet
 * called `sheet`, or of the workbook's first sheet.
 */
export async function openSheet(
  xlsxPath: string,
  sheet?: string,
): Promise<SheetRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsxPath, {
    sharedStrings: 'cache',
    // Styles carry the number formats that mark a number as a date.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  // Moving on without reading a sheet skips it (exceljs drains it).
  const finish = async () => {
    while (!(await sheets.next()).done);
  };
  const seen: string[] = [];

  for (;;) {
    const next = await sheets.next();
    if (next.done) break;
    const worksheet = next.value as unknown as NamedWorksheetReader;
    const name = worksheet.name ?? `sheet ${seen.length + 1}`;
    seen.push(name);
    if (name !== (sheet ?? firstSheetName(reader) ?? name)) continue;

    const rows = worksheet[Symbol.asyncIterator]();
    const first = await rows.next();
    const header = first.done ? [] : rowCells(first.value).map(headerText);
    return {
      sheet: name,
      header,
      rows: cellRows(rows),
      close: async () => {
        await rows.return?.();
        await finish();
      },
    };
  }
  throw new ShopmateError(
    'DATA_MALFORMED',
    `${xlsxPath} has no sheet "${sheet ?? '(first)'}"; it has: ${seen.join(', ') || 'no sheets'}.`,
  );
}

function firstSheetName(reader: ExcelJS.stream.xlsx.WorkbookReader) {
  const model = (reader as { model?: { sheets?: { name?: string }[] } }).model;
  return model?.sheets?.[0]?.name;
}

async function* cellRows(
  rows: AsyncIterator<ExcelJS.Row>,
): AsyncGenerator<SheetCell[]> {
  for (;;) {
    const next = await rows.next();
    if (next.done) return;
    yield rowCells(next.value);
  }
}

/** Cells of a row as plain values; exceljs numbers its cells from 1. */
export function rowCells(row: ExcelJS.Row): SheetCell[] {
  const values = Array.isArray(row.values) ? row.values : [];
  const cells: SheetCell[] = [];
  for (let column = 1; column < values.length; column++)
    cells.push(plainValue(values[column]));
  return cells;
}

function headerText(cell: SheetCell): string {
  return cell === null ? '' : String(cell).trim();
}

/** Rich text, formulas, hyperlinks and errors reduced to a plain value. */
export function plainValue(value: unknown): SheetCell {
  if (value === undefined || value === null) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((run: { text?: unknown }) => String(run.text ?? ''))
        .join('');
    if ('result' in value) return plainValue(value.result);
    if ('text' in value) return plainValue(value.text);
    if ('error' in value) return null;
  }
  return null;
}
