// A/B of model op forms: original @prefopt/model vs the patched copy in ./_model (temporary).
import * as tf from '@tensorflow/tfjs';
import { nativeAdapter } from '@prefopt/backend-native';
import { wasmAdapter } from '@prefopt/backend-wasm';
import { createModel as createOrig } from '@prefopt/model';
import { createModel as createNew } from './_model/index';
import { simpo } from '@prefopt/objective-simpo';
import { AdamW } from '@prefopt/trainer';
import { syntheticBatch } from '../../apps/cli/src/bench/syntheticBatch';
import { timedStep } from '../../apps/cli/src/bench/timedStep';
const backend = process.argv[2] ?? 'native';
await (backend === 'wasm' ? wasmAdapter : nativeAdapter).activate({ threads: 1 });
const cfg = { dim: 256, hiddenDim: 688, layers: 4, heads: 4, kvHeads: 4, vocab: 512, seqLen: 128 };
const batch = syntheticBatch(4, 128, 512, 2);
const setups = { orig: createOrig(cfg, { seed: 1 }), patched: createNew(cfg, { seed: 1 }) };
const parts = Object.fromEntries(Object.entries(setups).map(([k, m]) => [k, { policy: m, objective: simpo(), optimizer: new AdamW(m.trainableVariables as tf.Variable[]), lr: 1e-4 }]));
const cpu: Record<string, number[]> = { orig: [], patched: [] };
const loss: Record<string, number> = {};
for (let i = 0; i < 8; i++) for (const k of ['orig', 'patched']) { const r = timedStep(parts[k], batch); if (i >= 2) cpu[k].push(r.times.stepCpu); loss[k] = r.loss; }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(backend, 'cpu ms orig', med(cpu.orig).toFixed(1), 'patched', med(cpu.patched).toFixed(1), 'loss', loss.orig, loss.patched, 'heap', ((tf.backend() as any).wasm.HEAPU8.length / 2 ** 20).toFixed(0));
