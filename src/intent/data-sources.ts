/**
 * Reads the labelled utterances of the public data sets under DATA_DIR: the
 * three Bitext customer-service files and the WANDS product queries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ShopmateError } from '../errors.ts';
import { parseCsvRecords } from './csv.ts';
import { isIntentName, type IntentName } from './intent-names.ts';

export interface LabelledUtterance {
  text: string;
  intent: IntentName;
  /** Where it came from, for per-source metrics. */
  source: string;
  /**
   * Examples sharing a group land on the same side of the split (a template
   * and all its fillings); defaults to the dedupe key.
   */
  group?: string;
}

const BITEXT_FILES = [
  { file: 'bitext_cs_training_8k.csv', column: 'utterance' },
  { file: 'bitext_cs_utterances_20k.csv', column: 'utterance' },
  {
    file: 'bitext_llm_cs_training_2023-08_official.csv',
    column: 'instruction',
  },
] as const;

/** The 20k file spells one intent differently from the other two. */
const INTENT_ALIASES: Record<string, string> = {
  check_invoices: 'check_invoice',
};

function readDataFile(dataDir: string, relative: string): string {
  const file = path.join(dataDir, relative);
  if (!fs.existsSync(file))
    throw new ShopmateError(
      'DATA_MISSING',
      `${relative} not found under DATA_DIR (${dataDir})`,
      { details: { file } },
    );
  return fs.readFileSync(file, 'utf8');
}

/** Every Bitext utterance of the three files, duplicates included. */
export function readBitextUtterances(dataDir: string): LabelledUtterance[] {
  const utterances: LabelledUtterance[] = [];
  for (const { file, column } of BITEXT_FILES) {
    const records = parseCsvRecords(readDataFile(dataDir, `bitext/${file}`));
    for (const record of records) {
      const raw = record.intent?.trim() ?? '';
      const intent = INTENT_ALIASES[raw] ?? raw;
      const text = record[column]?.trim() ?? '';
      if (!text || !isIntentName(intent))
        throw new ShopmateError(
          'DATA_MALFORMED',
          `bitext/${file}: unexpected row (intent "${raw}")`,
        );
      utterances.push({ text, intent, source: 'bitext' });
    }
  }
  return utterances;
}

/** The WANDS search-box queries: real product searches. */
export function readWandsQueries(dataDir: string): LabelledUtterance[] {
  const records = parseCsvRecords(
    readDataFile(dataDir, 'wands/query.csv'),
    '\t',
  );
  return records
    .map((record) => record.query?.trim() ?? '')
    .filter((text) => text.length > 0)
    .map((text) => ({ text, intent: 'product_search', source: 'wands' }));
}
