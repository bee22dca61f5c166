import { createModel } from '@prefopt/model';
import { describeBackend, backendTestBatch } from '@prefopt/testing';
import { nodeAdapter } from './nodeAdapter';

// Conformance against the cpu backend (ops and a small model); skips, printing what is
// missing, where @tensorflow/tfjs-node is absent (it is not installed in this repository).
const config = { dim: 16, hiddenDim: 32, layers: 2, heads: 4, kvHeads: 2, vocab: 32, seqLen: 16 };

describeBackend(nodeAdapter, {
  model: {
    create: () => createModel(config, { seed: 7 }),
    batch: backendTestBatch(config.vocab),
  },
});
