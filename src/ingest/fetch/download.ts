/**
 * Downloads one file over HTTP(S) to disk: mirrors tried in order, retries
 * with backoff on transient failures, sha256 computed while streaming, and
 * progress in bytes. The file appears under its final name only when whole.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShopmateError } from '../../errors.ts';
import { checksumMismatch } from './checksum.ts';

export interface DownloadOptions {
  /** Names the file in progress lines and errors. */
  label?: string;
  /** When given, a download with another sha256 is rejected. */
  sha256?: string;
  /** Attempts per URL before the next mirror; default 3. */
  attempts?: number;
  /** First pause between attempts, doubled each time; default 1 s. */
  retryDelayMs?: number;
  /** Abort when no byte arrives for this long; default 60 s. */
  idleTimeoutMs?: number;
  onProgress?: (text: string) => void;
}

export interface DownloadResult {
  url: string;
  bytes: number;
  sha256: string;
}

type FailureKind = 'unreachable' | 'http' | 'checksum';

interface Failure {
  url: string;
  kind: FailureKind;
  message: string;
  retryable: boolean;
  error?: ShopmateError;
}

/** Network error codes that mean "no route to the host", not a bad answer. */
const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'IDLE_TIMEOUT',
]);

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

class IdleTimeoutError extends Error {
  readonly code = 'IDLE_TIMEOUT';
}

/** The connection closed before Content-Length bytes arrived. */
class TruncatedError extends Error {
  readonly code = 'TRUNCATED';
}

/** The host answered, then the body broke off: not a sign of being offline. */
class TransferError extends Error {
  readonly code = 'TRANSFER';
}

/**
 * Downloads the first URL that answers into `destination`. Throws a
 * DATA_MISSING error when no URL could be read (with `details.offline` true
 * when no host was reachable at all) and DATA_MALFORMED on a checksum
 * mismatch.
 */
export async function downloadFile(
  urls: readonly string[],
  destination: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const label = options.label ?? destination;
  const attempts = options.attempts ?? 3;
  const failures: Failure[] = [];

  for (const url of urls) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await downloadOnce(url, destination, label, options);
      } catch (error) {
        const failure = classify(url, error);
        failures.push(failure);
        if (!failure.retryable || attempt === attempts) break;
        const delay = (options.retryDelayMs ?? 1000) * 2 ** (attempt - 1);
        options.onProgress?.(
          `  ${label}: ${failure.message}; retrying (${attempt + 1}/${attempts})`,
        );
        await sleep(delay);
      }
    }
  }
  throw downloadFailed(label, failures);
}

async function downloadOnce(
  url: string,
  destination: string,
  label: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const controller = new AbortController();
  const idleMs = options.idleTimeoutMs ?? 60_000;
  let idleTimer = setTimeout(() => abortIdle(controller), idleMs);
  const resetIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => abortIdle(controller), idleMs);
  };
  const partPath = `${destination}.part`;
  let responded = false;

  try {
    const response = await fetch(url, {
      signal: controller.signal,
      // Identity encoding keeps Content-Length comparable with the bytes read.
      headers: { 'accept-encoding': 'identity', 'user-agent': 'shopmate' },
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new HttpStatusError(response.status);
    }
    responded = true;
    const total = expectedLength(response);
    const hash = createHash('sha256');
    const progress = progressReporter(label, url, total, options.onProgress);
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        resetIdle();
        bytes += chunk.length;
        hash.update(chunk);
        progress(bytes);
        done(null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(response.body as unknown as WebReadableStream),
      meter,
      fs.createWriteStream(partPath),
    );
    if (total !== undefined && bytes !== total)
      throw new TruncatedError(`truncated: ${bytes} of ${total} bytes`);

    const sha256 = hash.digest('hex');
    if (options.sha256 && sha256 !== options.sha256)
      throw checksumMismatch(label, options.sha256, sha256);
    await fs.promises.rename(partPath, destination);
    options.onProgress?.(`  ${label}: ${formatBytes(bytes)} downloaded`);
    return { url, bytes, sha256 };
  } catch (error) {
    await fs.promises.rm(partPath, { force: true });
    const cause =
      controller.signal.aborted && controller.signal.reason instanceof Error
        ? controller.signal.reason
        : error;
    if (!responded || cause instanceof ShopmateError) throw cause;
    if (cause instanceof TruncatedError) throw cause;
    throw new TransferError(`transfer broke off: ${describe(cause)}`, {
      cause,
    });
  } finally {
    clearTimeout(idleTimer);
  }
}

function abortIdle(controller: AbortController): void {
  controller.abort(new IdleTimeoutError('no data received in time'));
}

/** Content-Length, unless a content encoding makes it the compressed size. */
function expectedLength(response: Response): number | undefined {
  if (response.headers.get('content-encoding')) return undefined;
  const header = response.headers.get('content-length');
  const length = header === null ? NaN : Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** Reports every tenth of a known size, or every 8 MB of an unknown one. */
function progressReporter(
  label: string,
  url: string,
  total: number | undefined,
  onProgress: ((text: string) => void) | undefined,
): (bytes: number) => void {
  const host = new URL(url).host;
  onProgress?.(
    `  ${label}: downloading from ${host}${total ? ` (${formatBytes(total)})` : ''}`,
  );
  const step = total ? Math.max(1, Math.ceil(total / 10)) : 8 * 2 ** 20;
  let next = step;
  return (bytes) => {
    if (!onProgress || bytes < next || (total && bytes >= total)) return;
    while (next <= bytes) next += step;
    const share = total ? ` (${Math.floor((100 * bytes) / total)}%)` : '';
    onProgress(`  ${label}: ${formatBytes(bytes)}${share}`);
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 2 ** 20) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function errorCode(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return `${detail}${code && !detail.includes(code) ? ` (${code})` : ''}`;
}

function classify(url: string, error: unknown): Failure {
  if (error instanceof ShopmateError)
    return {
      url,
      kind: 'checksum',
      message: error.message,
      retryable: false,
      error,
    };
  if (error instanceof HttpStatusError)
    return {
      url,
      kind: 'http',
      message: `${url} answered ${error.message}`,
      retryable: RETRYABLE_STATUSES.has(error.status),
    };
  const code = error instanceof TransferError ? undefined : errorCode(error);
  return {
    url,
    kind: code && UNREACHABLE_CODES.has(code) ? 'unreachable' : 'http',
    message: `${new URL(url).host}: ${describe(error)}`,
    retryable: true,
  };
}

function downloadFailed(label: string, failures: Failure[]): ShopmateError {
  const mismatch = failures.find((failure) => failure.kind === 'checksum');
  if (mismatch?.error) return mismatch.error;

  const hosts = [...new Set(failures.map((f) => new URL(f.url).host))];
  const offline = failures.every((failure) => failure.kind === 'unreachable');
  const last = failures.at(-1)?.message ?? 'no URL to try';
  const message = offline
    ? `Cannot reach ${hosts.join(', ')} to download ${label} (${last}). Without internet access, set DATA_DIR to a folder that already holds the data files (online-retail/*.parquet, cdnow/, bitext/, wands/ — in this repository DATA_DIR=../shared/data), or download the file by hand and run \`shopmate data:fetch --from <folder>\`.`
    : `Could not download ${label}: ${last}.`;
  return new ShopmateError('DATA_MISSING', message, {
    details: { file: label, offline, failures: failures.map((f) => f.message) },
  });
}
