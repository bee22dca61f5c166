import type { KernelFunc } from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon/NativeAddon';
import type { TensorMemory } from './TensorMemory';

/** What every native kernel factory is given: the addon, the target backend, its memory. */
export interface NativeKernelContext {
  addon: NativeAddon;
  /** tfjs backend name the kernels are registered for ('wasm', 'native-cpu'). */
  backendName: string;
  memory(backend: unknown): TensorMemory;
  /** The backend's own kernel of that name, for inputs the native one does not take. */
  fallback(kernelName: string): KernelFunc;
}
