import { Command, CommanderError } from 'commander';
import { toShopmateError } from '../errors.ts';
import { COMMANDS } from './commands/index.ts';
import { writeError } from './output.ts';

/** Builds the `shopmate` command line; each command lives in commands/. */
export function buildProgram(): Command {
  const program = new Command('shopmate')
    .description('A conversational shopping agent on a real shop')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const failure = toShopmateError(error);
    writeError(failure);
    process.exitCode = failure.code === 'INTERNAL' ? 70 : 2;
  }
}
