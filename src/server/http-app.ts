/**
 * The HTTP side of the shop server: liveness and readiness, the development
 * session endpoints and the widget's static files.
 */
import { fileURLToPath } from 'node:url';
import express, {
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { ShopmateError, toShopmateError } from '../errors.ts';
import type { Db } from '../store/index.ts';
import { findDemoCustomers, type DemoCustomer } from './demo-customers.ts';
import { httpStatusFor, toErrorPayload } from './error-mapping.ts';
import { signSessionToken } from './session-token.ts';

/** The widget: index.html, widget.js, widget.css. */
export const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));

const DevSessionRequestSchema = z.object({
  customerId: z.number().int().positive().nullable().default(null),
});

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, boolean>;
}

export interface HttpAppOptions {
  config: Config;
  db: Db;
  logger: Logger;
  readiness: () => ReadinessReport;
}

/** Builds the express app; socket.io attaches to the same HTTP server. */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const { config, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', (_req, res) => {
    const report = options.readiness();
    res
      .status(report.ready ? 200 : 503)
      .json({ status: report.ready ? 'ready' : 'not-ready', ...report });
  });

  // Minting tokens for any customer id is a demo facility, never production.
  if (config.NODE_ENV !== 'production') app.use('/api/dev', devRouter(options));

  app.use('/api', (_req, _res, next) => {
    next(new ShopmateError('NOT_FOUND', 'No such endpoint'));
  });
  app.use(express.static(WEB_DIR, { index: 'index.html', maxAge: 0 }));
  app.use(
    // express knows an error handler by its four parameters.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const failure = fromHttpError(error);
      const status = httpStatusFor(failure.code);
      if (status >= 500)
        logger.error({ code: failure.code, err: failure }, 'request failed');
      res.status(status).json({ error: toErrorPayload(failure) });
    },
  );
  return app;
}

function devRouter(options: HttpAppOptions): express.Router {
  const { config, db } = options;
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));
  const customerExists = db.prepare(
    'SELECT 1 FROM customers WHERE customer_id = ?',
  );
  let demoCustomers: DemoCustomer[] | undefined;

  router.post('/session', async (req, res) => {
    const parsed = DevSessionRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success)
      throw new ShopmateError(
        'INVALID_INPUT',
        'customerId must be a positive integer or null',
      );
    const { customerId } = parsed.data;
    if (customerId !== null && customerExists.get(customerId) === undefined)
      throw new ShopmateError('NOT_FOUND', `No customer ${customerId}`);
    const session = await signSessionToken(config.sessionSecret, {
      customerId,
    });
    res.status(201).json({ ...session, customerId });
  });

  router.get('/customers', (_req, res) => {
    // The store does not change while the server runs, so one query is enough.
    demoCustomers ??= findDemoCustomers(db, config);
    res.json({ customers: demoCustomers });
  });
  return router;
}

/** Body-parser errors carry an HTTP status; they are the client's fault. */
function fromHttpError(error: unknown): ShopmateError {
  const status = z.object({ status: z.number(), type: z.string() });
  const parsed = status.safeParse(error);
  if (parsed.success && parsed.data.status < 500)
    return new ShopmateError('INVALID_INPUT', 'The request body is invalid', {
      cause: error,
    });
  return toShopmateError(error);
}
