/**
 * The shop server: one HTTP server carrying the express app (health, dev
 * sessions, widget) and socket.io's `/shop` namespace.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ShopAgent } from '../agent/index.ts';
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import { createConversationRepo, type Db } from '../store/index.ts';
import { SHOP_NAMESPACE } from './events.ts';
import { createHttpApp, type ReadinessReport } from './http-app.ts';
import { attachShopNamespace, type SocketData } from './shop-namespace.ts';
import { createTurnQueue } from './turn-queue.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './events.ts';

export interface ShopServerOptions {
  config: Config;
  /** The opened store; conversations and messages are written here. */
  db: Db;
  agent: ShopAgent;
  logger?: Logger;
  /** Milliseconds clock for rate limits (tests may drive it). */
  now?: () => number;
  /** How long close() waits for running turns; 10 s by default. */
  drainTimeoutMs?: number;
  /** A turn running longer gets an apology (MODEL_UNAVAILABLE); 60 s. */
  turnTimeoutMs?: number;
}

export type ShopIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface ShopServer {
  httpServer: http.Server;
  io: ShopIo;
  /** Starts listening; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Disconnects everyone, lets running turns finish, stops listening. */
  close(): Promise<void>;
}

/** Builds the server; nothing listens until `listen` is called. */
export function createShopServer(options: ShopServerOptions): ShopServer {
  const { config, db, agent } = options;
  const logger = options.logger ?? moduleLogger('server');
  const repo = createConversationRepo(db);
  const queue = createTurnQueue();
  let closing = false;

  const readiness = (): ReadinessReport => {
    const checks = {
      store: db.open,
      agent: agent !== undefined,
      accepting: !closing,
    };
    return { ready: Object.values(checks).every(Boolean), checks };
  };

  const app = createHttpApp({ config, db, logger, readiness });
  const httpServer = http.createServer(app);
  const io: ShopIo = new Server(httpServer, {
    serveClient: true,
    // A message is at most MAX_MESSAGE_CHARS; room for UTF-8 and the envelope.
    maxHttpBufferSize: Math.max(64 * 1024, config.MAX_MESSAGE_CHARS * 4 + 4096),
  });
  attachShopNamespace(io.of(SHOP_NAMESPACE), {
    config,
    agent,
    repo,
    queue,
    logger,
    now: options.now ?? Date.now,
    turnTimeoutMs: options.turnTimeoutMs ?? 60_000,
  });

  return {
    httpServer,
    io,

    listen(port, host = config.HOST) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },

    async close() {
      if (closing) return;
      closing = true;
      const closed = io.close();
      await withTimeout(queue.drain(), options.drainTimeoutMs ?? 10_000);
      await closed;
    },
  };
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void work.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
