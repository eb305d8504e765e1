import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ShopmateError } from '../errors.ts';
import { MIGRATIONS } from './schema.ts';

export type Db = Database.Database;

/** Opens (creating if needed) the store and runs pending migrations. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:')
    fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Opens an existing, ingested store or says how to make one. */
export function openIngestedDatabase(file: string): Db {
  if (file !== ':memory:' && !fs.existsSync(file))
    throw new ShopmateError(
      'STORE_MISSING',
      `No store at ${file}. Run \`npx shopmate ingest\` first (it reads DATA_DIR).`,
    );
  const db = openDatabase(file);
  if (!getMeta(db, 'ingest'))
    throw new ShopmateError(
      'STORE_MISSING',
      `The store at ${file} has not been ingested. Run \`npx shopmate ingest\`.`,
    );
  return db;
}

/**
 * What the store's shop data was built from (data files and cleaning rules),
 * stable across re-ingests of the same files: models saved with it stay
 * valid until the data really changes.
 */
export function dataVersion(db: Db): string {
  const ingest = getMeta(db, 'ingest') ?? '';
  try {
    const signature = (JSON.parse(ingest) as { signature?: unknown }).signature;
    return typeof signature === 'string' ? signature : ingest;
  } catch {
    return ingest;
  }
}
