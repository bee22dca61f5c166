import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
} from '@tensorflow/tfjs-core';
import { fastCompare } from './kernels/fastCompare';
import { fastSlice } from './kernels/fastSlice';
import { fastUnpack } from './kernels/fastUnpack';
import { unsortedSegmentSumConfig } from './kernels/unsortedSegmentSum';

/** Kernels that tfjs-backend-wasm 4.22 lacks and prefopt's training needs. */
const MISSING: readonly KernelConfig[] = [unsortedSegmentSumConfig];

/** Kernels replaced by faster ones that wrap (and fall back to) the original. */
const FASTER: Readonly<Record<string, (original: KernelConfig) => KernelConfig>> = {
  Slice: fastSlice,
  Unpack: fastUnpack,
  Equal: (k) => fastCompare(k, (a, b) => a === b),
  NotEqual: (k) => fastCompare(k, (a, b) => a !== b),
  Greater: (k) => fastCompare(k, (a, b) => a > b),
  GreaterEqual: (k) => fastCompare(k, (a, b) => a >= b),
  Less: (k) => fastCompare(k, (a, b) => a < b),
  LessEqual: (k) => fastCompare(k, (a, b) => a <= b),
};

const REPLACED = Symbol.for('prefopt.wasmKernel');

/**
 * Registers prefopt's wasm kernels into tfjs's kernel registry (called by
 * `wasmAdapter.activate`, never at import): the missing ones, unless a later tfjs ships
 * them, and the faster replacements, once. Returns the names registered by this call.
 */
export function registerWasmExtraKernels(): string[] {
  const added: string[] = [];
  for (const config of MISSING) {
    if (getKernel(config.kernelName, config.backendName)) continue;
    registerKernel(config);
    added.push(config.kernelName);
  }
  for (const [name, faster] of Object.entries(FASTER)) {
    const original = getKernel(name, 'wasm');
    if (!original || (original as { [REPLACED]?: boolean })[REPLACED]) continue;
    unregisterKernel(name, 'wasm');
    registerKernel(Object.assign(faster(original), { [REPLACED]: true }));
    added.push(name);
  }
  return added;
}
