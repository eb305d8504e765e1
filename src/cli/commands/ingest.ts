import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { describeIngest, ensureStore } from '../../ingest/index.ts';
import { writeJson, writeLine, writeProgress } from '../output.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'Load the Online Retail data from DATA_DIR into the store and build the search index',
    )
    .option('--json', 'print the summary as JSON')
    .option(
      '--if-stale',
      'only when the data or the rules changed since the last ingest',
    )
    .action(async (options: { json?: boolean; ifStale?: boolean }) => {
      const config = getConfig();
      const result = await ensureStore(config, {
        force: !options.ifStale,
        onProgress: writeProgress,
      });
      if (options.json) writeJson(result.summary);
      else {
        writeLine(
          result.ingested ? 'Ingest finished.' : 'The store is up to date.',
        );
        for (const line of describeIngest(result.summary))
          writeLine(`  ${line}`);
      }
    });
}
