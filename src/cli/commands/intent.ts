import fs from 'node:fs';
import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { ShopmateError } from '../../errors.ts';
import { loadIntentModel, type IntentResult } from '../../intent/index.ts';
import { writeJson, writeLine, writeProgress } from '../output.ts';

interface IntentOptions {
  json?: boolean;
  file?: string;
}

function readMessages(
  text: string | undefined,
  options: IntentOptions,
): string[] {
  if (options.file) {
    if (!fs.existsSync(options.file))
      throw new ShopmateError(
        'NOT_FOUND',
        `No messages file at ${options.file}`,
      );
    return fs
      .readFileSync(options.file, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
  }
  if (text === undefined)
    throw new ShopmateError('INVALID_INPUT', 'Give a message or --file F');
  return [text];
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
