import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import { getConfig } from '../../config.ts';
import { ShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';
import { createShopServer, type ShopServer } from '../../server/index.ts';
import {
  getReferenceDate,
  openIngestedDatabase,
  type Db,
} from '../../store/index.ts';

interface StartOptions {
  port?: string;
  host?: string;
}

/** `shopmate start`: the chat server and widget on the shop's data. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'Serve the chat widget and the /shop socket (ingests the data first when needed)',
    )
    .option('--port <port>', 'port to listen on (default: PORT)')
    .option('--host <host>', 'address to listen on (default: HOST)')
    .action(async (options: StartOptions) => {
      await startShop(options);
    });
}

async function startShop(options: StartOptions): Promise<void> {
  const config = getConfig();
  const log = moduleLogger('start');
  const started = performance.now();
  // Loaded here so that other commands do not pay for ingest's readers and
  // the agent's models.
  const { ensureStore } = await import('../../ingest/index.ts');
  const { buildShopAgent } = await import('../../agent/index.ts');

  const { ingested } = await ensureStore(config, {
    onProgress: (text) => log.info({ step: 'ingest' }, text),
  });
  const db = openIngestedDatabase(config.databasePath);
  await trainRankerIfMissing(db, log);
  const agent = await buildShopAgent(config, { db });
  const server = createShopServer({ config, db, agent });
  const host = options.host ?? config.HOST;
  const address = await server.listen(
    parsePort(options.port, config.PORT),
    host,
  );

  log.info(
    {
      url: `http://${host}:${address.port}/`,
      env: config.NODE_ENV,
      chatModel: config.CHAT_MODEL,
      embedder: config.EMBEDDER,
      store: config.databasePath,
      ingested,
      ...countRows(db),
      referenceDate: getReferenceDate(db, config).toISOString().slice(0, 10),
      devSessions: config.NODE_ENV !== 'production',
      startupMs: Math.round(performance.now() - started),
    },
    'shopmate is serving',
  );
  await untilShutdown(server, db, log);
}

/**
 * A fresh clone has no trained ranker; train it once (about a minute here)
 * rather than serve the hand-set fallback scorer.
 */
async function trainRankerIfMissing(db: Db, log: Logger): Promise<void> {
  const config = getConfig();
  const { loadRanker, rankerFolder, trainRanker } =
    await import('../../ranking/index.ts');
  if (loadRanker(rankerFolder(config)).ranker) return;
  log.info('no trained ranker yet: training it on the store (once)');
  await trainRanker(db, config, {
    onProgress: (text) => log.info({ step: 'train-ranker' }, text),
  });
}

function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ShopmateError(
      'INVALID_INPUT',
      `--port must be a whole number from 0 to 65535, got "${text}"`,
    );
  return port;
}

function countRows(db: Db): Record<string, number> {
  const count = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    products: count('products'),
    customers: count('customers'),
    orders: count('orders'),
  };
}

/**
 * Resolves once SIGINT/SIGTERM has closed the server: running turns finish,
 * then the store closes. A second signal kills the process at once (Node's
 * default, since each handler is registered once).
 */
function untilShutdown(server: ShopServer, db: Db, log: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log.info({ signal }, 'shutting down');
      void server
        .close()
        .catch((error: unknown) =>
          log.error({ code: 'INTERNAL', err: error }, 'shutdown failed'),
        )
        .finally(() => {
          db.close();
          log.info('stopped');
          // Whatever the agent still holds must not keep the process alive.
          setTimeout(() => process.exit(), 5000).unref();
          resolve();
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
