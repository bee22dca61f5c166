import { createModel } from '@prefopt/model';
import { describeBackend, backendTestBatch } from '@prefopt/testing';
import { webgpuAdapter } from './webgpuAdapter';

// Skips, printing why, where no WebGPU adapter exists (a fresh machine without a Vulkan
// driver). On Debian bookworm: tools/webgpu-lavapipe.sh installs Mesa 25's lavapipe.
const config = { dim: 16, hiddenDim: 32, layers: 2, heads: 4, kvHeads: 2, vocab: 32, seqLen: 16 };

describeBackend(webgpuAdapter, {
  model: {
    create: () => createModel(config, { seed: 7 }),
    batch: backendTestBatch(config.vocab),
  },
});
