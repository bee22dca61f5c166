import * as tf from '@tensorflow/tfjs';
import { nativeAdapter } from '@prefopt/backend-native';
import { createModel as createOrig } from '@prefopt/model';
import { createModel as createNew } from './_model/index';
import { simpo } from '@prefopt/objective-simpo';
import { AdamW } from '@prefopt/trainer';
import { syntheticBatch } from '../../apps/cli/src/bench/syntheticBatch';
import { timedStep } from '../../apps/cli/src/bench/timedStep';
await nativeAdapter.activate({ threads: 1 });
const cfg = { dim: 512, hiddenDim: 1376, layers: 6, heads: 8, kvHeads: 8, vocab: 8192, seqLen: 256 };
const m = (process.env.VARIANT === 'patched' ? createNew : createOrig)(cfg, { seed: 1 });
const parts = { policy: m, objective: simpo(), optimizer: new AdamW(m.trainableVariables as tf.Variable[]), lr: 1e-4 };
const batch = syntheticBatch(4, 256, 8192, 2);
const cpu: number[] = [];
let loss = 0;
for (let i = 0; i < 3; i++) { const r = timedStep(parts, batch); if (i) cpu.push(r.times.stepCpu); loss = r.loss; }
console.log(process.env.VARIANT, 'cpu', cpu.map((c) => c.toFixed(0)).join(' '), 'loss', loss, 'heap MiB', ((tf.backend() as any).wasm.HEAPU8.length / 2 ** 20).toFixed(0), 'rss', (process.resourceUsage().maxRSS / 1024).toFixed(0));
