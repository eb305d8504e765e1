import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { ShopmateError } from './errors.ts';

function configError(env: Record<string, string>): ShopmateError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ShopmateError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('parseConfig', () => {
  it('gives sane defaults and absolute paths', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.EMBEDDER).toBe('use');
    expect(config.CHAT_MODEL).toBe('offline');
    expect(config.databasePath).toMatch(/\.shopmate\/shopmate\.db$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable and what is allowed when a value is bad', () => {
    const port = configError({ PORT: 'eighty' });
    expect(port.code).toBe('CONFIG_INVALID');
    expect(port.message).toContain('PORT');

    const date = configError({ REFERENCE_DATE: '30/09/2011' });
    expect(date.message).toContain('REFERENCE_DATE');
    expect(date.message).toContain('YYYY-MM-DD');

    const embedder = configError({ EMBEDDER: 'bert' });
    expect(embedder.message).toMatch(/EMBEDDER.*use.*transformers.*openai/s);
  });

  it('refuses an OpenAI chat model without a key or endpoint, and production without a secret', () => {
    expect(configError({ CHAT_MODEL: 'openai' }).message).toContain(
      'OPENAI_API_KEY',
    );
    expect(configError({ NODE_ENV: 'production' }).message).toContain(
      'SESSION_SECRET',
    );
  });

  it('accepts a reference date and an OpenAI-compatible base URL', () => {
    const config = parseConfig({
      REFERENCE_DATE: '2011-06-30',
      CHAT_MODEL: 'openai',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
    });
    expect(config.REFERENCE_DATE).toBe('2011-06-30');
  });
});
