import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../addon/loadNativeAddon';
import { nativeAdapter } from '../nativeAdapter';
import { nativeCpuAdapter } from '../nativeCpuAdapter';
import { seededRandom } from '@prefopt/core';
import { RANDOM_CASES, type RandomCase } from '../specSupport/randomKernelCases';

const load = loadNativeAddon();
if (!load.addon) console.log(`skipping the randomized native kernel spec: ${load.reason}`);

/** Fixed seed: the same shapes every run (change it to explore; failures print the case). */
const SEED = 0x5eed17;
const TRIALS = 6;

/** Shapes and values of `c` on `backend`; the native run must leave numTensors unchanged. */
async function runOn(backend: string, c: RandomCase, fused: boolean) {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => c.run(fused));
  const result = out.map((t) => ({ shape: t.shape, values: Array.from(t.dataSync()) }));
  tf.dispose(out);
  expect(tf.memory().numTensors, `${c.kernel} ${c.label} leaked tensors`).toBe(before);
  return result;
}

/** Largest |a − b| / (1 + |b|) over every output, or Infinity when shapes differ. */
function worstError(
  actual: { shape: number[]; values: number[] }[],
  expected: { shape: number[]; values: number[] }[],
): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  actual.forEach((a, i) => {
    const e = expected[i];
    if (a.shape.join() !== e.shape.join()) worst = Infinity;
    a.values.forEach((v, j) => {
      const d = Math.abs(v - e.values[j]) / (1 + Math.abs(e.values[j]));
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    });
  });
  return worst;
}

for (const [adapter, backend] of [
  [nativeAdapter, 'wasm'],
  [nativeCpuAdapter, 'native-cpu'],
] as const) {
  describe.skipIf(!load.addon)(
    `${adapter.name}: randomized differential against plain tfjs cpu (seed ${SEED})`,
    () => {
      beforeAll(async () => {
        await adapter.activate({ threads: 2 });
      });

      for (const make of RANDOM_CASES) {
        it(`${make.name.replace(/Case$/, '')}: ${TRIALS} random shapes (sizes 1, odd, 0)`, async () => {
          const rng = seededRandom(SEED + RANDOM_CASES.indexOf(make));
          for (let trial = 0; trial < TRIALS; trial++) {
            const c = make(rng);
            const expected = await runOn('cpu', c, false);
            const actual = await runOn(backend, c, true);
            expect(worstError(actual, expected), `${c.kernel} ${c.label}`).toBeLessThan(5e-5);
          }
        });
      }
    },
  );
}
