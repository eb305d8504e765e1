import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShopmateError } from '../../errors.ts';
import { verifySha256 } from './checksum.ts';
import { downloadFile } from './download.ts';
import {
  makeTempDir,
  removeTempDirs,
  startLoopbackServer,
  unreachableUrl,
  type LoopbackServer,
} from './test-support.ts';

// Large enough to arrive in several chunks, so progress shows percentages.
const BODY = Buffer.from(
  'query_id\tquery\tquery_class\n0\tsalon chair\tMassage Chairs\n'.repeat(
    20_000,
  ),
);
const SHA = createHash('sha256').update(BODY).digest('hex');
const FAST = { retryDelayMs: 0, idleTimeoutMs: 5_000 };

let server: LoopbackServer;
let failuresLeft = 0;
const dir = makeTempDir('download');

beforeAll(async () => {
  server = await startLoopbackServer({
    '/query.csv': BODY,
    '/flaky.csv': (_request, response) => {
      if (failuresLeft-- > 0) response.writeHead(503).end();
      else response.writeHead(200, { 'content-length': BODY.length }).end(BODY);
    },
    '/truncated.csv': (_request, response) => {
      response.writeHead(200, { 'content-length': BODY.length });
      response.write(BODY.subarray(0, 100), () => response.destroy());
    },
  });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

describe('downloadFile', () => {
  it('streams the file to disk, with its sha256 and byte progress', async () => {
    const target = path.join(dir, 'query.csv');
    const lines: string[] = [];
    const result = await downloadFile([server.url('/query.csv')], target, {
      ...FAST,
      sha256: SHA,
      onProgress: (line) => lines.push(line),
    });
    expect(result).toEqual({
      url: server.url('/query.csv'),
      bytes: BODY.length,
      sha256: SHA,
    });
    expect(fs.readFileSync(target).equals(BODY)).toBe(true);
    expect(lines[0]).toMatch(
      /downloading from 127\.0\.0\.1:\d+ \(\d+\.\d MB\)/,
    );
    expect(lines.some((line) => /\(\d+%\)/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/MB downloaded$/);
    expect(fs.existsSync(`${target}.part`)).toBe(false);
  });

  it('retries a transient server error, then succeeds', async () => {
    failuresLeft = 2;
    const before = server.hits.get('/flaky.csv') ?? 0;
    const target = path.join(dir, 'flaky.csv');
    await downloadFile([server.url('/flaky.csv')], target, {
      ...FAST,
      attempts: 3,
    });
    expect((server.hits.get('/flaky.csv') ?? 0) - before).toBe(3);
    expect(fs.readFileSync(target).equals(BODY)).toBe(true);
  });

  it('moves on to the next mirror after a 404', async () => {
    const target = path.join(dir, 'mirror.csv');
    const result = await downloadFile(
      [server.url('/gone.csv'), server.url('/query.csv')],
      target,
      FAST,
    );
    expect(result.url).toBe(server.url('/query.csv'));
    expect(server.hits.get('/gone.csv')).toBe(1); // a 404 is not retried
  });

  it('retries a truncated body and reports the failure when it persists', async () => {
    const before = server.hits.get('/truncated.csv') ?? 0;
    const target = path.join(dir, 'truncated.csv');
    await expect(
      downloadFile([server.url('/truncated.csv')], target, {
        ...FAST,
        attempts: 2,
      }),
    ).rejects.toThrow(
      /^Could not download .*truncated\.csv: 127\.0\.0\.1:\d+: transfer broke off/,
    );
    expect((server.hits.get('/truncated.csv') ?? 0) - before).toBe(2);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.part`)).toBe(false);
  });

  it('rejects a checksum mismatch naming the file, expected and got', async () => {
    const target = path.join(dir, 'bad.csv');
    const expected = 'f'.repeat(64);
    const error = await downloadFile([server.url('/query.csv')], target, {
      ...FAST,
      label: 'wands/query.csv',
      sha256: expected,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShopmateError);
    expect(error).toMatchObject({ code: 'DATA_MALFORMED' });
    expect((error as Error).message).toContain('wands/query.csv');
    expect((error as Error).message).toContain(
      `expected ${expected}, got ${SHA}`,
    );
    expect(fs.existsSync(target)).toBe(false);
  });

  it('says the host cannot be reached and how to work offline', async () => {
    const url = await unreachableUrl('/online+retail+ii.zip');
    const error = await downloadFile([url], path.join(dir, 'offline.zip'), {
      ...FAST,
      attempts: 2,
      label: 'online+retail+ii.zip',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'DATA_MISSING',
      details: { offline: true },
    });
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Cannot reach 127\.0\.0\.1:\d+ to download online\+retail\+ii\.zip \(.*ECONNREFUSED\)/,
    );
    expect(message).toContain(
      'set DATA_DIR to a folder that already holds the data files',
    );
  });
});

describe('verifySha256', () => {
  it('passes the right checksum and names the file on a wrong one', async () => {
    const file = path.join(dir, 'sum.csv');
    fs.writeFileSync(file, BODY);
    await expect(verifySha256(file, SHA)).resolves.toBeUndefined();
    await expect(
      verifySha256(file, '0'.repeat(64), 'cdnow/CDNOW_master.txt'),
    ).rejects.toThrow(
      `cdnow/CDNOW_master.txt: sha256 mismatch — expected ${'0'.repeat(64)}, got ${SHA}`,
    );
  });
});
