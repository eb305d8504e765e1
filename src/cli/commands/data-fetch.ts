import path from 'node:path';
import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { ShopmateError } from '../../errors.ts';
import { DATA_SOURCES, fetchData } from '../../ingest/fetch/index.ts';
import { writeJson, writeLine, writeProgress } from '../output.ts';

interface DataFetchFlags {
  force?: boolean;
  only?: string[];
  from?: string;
  json?: boolean;
}

/** `shopmate data:fetch`: the public data sets into DATA_DIR. */
export function registerDataFetch(program: Command): void {
  const ids = DATA_SOURCES.map((dataset) => dataset.id).join(', ');
  program
    .command('data:fetch')
    .description(
      'Download the public data sets into DATA_DIR (needs internet): UCI Online Retail (converted to parquet), CDNOW, Bitext, WANDS',
    )
    .option('--force', 'fetch again even when DATA_DIR holds valid files')
    .option('--only <ids...>', `only these data sets (${ids})`)
    .option(
      '--from <folder>',
      'use files downloaded by hand (zips, workbooks, CSVs) or another DATA_DIR before the network',
    )
    .option('--json', 'print the summary as JSON')
    .action(async (flags: DataFetchFlags) => {
      const config = getConfig();
      writeProgress(`DATA_DIR: ${config.dataDir}`);
      const summary = await fetchData({
        dataDir: config.dataDir,
        workDir: path.join(config.stateDir, 'fetch'),
        force: flags.force,
        only: flags.only?.flatMap((id) => id.split(',')).filter(Boolean),
        from: flags.from ? path.resolve(flags.from) : undefined,
        onProgress: writeProgress,
      });

      if (flags.json) writeJson(summary);
      else
        for (const dataset of summary.datasets)
          writeLine(
            `${dataset.id.padEnd(14)} ${dataset.status.padEnd(9)} ${dataset.error ?? `${dataset.files.length} file(s)`}`,
          );

      const failed = summary.datasets.filter((d) => d.status === 'failed');
      if (failed.length > 0)
        throw new ShopmateError(
          'DATA_MISSING',
          `${failed.length} data set(s) not fetched: ${failed.map((d) => d.id).join(', ')} (see above).`,
        );
    });
}
