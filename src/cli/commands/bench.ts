import type { Command } from 'commander';
import { runSections } from '../run-sections.ts';
import type { Section } from '../sections.ts';
import { embedderBenchSection } from '../sections/embedder-bench.ts';
import { searchBenchSection } from '../sections/search-bench.ts';
import { turnBenchSection } from '../sections/turn-bench.ts';

/** Speed and memory measurements, each printing ratios measured side by side. */
const BENCH_SECTIONS: Section[] = [
  searchBenchSection,
  embedderBenchSection,
  turnBenchSection,
];

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('Benchmark search, ranking and turn latency on this machine')
    .option('--json', 'print one JSON object')
    .option('--only <keys>', 'comma-separated section keys to run')
    .action(async (options: { json?: boolean; only?: string }) => {
      await runSections(BENCH_SECTIONS, options);
    });
}
