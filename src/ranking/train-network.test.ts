import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, N_FEATURES } from './features.ts';
import { applyNormaliser, fitNormaliser, forwardLogits } from './mlp.ts';
import { loadRanker } from './model-store.ts';
import { createRandom } from './seeded-random.ts';
import { auc, trainNetwork } from './train-network.ts';
import { saveRanker } from './train-ranker.ts';
import type { TrainingSet } from './training-data.ts';

/** Rows whose label is 1 when feature 0 + feature 1 > 0. */
function syntheticSet(n: number): TrainingSet {
  const random = createRandom(3);
  const x = Float32Array.from(
    { length: n * N_FEATURES },
    () => random() * 2 - 1,
  );
  const y = Float32Array.from({ length: n }, (_, r) =>
    x[r * N_FEATURES] + x[r * N_FEATURES + 1] > 0 ? 1 : 0,
  );
  return {
    n,
    x,
    y,
    offset: new Float32Array(n),
    customer: Int32Array.from({ length: n }, (_, r) => r % 50),
  };
}

describe('ranker network', () => {
  it('computes AUC with ties counted half', () => {
    expect(
      auc(Float32Array.of(0.1, 0.4, 0.35, 0.8), Float32Array.of(0, 0, 1, 1)),
    ).toBe(0.75);
    expect(auc(Float32Array.of(0.5, 0.5), Float32Array.of(0, 1))).toBe(0.5);
  });

  it('normalises columns, leaving constant ones unscaled', () => {
    const x = Float32Array.of(1, 5, 3, 5);
    const normaliser = fitNormaliser(x, 2, 2);
    expect([...normaliser.mean]).toEqual([2, 5]);
    expect([...normaliser.std]).toEqual([1, 1]);
    applyNormaliser(normaliser, x, 2);
    expect([...x]).toEqual([-1, 0, 1, 0]);
  });

  it('runs the forward pass of a small dense network', () => {
    const layers = [
      {
        name: 'h',
        inputs: 2,
        units: 2,
        activation: 'relu' as const,
        kernel: Float32Array.of(1, -1, 2, 1),
        bias: Float32Array.of(0, 0.5),
      },
      {
        name: 'o',
        inputs: 2,
        units: 1,
        activation: 'linear' as const,
        kernel: Float32Array.of(1, 2),
        bias: Float32Array.of(-1),
      },
    ];
    const out = new Float32Array(2);
    forwardLogits(layers, Float32Array.of(1, 1, -1, 0), 2, out);
    // Row 1: h = relu([1+2, -1+1+0.5]) = [3, 0.5] → 3 + 1 - 1 = 3.
    // Row 2: h = relu([-1, 1+0.5]) = [0, 1.5] → 3 - 1 = 2.
    expect([...out]).toEqual([3, 2]);
  });

  it('learns a separable rule, saves and loads the same network', async () => {
    const set = syntheticSet(2000);
    const fit = await trainNetwork(set, N_FEATURES, {
      hidden: [8],
      epochs: 3,
      batchSize: 128,
      learningRate: 0.01,
      validationShare: 0.2,
      seed: 1,
    });
    expect(fit.metrics.validationAuc).toBeGreaterThan(0.9);

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-ranker-'));
    await saveRanker(folder, fit.model, {
      version: 1,
      featureNames: [...FEATURE_NAMES],
      normaliser: {
        mean: [...fit.normaliser.mean],
        std: [...fit.normaliser.std],
      },
      layers: fit.layers.map(({ name, inputs, units, activation }) => ({
        name,
        inputs,
        units,
        activation,
      })),
      referenceDate: '2011-09-30 17:22:00',
      ingestSignature: 'test',
      featureCutoffs: [],
      windowDays: 91,
      text: null,
      metrics: { ...fit.metrics, trainingSeconds: 1 },
      trainedAt: '2026-01-01T00:00:00.000Z',
    });
    const loaded = loadRanker(folder);
    expect(loaded.ranker).toBeDefined();
    const layers = loaded.ranker!.network.layers;
    expect(layers.map((l) => [l.name, l.inputs, l.units])).toEqual([
      ['hidden1', N_FEATURES, 8],
      ['logit', 8, 1],
    ]);
    expect([...layers[0].kernel]).toEqual([...fit.layers[0].kernel]);
    expect([...layers[1].bias]).toEqual([...fit.layers[1].bias]);
    fs.rmSync(folder, { recursive: true });
  });

  it('reports a missing or foreign model instead of throwing', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-ranker-'));
    expect(loadRanker(folder)).toEqual({
      ranker: undefined,
      reason: 'no trained ranker',
    });
    fs.writeFileSync(path.join(folder, 'ranker.json'), '{"version":1}');
    const broken = loadRanker(folder);
    expect(broken.ranker).toBeUndefined();
    expect('reason' in broken ? broken.reason : '').toMatch(/unreadable/);
    fs.rmSync(folder, { recursive: true });
  });
});
