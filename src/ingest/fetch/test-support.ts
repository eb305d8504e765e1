/**
 * Test fixtures for data:fetch: a loopback HTTP server and tiny Online Retail
 * workbooks. Only the tests of this folder import this file.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';

export type Route =
  | Uint8Array
  | string
  | ((request: http.IncomingMessage, response: http.ServerResponse) => void);

export interface LoopbackServer {
  url: (pathname: string) => string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  close: () => Promise<void>;
}

/** Serves `routes` on 127.0.0.1 at a free port; unknown paths answer 404. */
export async function startLoopbackServer(
  routes: Record<string, Route>,
): Promise<LoopbackServer> {
  const hits = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://loopback').pathname;
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    // No keep-alive: a reused socket the server has dropped would add a retry.
    response.setHeader('connection', 'close');
    const route = routes[pathname];
    if (route === undefined) response.writeHead(404).end();
    else if (typeof route === 'function') route(request, response);
    else {
      const body = typeof route === 'string' ? Buffer.from(route) : route;
      response.writeHead(200, { 'content-length': body.length }).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on the loopback address where nothing listens. */
export async function unreachableUrl(pathname: string): Promise<string> {
  const server = await startLoopbackServer({});
  const url = server.url(pathname);
  await server.close();
  return url;
}

const tempDirs: string[] = [];

/** A fresh folder under the OS temp dir, removed by removeTempDirs(). */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shopmate-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0))
    fs.rmSync(dir, { recursive: true, force: true });
}

export interface SheetFixture {
  name: string;
  header: string[];
  rows: unknown[][];
}

/** Writes a workbook the way Excel stores the UCI data (dates as dates). */
export async function writeWorkbook(
  filePath: string,
  sheets: SheetFixture[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.header);
    for (const row of sheet.rows) worksheet.addRow(row);
    const dateColumn = sheet.header.indexOf('InvoiceDate') + 1;
    if (dateColumn > 0) worksheet.getColumn(dateColumn).numFmt = 'm/d/yy h:mm';
  }
  await workbook.xlsx.writeFile(filePath);
}

/** A UK local time written as the UTC fields Excel stores. */
export const shopDate = (text: string) =>
  new Date(`${text.replace(' ', 'T')}Z`);

export const RETAIL_II_HEADER = [
  'Invoice',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'Price',
  'Customer ID',
  'Country',
];

export const RETAIL_2011_HEADER = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
];
