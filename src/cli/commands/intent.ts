import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { loadIntentModel, type IntentResult } from '../../intent/index.ts';
import { argumentOrFileLines } from '../input-lines.ts';
import { writeJson, writeLine, writeProgress } from '../output.ts';

interface IntentOptions {
  json?: boolean;
  file?: string;
}

function readMessages(
  text: string | undefined,
  options: IntentOptions,
): string[] {
  return argumentOrFileLines(text, options.file, 'Give a message or --file F');
}

function describe(text: string, result: IntentResult): string[] {
  const intents = result.intents
    .map((intent) => `${intent.name} ${intent.confidence.toFixed(2)}`)
    .join(', ');
  return [
    text,
    `  intents:   ${intents}`,
    `  entities:  ${JSON.stringify(result.entities)}`,
    `  sentiment: ${result.sentiment} (${result.sentimentScore})  language: ${result.language}`,
  ];
}

/** `shopmate intent "<text>" [--json] [--file F]` */
export function registerIntent(program: Command): void {
  program
    .command('intent')
    .description("Detect a shopper message's intents, entities and sentiment")
    .argument('[text]', 'the message')
    .option('--json', 'print one JSON line per message')
    .option('--file <path>', 'one message per line (blank lines skipped)')
    .action(async (text: string | undefined, options: IntentOptions) => {
      const messages = readMessages(text, options);
      const model = await loadIntentModel(getConfig(), {
        trainIfMissing: true,
        onProgress: writeProgress,
      });
      for (const message of messages) {
        const result = model.detect(message);
        if (options.json) writeJson(result);
        else for (const line of describe(message, result)) writeLine(line);
      }
    });
}
