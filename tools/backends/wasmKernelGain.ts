// Measures what prefopt's replacement wasm kernels (Slice, Unpack, comparisons) save on one forward +
// backward of a small Llama, against tfjs-backend-wasm 4.22's stock kernels, alternating
// the two several times so machine load hits both alike.
//   node --conditions=@prefopt/source --import tsx tools/backends/wasmKernelGain.ts
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { createModel } from '@prefopt/model';

const NAMES = [
  'Slice',
  'Unpack',
  'Equal',
  'NotEqual',
  'Greater',
  'GreaterEqual',
  'Less',
  'LessEqual',
];
const stock = NAMES.map((n) => tf.getKernel(n, 'wasm')!);
await wasmAdapter.activate(); // registers the replacements
const fast = NAMES.map((n) => tf.getKernel(n, 'wasm')!);
const use = (set: tf.KernelConfig[]) =>
  set.forEach((k) => {
    tf.unregisterKernel(k.kernelName, 'wasm');
    tf.registerKernel(k);
  });

const config = { dim: 64, hiddenDim: 172, layers: 2, heads: 4, kvHeads: 4, vocab: 512, seqLen: 64 };
const T = 64;
const batch = {
  size: 2,
  seqLen: T,
  inputIds: Int32Array.from({ length: 4 * T }, (_, i) => (i * 7) % config.vocab), // [2B, T]
  completionMask: Float32Array.from({ length: 4 * T }, (_, i) => (i % T >= 16 ? 1 : 0)), // [2B, T]
};
const model = createModel(config, { seed: 1 });
async function stepMs(): Promise<number> {
  const start = performance.now();
  const { value, grads } = tf.variableGrads(() => {
    const r = model.sequenceLogps(batch);
    return tf.add(tf.sum(r.logps.chosen), tf.sum(r.logps.rejected)) as tf.Scalar;
  }, model.trainableVariables as tf.Variable[]);
  await Promise.all([value, ...Object.values(grads)].map((t) => t.data()));
  tf.dispose([value, ...Object.values(grads)]);
  return performance.now() - start;
}
const times: Record<'stock' | 'fast', number[]> = { stock: [], fast: [] };
for (let round = 0; round < 4; round++) {
  for (const [label, set] of [
    ['stock', stock],
    ['fast', fast],
  ] as const) {
    use(set);
    await stepMs(); // warm-up after the switch
    for (let i = 0; i < 3; i++) times[label].push(await stepMs());
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  JSON.stringify({
    model: config,
    batch: '2 pairs × 64 tokens',
    stockMedianMs: Number(median(times.stock).toFixed(1)),
    fastMedianMs: Number(median(times.fast).toFixed(1)),
    steps: times.fast.length,
  }),
);
model.dispose();
