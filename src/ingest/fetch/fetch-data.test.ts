import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../config.ts';
import { RETAIL_FILES, readRetailFile } from '../retail-files.ts';
import { fetchData, inspectInstalled } from './fetch-data.ts';
import {
  ManifestSchema,
  type Manifest,
  type RetailWorkbookFile,
} from './manifest.ts';
import { DATA_SOURCES } from './sources.ts';
import {
  makeTempDir,
  removeTempDirs,
  RETAIL_II_HEADER,
  shopDate,
  startLoopbackServer,
  unreachableUrl,
  writeWorkbook,
  type LoopbackServer,
} from './test-support.ts';

const sha = (data: string | Uint8Array) =>
  createHash('sha256').update(data).digest('hex');

const QUERY_CSV =
  'query_id\tquery\tquery_class\n0\tsalon chair\tMassage Chairs\n';
const UTTERANCES =
  '\uFEFFflags,utterance,category,intent\nBM,cancel my order,ORDER,cancel_order\n';
const SPEC_II = DATA_SOURCES[0].files[0] as RetailWorkbookFile;
// Generous limits: a loaded machine must not turn into a failed fetch.
const FAST = { retryDelayMs: 0, attempts: 3, idleTimeoutMs: 30_000 };

let server: LoopbackServer;
let retailZip: Uint8Array;
let bitextZip: Uint8Array;
const scratch = makeTempDir('fetch-data');

