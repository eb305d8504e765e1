/**
 * A binary cache of the purchase events under STATE_DIR/ranker/, valid for
 * one ingest and one catalogue (events index into the catalogue's order).
 * Reading it takes milliseconds; a stale or torn cache is simply rebuilt.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { moduleLogger } from '../logger.ts';
import { type Db, dataVersion } from '../store/index.ts';
import type { CatalogueItem, PurchaseEvents } from './purchase-log.ts';

const log = moduleLogger('ranking');

const CacheMetaSchema = z.object({
  key: z.string(),
  customers: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
});

function cacheKey(db: Db, items: readonly CatalogueItem[]): string {
  const hash = createHash('sha256').update(dataVersion(db));
  for (const item of items) hash.update(`${item.stockCode}\n`);
  return hash.digest('hex').slice(0, 24);
}

/** Copies so every typed array is aligned, whatever the buffer's offset. */
function slice(bytes: Buffer, start: number, length: number): ArrayBuffer {
  return new Uint8Array(bytes.subarray(start, start + length)).buffer;
}

function readCache(folder: string, key: string): PurchaseEvents | undefined {
  const metaFile = path.join(folder, 'purchases.json');
  const dataFile = path.join(folder, 'purchases.bin');
  if (!fs.existsSync(metaFile) || !fs.existsSync(dataFile)) return undefined;
  const meta = CacheMetaSchema.safeParse(
    JSON.parse(fs.readFileSync(metaFile, 'utf8')),
  );
  if (!meta.success || meta.data.key !== key) return undefined;
  const { customers, events } = meta.data;
  const bytes = fs.readFileSync(dataFile);
  if (bytes.length !== customers * 4 + events * 24) return undefined;
  let at = 0;
  const take = (size: number) => {
    const buffer = slice(bytes, at, size);
    at += size;
    return buffer;
  };
  return {
    eventDay: new Float64Array(take(events * 8)),
    customerIds: [...new Int32Array(take(customers * 4))],
    eventCustomer: new Int32Array(take(events * 4)),
    eventItem: new Int32Array(take(events * 4)),
    eventOrder: new Int32Array(take(events * 4)),
    eventPrice: new Float32Array(take(events * 4)),
  };
}

function writeCache(folder: string, key: string, events: PurchaseEvents): void {
  fs.mkdirSync(folder, { recursive: true });
  const parts = [
    events.eventDay,
    Int32Array.from(events.customerIds),
    events.eventCustomer,
    events.eventItem,
    events.eventOrder,
    events.eventPrice,
  ].map(
    (array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
  );
  const dataFile = path.join(folder, 'purchases.bin');
  const metaFile = path.join(folder, 'purchases.json');
  const suffix = `.tmp-${process.pid}`;
  fs.writeFileSync(dataFile + suffix, Buffer.concat(parts));
  fs.renameSync(dataFile + suffix, dataFile);
  fs.writeFileSync(
    metaFile + suffix,
    JSON.stringify({
      key,
      customers: events.customerIds.length,
      events: events.eventDay.length,
    }),
  );
  fs.renameSync(metaFile + suffix, metaFile);
}

/** The cached events when they match the store, else read and cache them. */
export function readOrCacheEvents(
  folder: string,
  db: Db,
  items: readonly CatalogueItem[],
  read: () => PurchaseEvents,
): PurchaseEvents {
  const key = cacheKey(db, items);
  try {
    const cached = readCache(folder, key);
    if (cached) return cached;
  } catch (error) {
    log.debug({ err: error }, 'purchase cache unreadable; rebuilding');
  }
  const events = read();
  try {
    writeCache(folder, key, events);
  } catch (error) {
    // A read-only state folder only costs speed.
    log.warn({ err: error }, 'could not write the purchase cache');
  }
  return events;
}
