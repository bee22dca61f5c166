// Where a training step's memory goes, full fine-tuning vs LoRA (issue 14's memory target):
// tf.profile's peak tensor bytes of one DPO micro-step (policy forward + reference forward +
// backward) next to the bytes that persist between steps (weights, reference, AdamW moments).
//   npx tsx --conditions=@prefopt/source tools/bench/loraMemory.mts [full|lora]   (wasm backend)
// Run each mode in its own process (tfjs's peak is per process).
import { applyLora } from '@prefopt/lora';
import { createModel } from '@prefopt/model';
import { dpo } from '@prefopt/objective-dpo';
import { AdaptersOffReference, frozenCopy, microStep, ModelReference } from '@prefopt/trainer';
import * as tf from '@tensorflow/tfjs';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { syntheticBatch } from '@prefopt/recipes';

const mode = process.argv[2] === 'lora' ? 'lora' : 'full';
const config = {
  dim: 512,
  hiddenDim: 1376,
  layers: 6,
  heads: 8,
  kvHeads: 8,
  vocab: 8192,
  seqLen: 256,
};
await wasmAdapter.activate({ threads: 1 });
const base = createModel(config, { seed: 1 });
const policy =
  mode === 'lora'
    ? applyLora(base, { options: { rank: 16, alpha: 32, targets: 'q,k,v,o' }, seed: 1 })
    : base;
const reference =
  mode === 'lora' ? new AdaptersOffReference(policy) : new ModelReference(frozenCopy(base));
const mib = (b: number) => (b / 2 ** 20).toFixed(0);
const trainable = policy.trainableVariables.reduce((n, v) => n + v.size, 0);
const before = tf.memory().numBytes;
const batch = syntheticBatch(1, 256, config.vocab, 2);
const objective = dpo({});
let grads: tf.Tensor[] = [];
const info = await tf.profile(async () => {
  const out = await microStep(policy, objective, batch, reference);
  grads = out.grads;
});
const moments = 2 * 4 * trainable; // AdamW m and v, float32
console.log(
  JSON.stringify({
    mode,
    trainableParams: trainable,
    persistentMiB: Number(mib(before + moments)),
    stepPeakMiB: Number(mib(before + info.peakBytes + moments)),
    activationsAndGradsPeakMiB: Number(mib(info.peakBytes)),
    rssMiB: Number(mib(process.memoryUsage().rss)),
  }),
);
tf.dispose(grads);
