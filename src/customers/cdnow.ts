/**
 * The CDNOW sample summary (cdnow/cdnow_customers_summary.csv under DATA_DIR):
 * the reference data of the BG/NBD paper, in weeks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ShopmateError } from '../errors.ts';
import type { PurchaseSummary } from './bgnbd.ts';

export const CDNOW_SUMMARY_FILE = path.join(
  'cdnow',
  'cdnow_customers_summary.csv',
);

/** The paper's estimates on this sample (Fader, Hardie & Lee 2005, table). */
export const CDNOW_PAPER_ESTIMATES = {
  r: 0.243,
  alpha: 4.414,
  a: 0.793,
  b: 2.426,
  logLikelihood: -9582.4,
} as const;

/** Reads `ID,frequency,recency,T` rows; names the file when it is missing. */
export function readCdnowSummary(dataDir: string): PurchaseSummary[] {
  const file = path.join(dataDir, CDNOW_SUMMARY_FILE);
  if (!fs.existsSync(file))
    throw new ShopmateError(
      'DATA_MISSING',
      `CDNOW summary not found at ${file}; set DATA_DIR to the data folder (e.g. DATA_DIR=../shared/data)`,
    );
  const [header, ...lines] = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const columns = header.split(',').map((name) => name.trim());
  const at = (name: string): number => {
    const index = columns.indexOf(name);
    if (index < 0)
      throw new ShopmateError(
        'DATA_MALFORMED',
        `${file}: no column "${name}" in header "${header}"`,
      );
    return index;
  };
  const [xAt, txAt, tAt] = [at('frequency'), at('recency'), at('T')];
  return lines.map((line, row) => {
    const cells = line.split(',');
    const summary = {
      frequency: Number(cells[xAt]),
      recency: Number(cells[txAt]),
      T: Number(cells[tAt]),
    };
    if (!Object.values(summary).every(Number.isFinite))
      throw new ShopmateError(
        'DATA_MALFORMED',
        `${file}: line ${row + 2} is not numeric`,
      );
    return summary;
  });
}
