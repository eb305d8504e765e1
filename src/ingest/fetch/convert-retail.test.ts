import fs from 'node:fs';
import path from 'node:path';
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
} from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { getConfig } from '../../config.ts';
import { RETAIL_FILES, readRetailFile } from '../retail-files.ts';
import { convertRetailWorkbook, toDate } from './convert-retail.ts';
import type { RetailWorkbookFile } from './manifest.ts';
import { DATA_SOURCES } from './sources.ts';
import {
  makeTempDir,
  removeTempDirs,
  RETAIL_2011_HEADER,
  RETAIL_II_HEADER,
  shopDate,
  writeWorkbook,
} from './test-support.ts';

const retailSpecs = DATA_SOURCES.find((d) => d.id === 'online-retail')!
  .files as RetailWorkbookFile[];
const [SPEC_II, SPEC_2011] = retailSpecs;
const dir = makeTempDir('convert');
afterAll(removeTempDirs);

async function convert(
  spec: RetailWorkbookFile,
  sheets: Parameters<typeof writeWorkbook>[1],
) {
  const dataDir = makeTempDir('convert-data');
  const xlsx = path.join(dir, `${path.basename(spec.path)}.xlsx`);
  await writeWorkbook(xlsx, sheets);
  const out = path.join(dataDir, spec.path);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const stats = await convertRetailWorkbook(xlsx, spec, out);
  return { dataDir, out, stats };
}

const II_ROWS = [
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
    '  PAPER  BUNTING WHITE LACE ',
    -12,
    shopDate('2009-12-01 10:33:00'),
    2.95,
    16321,
    'Australia',
  ],
  [
    489436,
    '47503J ',
    null,
    1,
    shopDate('2009-12-01 09:06:00'),
    0,
    null,
    'United Kingdom',
  ],
];

describe('convertRetailWorkbook', () => {
  it('writes Online Retail II rows that readRetailFile reads back normalised', async () => {
    const { dataDir, out, stats } = await convert(SPEC_II, [
      { name: 'Year 2009-2010', header: RETAIL_II_HEADER, rows: II_ROWS },
      {
        name: 'Year 2010-2011',
        header: RETAIL_II_HEADER,
        rows: II_ROWS.slice(0, 1),
      },
    ]);
    expect(stats).toMatchObject({
      sheet: 'Year 2009-2010',
      rowsRead: 3,
      rowsWritten: 3,
      rowsCut: 0,
      badCells: {},
    });

    const read = await readRetailFile(dataDir, RETAIL_FILES[0]);
    expect(read.malformed).toBe(0);
    expect(read.rows).toEqual([
      {
        invoice: '489434',
        stockCode: '85048',
        description: '15CM CHRISTMAS GLASS BALL 20 LIGHTS',
        quantity: 12,
        date: '2009-12-01 07:45:00',
        price: 6.95,
        customerId: 13085,
        country: 'United Kingdom',
      },
      {
        invoice: 'C489449',
        stockCode: '22087',
        description: 'PAPER BUNTING WHITE LACE',
        quantity: -12,
        date: '2009-12-01 10:33:00',
        price: 2.95,
        customerId: 16321,
        country: 'Australia',
      },
      {
        invoice: '489436',
        stockCode: '47503J',
        description: null,
        quantity: 1,
        date: '2009-12-01 09:06:00',
        price: 0,
        customerId: null,
        country: 'United Kingdom',
      },
    ]);

    // The stored values keep the reference file's types and raw text.
    const raw = await parquetReadObjects({
      file: await asyncBufferFromFile(out),
    });
    expect(raw[2]).toEqual({
      Invoice: '489436',
      StockCode: '47503J ',
      Description: null,
      Quantity: 1n,
      InvoiceDate: '2009-12-01 09:06:00',
      Price: 0,
      'Customer ID': null,
      Country: 'United Kingdom',
    });
  });

  it('cuts the 2011 table at 2011-10-01 and stores dates as timestamps', async () => {
    const row = (invoice: string, date: string) => [
      invoice,
      '85123A',
      'WHITE HANGING HEART T-LIGHT HOLDER',
      6,
      shopDate(date),
      2.55,
      17850,
      'United Kingdom',
    ];
    const { dataDir, out, stats } = await convert(SPEC_2011, [
      {
        name: 'Online Retail',
        header: RETAIL_2011_HEADER,
        rows: [
          row('536365', '2010-12-01 08:26:00'),
          row('581000', '2011-09-30 17:22:00'),
          row('581001', '2011-09-30 23:59:59'),
          row('581002', '2011-10-01 00:00:00'),
          row('581587', '2011-12-09 12:50:00'),
        ],
      },
    ]);
    expect(stats).toMatchObject({ rowsRead: 5, rowsWritten: 3, rowsCut: 2 });

    const read = await readRetailFile(dataDir, RETAIL_FILES[1]);
    expect(read.rows.map((r) => [r.invoice, r.date, r.customerId])).toEqual([
      ['536365', '2010-12-01 08:26:00', 17850],
      ['581000', '2011-09-30 17:22:00', 17850],
      ['581001', '2011-09-30 23:59:59', 17850],
    ]);
    const raw = await parquetReadObjects({
      file: await asyncBufferFromFile(out),
    });
    expect(raw[0].InvoiceDate).toEqual(shopDate('2010-12-01 08:26:00'));
    expect(raw[0].CustomerID).toBe(17850n);
  });

  it('reads the named sheet even when it is not the first', async () => {
    const { stats } = await convert({ ...SPEC_II, sheet: 'Second' }, [
      { name: 'First', header: RETAIL_II_HEADER, rows: II_ROWS },
      { name: 'Second', header: RETAIL_II_HEADER, rows: II_ROWS.slice(0, 2) },
    ]);
    expect(stats).toMatchObject({ sheet: 'Second', rowsWritten: 2 });
  });

  it('names the missing column and the header it found', async () => {
    const header = RETAIL_II_HEADER.map((h) => (h === 'Price' ? 'Cost' : h));
    await expect(
      convert(SPEC_II, [{ name: 'Year 2009-2010', header, rows: II_ROWS }]),
    ).rejects.toThrow(/no column "Price".*Cost/);
  });

  it('turns Excel serial numbers with float noise into whole seconds', () => {
    expect(toDate(40148.322916666664)?.toISOString()).toBe(
      '2009-12-01T07:45:00.000Z',
    );
    expect(toDate(40148.4)?.toISOString()).toBe('2009-12-01T09:36:00.000Z');
    expect(toDate('2011-09-30 17:22')?.toISOString()).toBe(
      '2011-09-30T17:22:00.000Z',
    );
    expect(toDate('30/09/2011')).toBeNull();
  });

  it('writes the column types of the reference copies', async () => {
    const dataDir = getConfig().dataDir;
    const { out } = await convert(SPEC_II, [
      { name: 'Year 2009-2010', header: RETAIL_II_HEADER, rows: II_ROWS },
    ]);
    const { out: out2011 } = await convert(SPEC_2011, [
      { name: 'Online Retail', header: RETAIL_2011_HEADER, rows: [II_ROWS[0]] },
    ]);
    for (const [spec, file] of [
      [SPEC_II, out],
      [SPEC_2011, out2011],
    ] as const) {
      const reference = path.join(dataDir, spec.path);
      expect(await columnTypes(file)).toEqual(await columnTypes(reference));
    }
  });
});

/** Name, physical type and converted type of each column, from the footer. */
async function columnTypes(file: string) {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
  return metadata.schema
    .slice(1)
    .map((element) => [
      element.name,
      element.type,
      element.converted_type ?? null,
    ]);
}
