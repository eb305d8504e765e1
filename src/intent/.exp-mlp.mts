import * as tf from '@tensorflow/tfjs';
import { ensureTfBackend } from '../retrieval/embedders/tf-backend.ts';
import { buildIntentDataset, DEFAULT_DATASET_OPTIONS } from './dataset.ts';
import { featurise } from './features.ts';
import { INTENT_NAMES } from './intent-names.ts';
import { scoreClassification } from './metrics.ts';
import { createRandom, shuffle } from './random.ts';
import fs from 'node:fs';
const backend = process.env.BACKEND ?? (await ensureTfBackend());
if (process.env.BACKEND) await tf.setBackend(backend);
console.log('backend', tf.getBackend());
const ds = buildIntentDataset('/work/shared/data', DEFAULT_DATASET_OPTIONS);
const idx = new Map(INTENT_NAMES.map((n, i) => [n, i]));
const trV = ds.train.map((x) => featurise(x.text));
const counts = new Map<number, number>();
for (const v of trV) for (const b of v.indices) counts.set(b, (counts.get(b) ?? 0) + 1);
const rowOf = new Map<number, number>(); for (const [b, c] of counts) if (c >= 2) rowOf.set(b, rowOf.size);
const V = rowOf.size, C = INTENT_NAMES.length, H = Number(process.env.H ?? 64);
console.log('V', V);
function batchTensors(vs: ReturnType<typeof featurise>[]) {
  const rows: number[] = [], vals: number[] = [], seg: number[] = [];
  vs.forEach((v, i) => { v.indices.forEach((b, j) => { const r = rowOf.get(b); if (r !== undefined) { rows.push(r); vals.push(v.values[j]); seg.push(i); } }); });
  return { rows: tf.tensor1d(rows, 'int32'), vals: tf.tensor2d(vals, [vals.length, 1]), seg: tf.tensor1d(seg, 'int32'), n: vs.length };
}
const W1 = tf.variable(tf.randomNormal([V, H], 0, 0.05, 'float32', 1));
const b1 = tf.variable(tf.zeros([H]));
const W2 = tf.variable(tf.randomNormal([H, C], 0, Math.sqrt(2 / H), 'float32', 2));
const b2 = tf.variable(tf.zeros([C]));
const forward = (t: ReturnType<typeof batchTensors>) => { const e = tf.unsortedSegmentSum(tf.mul(tf.gather(W1, t.rows), t.vals), t.seg, t.n); const h = tf.relu(tf.add(e, b1)); return tf.add(tf.matMul(h, W2), b2); };
const opt = tf.train.adam(Number(process.env.LR ?? 0.005));
const labels = ds.train.map((x) => idx.get(x.intent)!);
const order = Array.from(labels.keys()); const rnd = createRandom(1);
const B = 256, E = Number(process.env.E ?? 6);
const t0 = Date.now();
for (let e = 1; e <= E; e++) {
  shuffle(rnd, order); let loss = 0;
  for (let s = 0; s < order.length; s += B) {
    const ids = order.slice(s, s + B);
    const t = batchTensors(ids.map((i) => trV[i]));
    const y = tf.oneHot(tf.tensor1d(ids.map((i) => labels[i]), 'int32'), C);
    if (s % (B * 20) === 0) console.log('  step', s / B, ((Date.now() - t0) / 1000).toFixed(1), 's', tf.memory().numTensors, (tf.memory().numBytes/1e6).toFixed(0), 'MB');
    const l = opt.minimize(() => tf.losses.softmaxCrossEntropy(y, forward(t)) as tf.Scalar, true)!;
    loss += l.dataSync()[0] * ids.length; tf.dispose([t.rows, t.vals, t.seg, y, l]);
  }
  console.log('epoch', e, (loss / order.length).toFixed(4), ((Date.now() - t0) / 1000).toFixed(1), 's', JSON.stringify(tf.memory()));
}
const predict = (texts: string[]) => { const out: string[] = []; for (let s = 0; s < texts.length; s += 512) { const t = batchTensors(texts.slice(s, s + 512).map((x) => featurise(x))); const p = tf.argMax(forward(t), 1).dataSync(); p.forEach((k) => out.push(INTENT_NAMES[k])); tf.dispose([t.rows, t.vals, t.seg]); } return out; };
const r = scoreClassification(ds.test.map((x) => x.intent), predict(ds.test.map((x) => x.text)));
console.log('MLP test', r.accuracy, r.macroF1, r.n);
const messy = fs.readFileSync('./fixtures/messy.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const mp = predict(messy.map((m) => m.text));
console.log('MLP messy top1 (raw classifier, no fallback)', messy.filter((m, i) => [...m.intents, ...(m.accept ?? [])].includes(mp[i])).length / messy.length);
