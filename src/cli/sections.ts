/**
 * `shopmate eval` and `npm run bench` are lists of sections; each folder that
 * has something to measure adds one section to the lists in eval.ts/bench.ts.
 */
import type { Config } from '../config.ts';
import type { Db } from '../store/index.ts';

export interface SectionContext {
  config: Config;
  /** Opens the ingested store on first use. */
  db(): Db;
  progress(text: string): void;
}

export interface SectionResult {
  /** Goes under the section's key in the `--json` object. */
  json: unknown;
  /** Human-readable lines, each metric printed beside its baseline. */
  lines: string[];
}

export interface Section {
  key: string;
  title: string;
  run(context: SectionContext): Promise<SectionResult>;
}