beforeAll(async () => {
  const xlsx = path.join(scratch, 'online_retail_II.xlsx');
  await writeWorkbook(xlsx, [
    {
      name: 'Year 2009-2010',
      header: RETAIL_II_HEADER,
      rows: [
        [
          489434,
          85048,
          '15CM CHRISTMAS GLASS BALL 20 LIGHTS',
          12,
          shopDate('2009-12-01 07:45:00'),
          6.95,
          13085,
          'United Kingdom',
        ],
        [
          'C489449',
          '22087',
          'PAPER BUNTING WHITE LACE',
          -12,
          shopDate('2009-12-01 10:33:00'),
          2.95,
          16321,
          'Australia',
        ],
        [
          489436,
          'POST',
          null,
          1,
          shopDate('2009-12-01 09:06:00'),
          18,
          null,
          'France',
        ],
      ],
    },
  ]);
  retailZip = zipSync({ 'online_retail_II.xlsx': fs.readFileSync(xlsx) });
  // Kaggle nests folders and ships macOS resource forks beside the files.
  bitextZip = zipSync({
    'Bitext/Training/Bitext_Sample_Customer_Service_Training_Dataset.csv':
      Buffer.from(UTTERANCES),
    '__MACOSX/Bitext/Training/._Bitext_Sample_Customer_Service_Training_Dataset.csv':
      Buffer.from('junk'),
  });
  server = await startLoopbackServer({
    '/uci/online+retail+ii.zip': retailZip,
    '/kaggle/bitext.zip': bitextZip,
    '/wands/query.csv': QUERY_CSV,
  });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

/** A small manifest in the real layout, served by the loopback server. */
function testManifest(
  overrides: {
    querySha?: string;
    rows?: number;
    base?: (p: string) => string;
  } = {},
): Manifest {
  const url = overrides.base ?? server.url;
  return ManifestSchema.parse([
    {
      id: 'online-retail',
      title: 'test retail',
      licence: 'CC BY 4.0',
      homepage: 'https://archive.ics.uci.edu/dataset/502/online+retail+ii',
      manualDownload:
        'https://archive.ics.uci.edu/dataset/502/online+retail+ii',
      archives: [
        {
          id: 'uci-502',
          urls: [url('/uci/online+retail+ii.zip')],
          fileNames: ['online+retail+ii.zip'],
        },
      ],
      files: [
        {
          ...SPEC_II,
          expect: {
            rows: overrides.rows ?? 3,
            firstDate: '2009-12-01 07:45:00',
            lastDate: '2009-12-01 10:33:00',
            invoices: 3,
            quantitySum: 1,
            nullCustomerIds: 1,
            nullDescriptions: 1,
          },
        },
      ],
    },
    {
      id: 'bitext',
      title: 'test bitext',
      licence: 'CDLA-Sharing-1.0',
      homepage: 'https://github.com/bitext',
      archives: [
        {
          id: 'kaggle',
          urls: [url('/kaggle/bitext.zip')],
          fileNames: ['archive.zip'],
        },
      ],
      files: [
        {
          kind: 'archive-member',
          path: 'bitext/bitext_cs_training_8k.csv',
          archive: 'kaggle',
          member: 'Bitext_Sample_Customer_Service_Training_Dataset.csv',
          sha256: sha(UTTERANCES),
        },
      ],
    },
    {
      id: 'wands',
      title: 'test wands',
      licence: 'MIT',
      homepage: 'https://github.com/wayfair/WANDS',
      files: [
        {
          kind: 'download',
          path: 'wands/query.csv',
          urls: [url('/wands/query.csv')],
          fileNames: ['query.csv'],
          sha256: overrides.querySha ?? sha(QUERY_CSV),
        },
      ],
    },
  ]);
}

function run(
  dataDir: string,
  manifest: Manifest,
  extra: { force?: boolean; from?: string } = {},
) {
  const lines: string[] = [];
  const workDir = path.join(dataDir, '..', 'work');
  const summary = fetchData({
    dataDir,
    workDir,
    sources: manifest,
    download: FAST,
    onProgress: (line) => lines.push(line),
    ...extra,
  });
  return { summary, lines, workDir };
}

/** Status of each data set; a failure carries its error, so a test shows it. */
const statuses = (summary: Awaited<ReturnType<typeof fetchData>>) =>
  Object.fromEntries(
    summary.datasets.map((d) => [
      d.id,
      d.status === 'failed' ? `failed: ${d.error}` : d.status,
    ]),
  );
const FAILED = expect.stringMatching(/^failed: /);

const totalHits = () => [...server.hits.values()].reduce((a, b) => a + b, 0);

describe('fetchData', () => {
  it('downloads, converts and installs every data set where ingest reads it', async () => {
    const dataDir = path.join(makeTempDir('fetch-ok'), 'data');
    const { summary, lines, workDir } = run(dataDir, testManifest());
    expect(statuses(await summary)).toEqual({
      'online-retail': 'installed',
      bitext: 'installed',
      wands: 'installed',
    });

    expect(fs.readFileSync(path.join(dataDir, 'wands/query.csv'), 'utf8')).toBe(
      QUERY_CSV,
    );
    expect(
      fs.readFileSync(
        path.join(dataDir, 'bitext/bitext_cs_training_8k.csv'),
        'utf8',
      ),
    ).toBe(UTTERANCES);
    const read = await readRetailFile(dataDir, RETAIL_FILES[0]);
    expect(
      read.rows.map((row) => [
        row.invoice,
        row.stockCode,
        row.date,
        row.customerId,
      ]),
    ).toEqual([
      ['489434', '85048', '2009-12-01 07:45:00', 13085],
      ['C489449', '22087', '2009-12-01 10:33:00', 16321],
      ['489436', 'POST', '2009-12-01 09:06:00', null],
    ]);

    expect(
      lines.some((line) => /online\+retail\+ii\.zip: .* downloaded/.test(line)),
    ).toBe(true);
    expect(
      lines.some((line) =>
        /3 rows written \(sheet "Year 2009-2010"/.test(line),
      ),
    ).toBe(true);
    expect(fs.readdirSync(workDir)).toEqual([]); // staging cleaned up
  });

  it('skips data sets already valid in DATA_DIR, unless forced', async () => {
    const dataDir = path.join(makeTempDir('fetch-skip'), 'data');
    await run(dataDir, testManifest()).summary;
    const before = totalHits();

    const again = run(dataDir, testManifest());
    expect(statuses(await again.summary)).toEqual({
      'online-retail': 'present',
      bitext: 'present',
      wands: 'present',
    });
    expect(totalHits()).toBe(before);
    expect(again.lines).toContain(
      'wands: already in DATA_DIR and valid (1 files); --force fetches again',
    );

    const forced = run(dataDir, testManifest(), { force: true });
    expect(statuses(await forced.summary)).toEqual({
      'online-retail': 'installed',
      bitext: 'installed',
      wands: 'installed',
    });
    expect(totalHits()).toBe(before + 3);
  });

  it('refetches only a file whose installed copy is damaged', async () => {
    const dataDir = path.join(makeTempDir('fetch-damaged'), 'data');
    await run(dataDir, testManifest()).summary;
    fs.writeFileSync(path.join(dataDir, 'wands/query.csv'), 'edited');
    const before = server.hits.get('/wands/query.csv') ?? 0;

    const again = run(dataDir, testManifest());
    expect(statuses(await again.summary)).toMatchObject({
      bitext: 'present',
      wands: 'installed',
    });
    expect(server.hits.get('/wands/query.csv')).toBe(before + 1);
    expect(fs.readFileSync(path.join(dataDir, 'wands/query.csv'), 'utf8')).toBe(
      QUERY_CSV,
    );
  });

  it('installs nothing of a data set whose file fails its checksum', async () => {
    const dataDir = path.join(makeTempDir('fetch-bad-sum'), 'data');
    const wrong = 'a'.repeat(64);
    const { summary, workDir } = run(
      dataDir,
      testManifest({ querySha: wrong }),
    );
    const result = await summary;
    const wands = result.datasets.find((d) => d.id === 'wands')!;
    expect(wands.status).toBe('failed');
    expect(wands.error).toContain(
      `wands/query.csv: sha256 mismatch — expected ${wrong}, got ${sha(QUERY_CSV)}`,
    );
    expect(fs.existsSync(path.join(dataDir, 'wands'))).toBe(false);
    expect(statuses(result)).toMatchObject({
      'online-retail': 'installed',
      bitext: 'installed',
    });
    expect(fs.readdirSync(workDir)).toEqual([]);
  });

  it('rejects a converted table whose row count differs from the reference', async () => {
    const dataDir = path.join(makeTempDir('fetch-bad-rows'), 'data');
    const result = await run(dataDir, testManifest({ rows: 525_461 })).summary;
    const retail = result.datasets.find((d) => d.id === 'online-retail')!;
    expect(retail.status).toBe('failed');
    expect(retail.error).toMatch(
      /online_retail_ii_2009-12_to_2010-12\.parquet: rows expected 525461, got 3/,
    );
    expect(fs.existsSync(path.join(dataDir, 'online-retail'))).toBe(false);
  });

  it('fails every data set with the offline advice when no host answers', async () => {
    const dataDir = path.join(makeTempDir('fetch-offline'), 'data');
    const dead = await unreachableUrl('/');
    const result = await run(
      dataDir,
      testManifest({ base: (p) => new URL(p, dead).href }),
    ).summary;
    expect(statuses(result)).toEqual({
      'online-retail': FAILED,
      bitext: FAILED,
      wands: FAILED,
    });
    const retail = result.datasets[0];
    expect(retail.error).toMatch(
      /^Cannot reach 127\.0\.0\.1:\d+ to download online\+retail\+ii\.zip/,
    );
    expect(retail.error).toContain(
      'set DATA_DIR to a folder that already holds the data files',
    );
    expect(retail.error).toContain(
      'To download by hand: https://archive.ics.uci.edu/dataset/502/online+retail+ii',
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('uses files downloaded by hand (--from) before the network', async () => {
    const dataDir = path.join(makeTempDir('fetch-from'), 'data');
    const downloads = makeTempDir('fetch-downloads');
    fs.writeFileSync(path.join(downloads, 'online+retail+ii.zip'), retailZip);
    fs.writeFileSync(path.join(downloads, 'archive.zip'), bitextZip);
    fs.writeFileSync(path.join(downloads, 'query.csv'), QUERY_CSV);
    const dead = await unreachableUrl('/');

    const manifest = testManifest({ base: (p) => new URL(p, dead).href });
    const result = await run(dataDir, manifest, { from: downloads }).summary;
    expect(statuses(result)).toEqual({
      'online-retail': 'installed',
      bitext: 'installed',
      wands: 'installed',
    });
    expect((await readRetailFile(dataDir, RETAIL_FILES[0])).rows).toHaveLength(
      3,
    );
  });

  it('names the data sets it knows when asked for another', async () => {
    await expect(
      fetchData({ dataDir: scratch, sources: testManifest(), only: ['imdb'] }),
    ).rejects.toThrow(
      'Unknown data set imdb; choose from online-retail, bitext, wands.',
    );
  });
});

describe('DATA_SOURCES', () => {
  const dataDir = getConfig().dataDir;

  it('lists exactly the files of the reference DATA_DIR', () => {
    const reference = fs
      .readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path.relative(dataDir, path.join(entry.parentPath, entry.name)),
      )
      .filter((file) => file !== 'README.md')
      .sort();
    const listed = DATA_SOURCES.flatMap((d) =>
      d.files.map((f) => f.path),
    ).sort();
    expect(listed).toEqual(reference);
  });

  it('accepts the reference DATA_DIR as complete and valid', async () => {
    const files = DATA_SOURCES.flatMap((d) => d.files);
    const problems = await Promise.all(
      files.map((file) => inspectInstalled(dataDir, file)),
    );
    expect(problems).toEqual(files.map(() => undefined));
  });

  it('writes the columns ingest reads for each Online Retail file', () => {
    const retail = DATA_SOURCES.flatMap((d) => d.files).filter(
      (file): file is RetailWorkbookFile => file.kind === 'retail-workbook',
    );
    expect(retail.map((file) => file.path)).toEqual(
      RETAIL_FILES.map((f) => f.relativePath),
    );
    retail.forEach((file, index) => {
      const names = file.columns.map((column) => column.name);
      expect(names).toEqual(
        expect.arrayContaining(Object.values(RETAIL_FILES[index].columns)),
      );
    });
  });
});
