import type { Command } from 'commander';
import { runSections } from '../run-sections.ts';
import type { Section } from '../sections.ts';
import { cdnowSection, churnSection } from '../sections/customers.ts';
import { categorySection } from '../sections/category.ts';
import { intentSection } from '../sections/intent.ts';
import { rankingSection } from '../sections/ranking.ts';
import { searchSection } from '../sections/search.ts';

/** Every measured model; later work adds its section here. */
const EVAL_SECTIONS: Section[] = [
  categorySection,
  searchSection,
  cdnowSection,
  churnSection,
  intentSection,
  rankingSection,
];

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Measure every model against its baselines on held-out data')
    .option('--json', 'print one JSON object')
    .option('--only <keys>', 'comma-separated section keys to run')
    .action(async (options: { json?: boolean; only?: string }) => {
      await runSections(EVAL_SECTIONS, options);
    });
}
