/** sha256 of files, and the error a mismatch raises. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ShopmateError } from '../../errors.ts';

/** Streams a file through sha256; returns lower-case hex. */
export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(filePath), hash);
  return hash.digest('hex');
}

export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The error for a file whose content is not the expected one. */
export function checksumMismatch(
  label: string,
  expected: string,
  got: string,
): ShopmateError {
  return new ShopmateError(
    'DATA_MALFORMED',
    `${label}: sha256 mismatch — expected ${expected}, got ${got}. The download is corrupt or the publisher changed the file; nothing was installed.`,
    { details: { file: label, expected, got } },
  );
}

/** Throws a DATA_MALFORMED error naming the file when its sha256 differs. */
export async function verifySha256(
  filePath: string,
  expected: string,
  label: string = filePath,
): Promise<void> {
  const got = await sha256File(filePath);
  if (got !== expected) throw checksumMismatch(label, expected, got);
}
