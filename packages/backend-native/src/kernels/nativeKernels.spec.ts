import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../addon/loadNativeAddon';
import { nativeAdapter } from '../nativeAdapter';
import { nativeCpuAdapter } from '../nativeCpuAdapter';

const load = loadNativeAddon();
if (!load.addon) console.log(`skipping native kernel specs: ${load.reason}`);

/** Runs `fn` on `backend` and returns the values of what it returns, in order. */
async function on(backend: string, fn: () => tf.Tensor | tf.Tensor[]): Promise<number[][]> {
  await tf.setBackend(backend);
  const out = tf.tidy(fn);
  const list = Array.isArray(out) ? out : [out];
  const values = list.map((t) => Array.from(t.dataSync()));
  tf.dispose(list);
  return values;
}

function expectClose(actual: number[][], expected: number[][], tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    expect(a.length).toBe(expected[i].length);
    const worst = Math.max(
      0,
      ...a.map((v, j) => Math.abs(v - expected[i][j]) / (1 + Math.abs(expected[i][j]))),
    );
    expect(worst).toBeLessThan(tol);
  });
}

/** Same seeded values on every backend. */
const rand = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

const variants = [
  { adapter: nativeAdapter, backend: 'wasm' },
  { adapter: nativeCpuAdapter, backend: 'native-cpu' },
];

for (const { adapter, backend } of variants) {
  describe.skipIf(!load.addon)(
    `${adapter.name} kernels (tfjs backend ${backend}) against plain tfjs cpu`,
    () => {
      beforeAll(async () => {
        await adapter.activate({ threads: 2 });
        expect(tf.getBackend()).toBe(backend);
      });

      it('computes a hand-worked matmul', async () => {
        // [[1,2,3],[4,5,6]]·[[1,0],[0,1],[1,1]] = [[1+3, 2+3], [4+6, 5+6]] = [[4,5],[10,11]]
        const [c] = await on(backend, () =>
          tf.matMul(
            tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]),
            tf.tensor2d([1, 0, 0, 1, 1, 1], [3, 2]),
          ),
        );
        expect(c).toEqual([4, 5, 10, 11]);
      });

      const cases: [string, number[], number[], boolean, boolean][] = [
        ['2-D', [7, 5], [5, 3], false, false],
        ['transposeA', [5, 7], [5, 3], true, false],
        ['transposeB', [7, 5], [3, 5], false, true],
        ['both transposed', [5, 7], [3, 5], true, true],
        ['batched', [4, 6, 5], [4, 5, 3], false, false],
        ['batched, rank 4, transposeB', [2, 3, 6, 5], [2, 3, 4, 5], false, true],
        ['b broadcast over a batch', [4, 6, 5], [1, 5, 3], false, false],
        ['a broadcast over b batch', [6, 5], [4, 5, 3], false, false],
        ['partial broadcast (fallback)', [2, 1, 6, 5], [1, 3, 5, 4], false, false],
      ];
      for (const [name, sa, sb, ta, tb] of cases) {
        // tfjs 4.22's own BatchMatMul gradient does not reduce broadcast batch dims (it throws
        // on every backend), so broadcast cases compare values only.
        const broadcast = sa.length !== sb.length || sa.slice(0, -2).some((d, i) => d !== sb[i]);
        it(`BatchMatMul ${name}: values${broadcast ? '' : ' and gradients'}`, async () => {
          const f = () => {
            const a = rand(sa, 1);
            const b = rand(sb, 2);
            if (broadcast) return [tf.matMul(a, b, ta, tb)];
            const { value, grads } = tf.valueAndGrads((x: tf.Tensor, y: tf.Tensor) =>
              tf.sum(tf.square(tf.matMul(x, y, ta, tb))),
            )([a, b]);
            return [tf.matMul(a, b, ta, tb), value, ...grads];
          };
          expectClose(await on(backend, f), await on('cpu', f));
        });
      }

      it('_FusedMatMul with and without bias/activation', async () => {
        const f = () => {
          const a = rand([6, 5], 3);
          const b = rand([5, 4], 4);
          const bias = rand([4], 5);
          return [tf.fused.matMul({ a, b }), tf.fused.matMul({ a, b, bias, activation: 'relu' })];
        };
        expectClose(await on(backend, f), await on('cpu', f));
      });

      it('Softmax: values and gradient, rank 3', async () => {
        const f = () => {
          const x = tf.mul(rand([3, 5, 17], 6), 4);
          const w = rand([3, 5, 17], 7);
          return [tf.softmax(x), tf.grad((y: tf.Tensor) => tf.sum(tf.mul(tf.softmax(y), w)))(x)];
        };
        expectClose(await on(backend, f), await on('cpu', f));
      });

      it('Pack/Unpack along axis 0 and 1, Reverse along the last and another axis', async () => {
        const f = () => {
          const x = rand([3, 4, 6], 9);
          const parts = tf.unstack(x); // 3 × [4, 6]
          const cols = tf.unstack(x, 1); // 4 × [3, 6] (fallback)
          return [
            ...parts,
            tf.stack(parts),
            tf.stack(cols, 1),
            tf.reverse(x, -1),
            tf.reverse(x, 1),
            tf.grad((y: tf.Tensor) => tf.sum(tf.mul(tf.reverse(tf.stack(tf.unstack(y)), -1), x)))(
              x,
            ),
          ];
        };
        expectClose(await on(backend, f), await on('cpu', f));
      });

      it('keeps numTensors unchanged across a matmul + softmax gradient', async () => {
        await tf.setBackend(backend);
        const a = tf.variable(rand([8, 16], 8));
        const before = tf.memory().numTensors;
        const { value, grads } = tf.variableGrads(() =>
          tf.sum(tf.softmax(tf.matMul(a, a, false, true))),
        );
        tf.dispose([value, ...Object.values(grads)]);
        expect(tf.memory().numTensors).toBe(before);
        a.dispose();
      });
    },
  );
}
