import fs from 'node:fs';
import { ShopmateError } from '../errors.ts';

/**
 * The inputs of a batch command: the lines of `file` (blank lines and
 * `#` comments skipped) when given, else the one argument.
 */
export function argumentOrFileLines(
  argument: string | undefined,
  file: string | undefined,
  usage: string,
): string[] {
  if (file) {
    if (!fs.existsSync(file))
      throw new ShopmateError('NOT_FOUND', `No file at ${file}`);
    return fs
      .readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  }
  if (argument === undefined || argument.trim() === '')
    throw new ShopmateError('INVALID_INPUT', usage);
  return [argument];
}
