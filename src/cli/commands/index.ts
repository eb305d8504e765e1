import type { Command } from 'commander';
import { registerBench } from './bench.ts';
import { registerEval } from './eval.ts';
import { registerIngest } from './ingest.ts';

/** Every command of the CLI; each file adds one (or a few related) commands. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerIngest,
  registerEval,
  registerBench,
];
