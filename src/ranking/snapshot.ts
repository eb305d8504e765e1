/**
 * What the shop knew at a cutoff: per-item popularity and per-customer
 * purchase histories built only from events strictly before the cutoff day.
 */
import type { PurchaseLog } from './purchase-log.ts';

/** Popularity windows, in days before the cutoff. */
export const RECENT_DAYS = 91;
export const LATEST_DAYS = 30;

export interface ItemStats {
  nOrders: Float32Array;
  nOrdersRecent: Float32Array;
  nOrdersLatest: Float32Array;
  nCustomers: Float32Array;
  nCustomersRecent: Float32Array;
  /** Customers who bought the item on two or more distinct days. */
  nRepeatCustomers: Float32Array;
  /** NaN when the item was never sold before the cutoff. */
  firstDay: Float64Array;
  lastDay: Float64Array;
}

/** One customer's history at the cutoff; arrays are parallel, per item. */
export interface CustomerHistory {
  customer: number;
  items: Int32Array;
  /** Distinct orders containing the item. */
  counts: Float32Array;
  firstDays: Float64Array;
  lastDays: Float64Array;
  /** Median gap in days between distinct purchase days; NaN if bought once. */
  cycles: Float32Array;
  nOrders: number;
  nOrdersRecent: number;
  firstOrderDay: number;
  lastOrderDay: number;
  /** Items of the customer's latest order. */
  lastOrderItems: Set<number>;
  /** Share of the customer's purchases in each category. */
  categoryShare: Float32Array;
  topCategory: number;
  medianPrice: number;
}

