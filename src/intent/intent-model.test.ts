import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConfig, parseConfig, type Config } from '../config.ts';
import type { IntentModel } from './intent-model.ts';
import { loadIntentModel } from './load.ts';
import { IntentResultSchema } from './schema.ts';
import { trainIntentModel } from './train.ts';

// A small subset of the data: enough for the behaviour under test, fast.
let config: Config;
let model: IntentModel;
let stateDir: string;
let progress: string[];

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-intent-'));
  config = parseConfig({ DATA_DIR: getConfig().dataDir, STATE_DIR: stateDir });
  progress = [];
  ({ model } = await trainIntentModel(config, {
    dataset: { maxTrainPerIntent: 250, shoppingPerIntent: 400, noiseRate: 0.3 },
    epochs: 4,
    onProgress: (text) => progress.push(text),
  }));
});

afterAll(() => {
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const names = (text: string) =>
  model.detect(text).intents.map((intent) => intent.name);

describe('IntentModel.detect', () => {
  it('reports progress while training', () => {
    expect(progress.some((line) => line.includes('epoch 4/4'))).toBe(true);
  });

  it('finds single requests', () => {
    expect(names('cancel order 536365 pls')[0]).toBe('cancel_order');
    expect(names('do u have red lunch bags under 2 quid')[0]).toBe(
      'product_search',
    );
    expect(names('wheres my parcel')[0]).toBe('track_order');
  });

  it('finds both requests of a two-request message, each with a confidence', () => {
    const result = model.detect('cancel my order and find me a cheaper bag');
    expect(result.intents.map((intent) => intent.name).sort()).toEqual([
      'cancel_order',
      'product_search',
    ]);
    for (const intent of result.intents)
      expect(intent.confidence).toBeGreaterThan(0.5);
    expect(result.clauses).toHaveLength(2);
  });

  it('lists a greeting after the request it comes with', () => {
    const result = names('hi, can you cancel order #C536379');
    expect(result[0]).toBe('cancel_order');
    expect(result).toContain('greeting');
  });

  it('reads messy order numbers into the entities', () => {
    expect(
      model.detect('refund on inv. 536 365 pls').entities.orderNumbers,
    ).toEqual(['536365']);
  });

  it('falls back on non-English text without crashing', () => {
    const spanish = model.detect('dónde está mi pedido 536365');
    expect(spanish.language).toBe('es');
    expect(spanish.intents[0]).toEqual({
      name: 'track_order',
      confidence: 0.5,
    });
    const chinese = model.detect('我的订单在哪里');
    expect(chinese.language).toBe('unknown');
    expect(chinese.intents[0].name).toBe('out_of_scope');
  });

  it('returns a valid result for any input', () => {
    for (const text of [
      '',
      '   ',
      '🙂🙂',
      '?'.repeat(5000),
      'a'.repeat(10_000),
      '536365',
    ])
      expect(IntentResultSchema.safeParse(model.detect(text)).success).toBe(
        true,
      );
  });

  it('marks an angry customer negative', () => {
    const result = model.detect(
      'this is ridiculous, third time I ask where my parcel is!!!',
    );
    expect(result.sentiment).toBe('negative');
    expect(result.intents[0].name).toBe('track_order');
  });
});

describe('loadIntentModel', () => {
  it('loads the saved model with the same answers', async () => {
    const loaded = await loadIntentModel(config);
    for (const text of [
      'cancel my order and find me a cheaper bag',
      'thx!!',
      'tea light holders',
    ])
      expect(loaded.detect(text)).toEqual(model.detect(text));
  });

  it('says how to get a model when none is saved', async () => {
    const empty = parseConfig({
      DATA_DIR: config.dataDir,
      STATE_DIR: path.join(stateDir, 'none'),
    });
    await expect(loadIntentModel(empty)).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
    });
  });
});
