import type { Config } from '../config.ts';
import { getMeta, type Db } from './database.ts';

/**
 * The shop's "now": REFERENCE_DATE when configured, else the last transaction
 * in the data. Never the wall clock — the data ends in 2011.
 */
export function getReferenceDate(
  db: Db,
  config: Pick<Config, 'REFERENCE_DATE'>,
): Date {
  const configured = config.REFERENCE_DATE;
  if (configured) return new Date(`${configured}T23:59:59Z`);
  const last = getMeta(db, 'last_transaction');
  if (!last) return new Date();
  return new Date(`${last.replace(' ', 'T')}Z`);
}

/** Shop times are UK local times stored as 'YYYY-MM-DD HH:MM:SS'; read them as UTC. */
export function parseShopTime(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

export function formatShopTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export const DAY_MS = 86_400_000;