export interface Snapshot {
  log: PurchaseLog;
  cutoffDay: number;
  itemStats: ItemStats;
  /** By customer index; undefined for customers with no purchase yet. */
  histories: (CustomerHistory | undefined)[];
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function buildItemStats(
  log: PurchaseLog,
  end: number,
  cutoffDay: number,
): ItemStats {
  const n = log.items.length;
  const stats: ItemStats = {
    nOrders: new Float32Array(n),
    nOrdersRecent: new Float32Array(n),
    nOrdersLatest: new Float32Array(n),
    nCustomers: new Float32Array(n),
    nCustomersRecent: new Float32Array(n),
    nRepeatCustomers: new Float32Array(n),
    firstDay: new Float64Array(n).fill(Number.NaN),
    lastDay: new Float64Array(n).fill(Number.NaN),
  };
  for (let e = 0; e < end; e++) {
    const item = log.eventItem[e];
    const day = log.eventDay[e];
    stats.nOrders[item]++;
    if (day >= cutoffDay - RECENT_DAYS) stats.nOrdersRecent[item]++;
    if (day >= cutoffDay - LATEST_DAYS) stats.nOrdersLatest[item]++;
    if (Number.isNaN(stats.firstDay[item])) stats.firstDay[item] = day;
    stats.lastDay[item] = day;
  }
  return stats;
}

function groupEventsByCustomer(log: PurchaseLog, end: number): number[][] {
  const byCustomer: number[][] = log.customerIds.map(() => []);
  for (let e = 0; e < end; e++) {
    const customer = log.eventCustomer[e];
    if (customer >= 0) byCustomer[customer].push(e);
  }
  return byCustomer;
}

function buildHistory(
  log: PurchaseLog,
  customer: number,
  events: number[],
  cutoffDay: number,
): CustomerHistory {
  // Whole days per item give the cycle; exact times give the recency.
  const days = new Map<number, number[]>();
  const firstSeen = new Map<number, number>();
  const lastSeen = new Map<number, number>();
  const counts = new Map<number, number>();
  const categoryCounts = new Float32Array(log.categories.length);
  const prices: number[] = [];
  let nOrders = 0;
  let nOrdersRecent = 0;
  let lastOrder = -1;
  let lastOrderItems = new Set<number>();

  for (const e of events) {
    const item = log.eventItem[e];
    const day = log.eventDay[e];
    if (log.eventOrder[e] !== lastOrder) {
      lastOrder = log.eventOrder[e];
      nOrders++;
      if (day >= cutoffDay - RECENT_DAYS) nOrdersRecent++;
      lastOrderItems = new Set();
    }
    lastOrderItems.add(item);
    counts.set(item, (counts.get(item) ?? 0) + 1);
    if (!firstSeen.has(item)) firstSeen.set(item, day);
    lastSeen.set(item, day);
    const itemDays = days.get(item) ?? [];
    const whole = Math.floor(day);
    if (itemDays[itemDays.length - 1] !== whole) itemDays.push(whole);
    days.set(item, itemDays);
    categoryCounts[log.itemCategory[item]]++;
    prices.push(log.eventPrice[e]);
  }

  const items = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const cycles = new Float32Array(items.length);
  const firstDays = new Float64Array(items.length);
  const lastDays = new Float64Array(items.length);
  items.forEach((item, i) => {
    const itemDays = days.get(item) ?? [];
    const gaps = itemDays.slice(1).map((day, j) => day - itemDays[j]);
    cycles[i] = gaps.length ? median(gaps) : Number.NaN;
    firstDays[i] = firstSeen.get(item) ?? Number.NaN;
    lastDays[i] = lastSeen.get(item) ?? Number.NaN;
  });

  let topCategory = 0;
  for (let c = 0; c < categoryCounts.length; c++)
    if (categoryCounts[c] > categoryCounts[topCategory]) topCategory = c;
  for (let c = 0; c < categoryCounts.length; c++)
    categoryCounts[c] /= events.length;

  return {
    customer,
    items,
    counts: Float32Array.from(items, (item) => counts.get(item) ?? 0),
    firstDays,
    lastDays,
    cycles,
    nOrders,
    nOrdersRecent,
    firstOrderDay: log.eventDay[events[0]],
    lastOrderDay: log.eventDay[events[events.length - 1]],
    lastOrderItems,
    categoryShare: categoryCounts,
    topCategory,
    medianPrice: median(prices),
  };
}

/** Index of the first event on or after the cutoff (events are sorted). */
function firstEventAtOrAfter(log: PurchaseLog, cutoffDay: number): number {
  let low = 0;
  let high = log.eventDay.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (log.eventDay[mid] < cutoffDay) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Builds the shop's knowledge as of `cutoffDay` (events before it only). */
export function buildSnapshot(log: PurchaseLog, cutoffDay: number): Snapshot {
  const end = firstEventAtOrAfter(log, cutoffDay);
  const itemStats = buildItemStats(log, end, cutoffDay);
  const byCustomer = groupEventsByCustomer(log, end);
  const histories = byCustomer.map((events, customer) =>
    events.length ? buildHistory(log, customer, events, cutoffDay) : undefined,
  );

  for (const history of histories) {
    if (!history) continue;
    history.items.forEach((item, i) => {
      itemStats.nCustomers[item]++;
      if (history.lastDays[i] >= cutoffDay - RECENT_DAYS)
        itemStats.nCustomersRecent[item]++;
      if (!Number.isNaN(history.cycles[i])) itemStats.nRepeatCustomers[item]++;
    });
  }
  return { log, cutoffDay, itemStats, histories };
}

/** Distinct items each customer bought in [fromDay, toDay): the labels. */
export function purchasesBetween(
  log: PurchaseLog,
  fromDay: number,
  toDay: number,
): Map<number, Set<number>> {
  const bought = new Map<number, Set<number>>();
  const start = firstEventAtOrAfter(log, fromDay);
  for (let e = start; e < log.eventDay.length; e++) {
    if (log.eventDay[e] >= toDay) break;
    const customer = log.eventCustomer[e];
    if (customer < 0) continue;
    let items = bought.get(customer);
    if (!items) bought.set(customer, (items = new Set()));
    items.add(log.eventItem[e]);
  }
  return bought;
}
