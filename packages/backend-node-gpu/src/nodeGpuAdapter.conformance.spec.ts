import { describeBackend } from '@prefopt/testing';
import { nodeGpuAdapter } from './nodeGpuAdapter';

// Op-level conformance against the cpu backend; skips, printing what is missing, where
// @tensorflow/tfjs-node-gpu, CUDA 11.2 / cuDNN 8.1 or an NVIDIA GPU are absent.
describeBackend(nodeGpuAdapter);
