import type { Command } from 'commander';
import { registerBench } from './bench.ts';
import { registerChat } from './chat.ts';
import { registerCustomer } from './customer.ts';
import { registerDataFetch } from './data-fetch.ts';
import { registerEval } from './eval.ts';
import { registerIngest } from './ingest.ts';
import { registerIntent } from './intent.ts';
import { registerRecommend } from './recommend.ts';
import { registerSearch } from './search.ts';
import { registerStart } from './start.ts';
import { registerTrain } from './train.ts';

/** Every command of the CLI; each file adds one (or a few related) commands. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerIngest,
  registerDataFetch,
  registerSearch,
  registerCustomer,
  registerIntent,
  registerRecommend,
  registerTrain,
  registerEval,
  registerBench,
  registerStart,
  registerChat,
];
