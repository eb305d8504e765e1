/**
 * Starts a real shop server on a free loopback port for socket tests, over a
 * given store (or a tiny in-memory one with a few customers).
 */
import { pino } from 'pino';
import type { ShopAgent } from '../agent/index.ts';
import { parseConfig, type Config } from '../config.ts';
import { createShopServer, type ShopServer } from '../server/index.ts';
import { openDatabase, type Db } from '../store/index.ts';

/** Customers present in the tiny store: 12346 and 12347. */
export const TINY_STORE_CUSTOMERS = [12346, 12347] as const;

/** An in-memory store holding only a couple of customers. */
export function openTinyStore(): Db {
  const db = openDatabase(':memory:');
  const insert = db.prepare(
    'INSERT INTO customers (customer_id, country, first_order, last_order) VALUES (?, ?, ?, ?)',
  );
  for (const id of TINY_STORE_CUSTOMERS)
    insert.run(
      id,
      'United Kingdom',
      '2010-01-04 10:00:00',
      '2011-09-01 10:00:00',
    );
  return db;
}

export interface TestShopServer {
  server: ShopServer;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  config: Config;
  db: Db;
  close(): Promise<void>;
}

export interface StartTestShopServerOptions {
  agent: ShopAgent;
  /** Environment values, as strings, over the test defaults. */
  env?: Record<string, string>;
  db?: Db;
  now?: () => number;
  turnTimeoutMs?: number;
}

export async function startTestShopServer(
  options: StartTestShopServerOptions,
): Promise<TestShopServer> {
  const config = parseConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const db = options.db ?? openTinyStore();
  const server = createShopServer({
    config,
    db,
    agent: options.agent,
    logger: pino({ level: config.LOG_LEVEL }),
    now: options.now,
    turnTimeoutMs: options.turnTimeoutMs,
  });
  const address = await server.listen(0, '127.0.0.1');
  return {
    server,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    db,
    close: () => server.close(),
  };
}
