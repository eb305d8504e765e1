import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setMeta } from '../store/index.ts';
import { CHURN_MODEL_FILE, loadOrFitChurnModel } from './churn-model.ts';
import { FIXTURE_ORDERS } from './fixture-orders.ts';
import { buildFixtureStore } from './fixture-store.ts';

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-churn-'));
const config = { stateDir, REFERENCE_DATE: undefined };
const db = buildFixtureStore(FIXTURE_ORDERS);
afterAll(() => {
  db.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('loadOrFitChurnModel', () => {
  it('fits, saves with metadata, then loads the saved model', () => {
    const first = loadOrFitChurnModel(db, config);
    const file = path.join(stateDir, CHURN_MODEL_FILE);
    expect(fs.existsSync(file)).toBe(true);
    expect(first).toMatchObject({
      timeUnit: 'day',
      customers: 3,
      referenceDate: '2011-09-30 17:00:00',
    });
    for (const value of Object.values(first.params))
      expect(Number.isFinite(value)).toBe(true);

    // Loaded, not refitted: same fit time.
    expect(loadOrFitChurnModel(db, config).fittedAt).toBe(first.fittedAt);
  });

  it('refits when the store is re-ingested or the reference date moves', () => {
    const before = loadOrFitChurnModel(db, config);
    setMeta(db, 'ingest', JSON.stringify({ version: 1, again: true }));
    const reingested = loadOrFitChurnModel(db, config);
    expect(reingested.ingestHash).not.toBe(before.ingestHash);

    const earlier = loadOrFitChurnModel(db, {
      ...config,
      REFERENCE_DATE: '2011-06-30',
    });
    expect(earlier.referenceDate).toBe('2011-06-30 23:59:59');
    expect(earlier.customers).toBe(2);
  });

  it('refits over a damaged file', () => {
    fs.writeFileSync(path.join(stateDir, CHURN_MODEL_FILE), '{"version":');
    expect(loadOrFitChurnModel(db, config).customers).toBe(3);
  });
});
