/**
 * Reads the environment once through a zod schema. Nothing else in shopmate
 * reads `process.env`.
 */
import path from 'node:path';
import { z } from 'zod';
import { ShopmateError } from './errors.ts';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'a real date');

export const ConfigSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development'),
  DATA_DIR: z.string().min(1).default('data'),
  STATE_DIR: z.string().min(1).default('.shopmate'),
  DATABASE_PATH: optionalString,
  REFERENCE_DATE: isoDate.optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SESSION_SECRET: optionalString,
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  EMBEDDER: z.enum(['use', 'transformers', 'openai']).default('use'),
  TRANSFORMERS_MODEL: optionalString,
  CHAT_MODEL: z.enum(['offline', 'openai']).default('offline'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(1).max(20000).default(2000),
  TURNS_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
});

type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends RawConfig {
  /** Absolute paths, resolved against the working directory. */
  dataDir: string;
  stateDir: string;
  databasePath: string;
  sessionSecret: string;
}

const DEV_SECRET = 'shopmate-development-secret-not-for-production';

/** Parses an environment; a bad value names the variable and what is allowed. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ShopmateError(
      'CONFIG_INVALID',
      `Invalid configuration:\n  ${problems.join('\n  ')}`,
    );
  }
  const raw = parsed.data;
  if (
    raw.CHAT_MODEL === 'openai' &&
    !raw.OPENAI_API_KEY &&
    !raw.OPENAI_BASE_URL
  )
    throw new ShopmateError(
      'CONFIG_INVALID',
      'Invalid configuration:\n  CHAT_MODEL: "openai" needs OPENAI_API_KEY or OPENAI_BASE_URL',
    );
  if (raw.NODE_ENV === 'production' && !raw.SESSION_SECRET)
    throw new ShopmateError(
      'CONFIG_INVALID',
      'Invalid configuration:\n  SESSION_SECRET: required when NODE_ENV is production',
    );
  const stateDir = path.resolve(raw.STATE_DIR);
  return Object.freeze({
    ...raw,
    dataDir: path.resolve(raw.DATA_DIR),
    stateDir,
    databasePath: path.resolve(
      raw.DATABASE_PATH ?? path.join(stateDir, 'shopmate.db'),
    ),
    sessionSecret: raw.SESSION_SECRET ?? DEV_SECRET,
  });
}

let loaded: Config | undefined;

/** The process's configuration, read from the environment on first use. */
export function getConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
