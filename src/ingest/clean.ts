/**
 * The cleaning rules for the Online Retail data: each trap of the data is
 * handled by one named function here, and every dropped row is counted.
 */
import type { RetailRow } from './retail-files.ts';

/** Codes that are charges, fees, vouchers or adjustments, not catalogue items. */
const NON_PRODUCT_CODES = new Set([
  'POST',
  'DOT',
  'M',
  'C2',
  'C3',
  'D',
  'S',
  'B',
  'BANK CHARGES',
  'AMAZONFEE',
  'CRUK',
  'PADS',
  'GIFT',
  // Sold as a line item, but a packing fee rather than goods.
  '23574',
]);

const NON_PRODUCT_PATTERNS = [
  /^ADJUST\d*$/,
  /^TEST\d+$/,
  /^GIFT_\d+_\d+$/,
  // Made-up bundle codes of the dotcom shop, not single products.
  /^DCGS[SL](BOY|GIRL)$/,
];

export function isProductCode(stockCode: string): boolean {
  if (NON_PRODUCT_CODES.has(stockCode)) return false;
  return !NON_PRODUCT_PATTERNS.some((pattern) => pattern.test(stockCode));
}

export function isCancellation(invoice: string): boolean {
  return invoice.startsWith('C');
}

function rowKey(row: RetailRow): string {
  return [
    row.invoice,
    row.stockCode,
    row.description ?? '',
    row.quantity,
    row.date,
    row.price,
    row.customerId ?? '',
    row.country,
  ].join('\u0001');
}

/**
 * The second file restarts on 2010-12-01, inside the first file's last days.
 * Lines of the second file identical to a line of the first in that window are
 * dropped, one for one, so a line repeated on purpose inside one file stays.
 */
export function dropOverlap(
  first: RetailRow[],
  second: RetailRow[],
): { rows: RetailRow[]; dropped: number } {
  const windowStart = second.reduce(
    (min, row) => (row.date < min ? row.date : min),
    '9999',
  );
  const seen = new Map<string, number>();
  for (const row of first) {
    if (row.date < windowStart) continue;
    const key = rowKey(row);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const kept: RetailRow[] = [];
  let dropped = 0;
  for (const row of second) {
    const key = rowKey(row);
    const remaining = seen.get(key) ?? 0;
    if (remaining > 0) {
      seen.set(key, remaining - 1);
      dropped++;
    } else kept.push(row);
  }
  return { rows: [...first, ...kept], dropped };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Stock-keeping notes typed into the title field ("damaged", "?", "found"). */
export function looksLikeTitle(description: string | null): boolean {
  if (!description) return false;
  const letters = description.replace(/[^A-Za-z]/g, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper / letters.length > 0.8;
}

export interface ProductSummary {
  stockCode: string;
  title: string;
  price: number;
  units: number;
  orders: number;
  customers: number;
  firstSold: string;
  lastSold: string;
  titleVariants: number;
}

/**
 * One product per code: the title most often written (the latest on a tie),
 * and the median positive unit price of its sale lines.
 */
export function summariseProducts(rows: RetailRow[]): ProductSummary[] {
  interface Acc {
    titles: Map<string, { count: number; last: string }>;
    prices: number[];
    units: number;
    invoices: Set<string>;
    customers: Set<number>;
    first: string;
    last: string;
  }
  const byCode = new Map<string, Acc>();
  for (const row of rows) {
    if (row.price <= 0 || !isProductCode(row.stockCode)) continue;
    let acc = byCode.get(row.stockCode);
    if (!acc) {
      acc = {
        titles: new Map(),
        prices: [],
        units: 0,
        invoices: new Set(),
        customers: new Set(),
        first: row.date,
        last: row.date,
      };
      byCode.set(row.stockCode, acc);
    }
    if (looksLikeTitle(row.description)) {
      const title = acc.titles.get(row.description!) ?? { count: 0, last: '' };
      title.count++;
      if (row.date > title.last) title.last = row.date;
      acc.titles.set(row.description!, title);
    }
    if (isCancellation(row.invoice)) continue;
    acc.prices.push(row.price);
    acc.units += row.quantity;
    acc.invoices.add(row.invoice);
    if (row.customerId !== null) acc.customers.add(row.customerId);
    if (row.date < acc.first) acc.first = row.date;
    if (row.date > acc.last) acc.last = row.date;
  }

  const products: ProductSummary[] = [];
  for (const [stockCode, acc] of byCode) {
    const titles = [...acc.titles].sort(
      ([, a], [, b]) => b.count - a.count || b.last.localeCompare(a.last),
    );
    // A code never sold (only cancelled) or never given a real title is not offered.
    if (titles.length === 0 || acc.prices.length === 0) continue;
    products.push({
      stockCode,
      title: titles[0][0],
      price: Math.round(median(acc.prices) * 100) / 100,
      units: acc.units,
      orders: acc.invoices.size,
      customers: acc.customers.size,
      firstSold: acc.first,
      lastSold: acc.last,
      titleVariants: titles.length,
    });
  }
  return products.sort((a, b) => a.stockCode.localeCompare(b.stockCode));
}

/**
 * Links each cancellation invoice to the customer's latest earlier invoice that
 * holds most of its cancelled products.
 */
export function linkCancellations(rows: RetailRow[]): Map<string, string> {
  const purchases = new Map<string, { invoice: string; date: string }[]>();
  const cancellations = new Map<string, RetailRow[]>();
  for (const row of rows) {
    if (row.customerId === null) continue;
    if (isCancellation(row.invoice)) {
      const lines = cancellations.get(row.invoice) ?? [];
      lines.push(row);
      cancellations.set(row.invoice, lines);
    } else if (row.quantity > 0) {
      const key = `${row.customerId}|${row.stockCode}`;
      const list = purchases.get(key) ?? [];
      list.push({ invoice: row.invoice, date: row.date });
      purchases.set(key, list);
    }
  }

  const links = new Map<string, string>();
  for (const [invoice, lines] of cancellations) {
    const votes = new Map<string, number>();
    for (const line of lines) {
      const candidates = purchases.get(`${line.customerId}|${line.stockCode}`);
      const match = candidates
        ?.filter((purchase) => purchase.date <= line.date)
        .reduce<{ invoice: string; date: string } | undefined>(
          (best, p) => (!best || p.date > best.date ? p : best),
          undefined,
        );
      if (match) votes.set(match.invoice, (votes.get(match.invoice) ?? 0) + 1);
    }
    const best = [...votes].sort(
      (a, b) => b[1] - a[1] || b[0].localeCompare(a[0]),
    )[0];
    if (best) links.set(invoice, best[0]);
  }
  return links;
}
