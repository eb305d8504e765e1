import type { ShopmateError } from '../errors.ts';

/** Prints one JSON value on a line of its own. */
export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function writeLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Progress and notes for a person go to stderr; stdout stays data. */
export function writeProgress(text: string): void {
  process.stderr.write(`${text}\n`);
}

export function writeError(error: ShopmateError): void {
  process.stderr.write(`shopmate: ${error.message} [${error.code}]\n`);
  if (error.code === 'INTERNAL' && error.cause instanceof Error)
    process.stderr.write(`${error.cause.stack ?? ''}\n`);
}
