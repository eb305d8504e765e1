/**
 * The structured logger. Each folder takes a child: `logger.child({ module })`.
 * Message text, tokens and personal data are logged at debug at most.
 */
import { pino } from 'pino';
import { getConfig } from './config.ts';

function createRootLogger() {
  let level = 'info';
  try {
    level = getConfig().LOG_LEVEL;
  } catch {
    // A bad config is reported by whoever loads it; logging still works.
  }
  // Logs go to stderr so that `--json` output on stdout stays parseable.
  return pino({ level, base: undefined }, pino.destination(2));
}

export const logger = createRootLogger();

export function moduleLogger(module: string) {
  return logger.child({ module });
}
