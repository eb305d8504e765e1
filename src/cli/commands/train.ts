import type { Command } from 'commander';
import { getConfig, type Config } from '../../config.ts';
import { loadOrFitChurnModel } from '../../customers/index.ts';
import { ShopmateError } from '../../errors.ts';
import { trainIntentModel } from '../../intent/index.ts';
import { trainRanker } from '../../ranking/index.ts';
import { openIngestedDatabase, type Db } from '../../store/index.ts';
import { writeJson, writeLine, writeProgress } from '../output.ts';

interface TrainContext {
  config: Config;
  /** Opens the ingested store on first use. */
  db(): Db;
  progress(text: string): void;
}

/** One trainable model: trains, saves, and returns a summary for --json. */
interface Trainer {
  key: string;
  title: string;
  run(context: TrainContext): Promise<Record<string, unknown>>;
}

/** Every trainable model, in the order `shopmate train` runs them. */
const TRAINERS: Trainer[] = [
  {
    key: 'ranker',
    title: 'DNN ranker',
    async run({ config, db, progress }) {
      const meta = await trainRanker(db(), config, { onProgress: progress });
      return {
        referenceDate: meta.referenceDate,
        featureCutoffs: meta.featureCutoffs,
        text: meta.text,
        ...meta.metrics,
      };
    },
  },
  {
    key: 'intent',
    title: 'intent classifier',
    async run({ config, progress }) {
      const { metrics } = await trainIntentModel(config, {
        onProgress: progress,
      });
      return { ...metrics };
    },
  },
  {
    key: 'churn',
    title: 'BG/NBD churn model',
    async run({ config, db }) {
      const model = loadOrFitChurnModel(db(), config, { force: true });
      return {
        referenceDate: model.referenceDate,
        ...model.params,
        logLikelihood: model.logLikelihood,
        customers: model.customers,
      };
    },
  },
];

function chooseTrainers(only: string | undefined): Trainer[] {
  if (!only) return TRAINERS;
  const keys = only.split(',').map((key) => key.trim());
  const unknown = keys.filter((key) => !TRAINERS.some((t) => t.key === key));
  if (unknown.length)
    throw new ShopmateError(
      'INVALID_INPUT',
      `--only: unknown model ${unknown.join(', ')}; choose from ${TRAINERS.map((t) => t.key).join(', ')}`,
    );
  return TRAINERS.filter((trainer) => keys.includes(trainer.key));
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Train and save every trainable model (ranker, intent, churn)')
    .option('--only <keys>', 'comma-separated: ranker, intent, churn')
    .option('--json', 'print one JSON object of training summaries')
    .action(async (options: { only?: string; json?: boolean }) => {
      const trainers = chooseTrainers(options.only);
      const config = getConfig();
      let db: Db | undefined;
      const context: TrainContext = {
        config,
        db: () => (db ??= openIngestedDatabase(config.databasePath)),
        progress: writeProgress,
      };
      const summaries: Record<string, unknown> = {};
      try {
        for (const trainer of trainers) {
          writeProgress(`== training the ${trainer.title} ==`);
          const started = Date.now();
          summaries[trainer.key] = await trainer.run(context);
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          writeProgress(`   (${seconds} s)`);
          if (!options.json)
            writeLine(`${trainer.key}: trained in ${seconds} s`);
        }
      } finally {
        db?.close();
      }
      if (options.json) writeJson(summaries);
    });
}
