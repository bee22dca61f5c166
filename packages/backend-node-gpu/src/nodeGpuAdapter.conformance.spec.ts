import { createModel } from '@prefopt/model';
import { describeBackend, backendTestBatch } from '@prefopt/testing';
import { nodeGpuAdapter } from './nodeGpuAdapter';

// Conformance against the cpu backend (ops and a small model); skips, printing what is
// missing, where @tensorflow/tfjs-node-gpu, CUDA 11.2 / cuDNN 8.1 or an NVIDIA GPU are absent.
const config = { dim: 16, hiddenDim: 32, layers: 2, heads: 4, kvHeads: 2, vocab: 32, seqLen: 16 };

describeBackend(nodeGpuAdapter, {
  model: {
    create: () => createModel(config, { seed: 7 }),
    batch: backendTestBatch(config.vocab),
  },
});
