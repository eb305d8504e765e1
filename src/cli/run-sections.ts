import { getConfig } from '../config.ts';
import { openIngestedDatabase, type Db } from '../store/index.ts';
import { writeJson, writeLine, writeProgress } from './output.ts';
import type { Section } from './sections.ts';

/** Runs the chosen sections in order and prints text or one JSON object. */
export async function runSections(
  sections: Section[],
  options: { json?: boolean; only?: string },
): Promise<void> {
  const config = getConfig();
  const only = options.only?.split(',').map((key) => key.trim());
  let db: Db | undefined;
  const context = {
    config,
    db: () => (db ??= openIngestedDatabase(config.databasePath)),
    progress: writeProgress,
  };
  const output: Record<string, unknown> = {};
  try {
    for (const section of sections) {
      if (only && !only.includes(section.key)) continue;
      writeProgress(`== ${section.title} ==`);
      const started = Date.now();
      const result = await section.run(context);
      output[section.key] = result.json;
      if (!options.json) {
        writeLine(`## ${section.title}`);
        for (const line of result.lines) writeLine(`  ${line}`);
        writeLine();
      }
      writeProgress(`   (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    db?.close();
  }
  if (options.json) writeJson(output);
}
