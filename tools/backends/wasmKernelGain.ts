// Measures what prefopt's replacement wasm kernels (Slice, Unpack, comparisons) save on one forward +
// backward of a small Llama, against tfjs-backend-wasm 4.22's stock kernels, alternating
// the two several times so machine load hits both alike.
//   node --conditions=@prefopt/source --import tsx tools/backends/wasmKernelGain.ts
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { createStepTimer } from './stepTimer';

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

const timer = createStepTimer();
const times: Record<'stock' | 'fast', number[]> = { stock: [], fast: [] };
for (let round = 0; round < 4; round++) {
  for (const [label, set] of [
    ['stock', stock],
    ['fast', fast],
  ] as const) {
    use(set);
    await timer.stepMs(); // warm-up after the switch
    for (let i = 0; i < 3; i++) times[label].push(await timer.stepMs());
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  JSON.stringify({
    model: timer.config,
    batch: '2 pairs × 64 tokens',
    stockMedianMs: Number(median(times.stock).toFixed(1)),
    fastMedianMs: Number(median(times.fast).toFixed(1)),
    steps: times.fast.length,
  }),
);
timer.dispose();
