import { createModel } from '@prefopt/model';
import { describeBackend, backendTestBatch } from '@prefopt/testing';
import { cpuAdapter } from './cpuAdapter';

// A 2-layer GQA Llama (4 query heads over 2 kv heads), small enough for 2 shared cores.
const config = { dim: 16, hiddenDim: 32, layers: 2, heads: 4, kvHeads: 2, vocab: 32, seqLen: 16 };

describeBackend(cpuAdapter, {
  model: {
    create: () => createModel(config, { seed: 7 }),
    batch: backendTestBatch(config.vocab),
  },
});
