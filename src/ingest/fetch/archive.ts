/** Takes files out of zip archives (the UCI and Kaggle downloads). */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ShopmateError } from '../../errors.ts';

export interface ArchiveEntry {
  /** Full path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

/**
 * Every entry of the zip at `zipPath` whose base name is `member`, wherever
 * it is nested (Kaggle archives repeat folders), macOS resource forks left out.
 */
export function readArchiveMembers(
  zipPath: string,
  member: string,
): ArchiveEntry[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(fs.readFileSync(zipPath), {
      filter: (file) =>
        path.posix.basename(file.name) === member &&
        !file.name.startsWith('__MACOSX/'),
    });
  } catch (error) {
    throw new ShopmateError(
      'DATA_MALFORMED',
      `${path.basename(zipPath)} is not a readable zip archive: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
}

/** The names of the files in a zip, for error messages. */
export function listArchive(zipPath: string): string[] {
  const names: string[] = [];
  unzipSync(fs.readFileSync(zipPath), {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
}
