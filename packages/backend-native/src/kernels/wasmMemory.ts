import type { TensorInfo } from '@tensorflow/tfjs-core';
import { type TensorMemory } from './TensorMemory';

/** The members of tfjs-backend-wasm's BackendWasm this module uses. */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** TensorMemory of tfjs's wasm backend: views of its heap (re-taken per call, see TensorMemory). */
export function wasmMemory(backend: WasmBackendLike): TensorMemory {
  return {
    f32: (t) =>
      t.dtype === 'float32' ? (backend.typedArrayFromHeap(t) as Float32Array) : undefined,
    i32: (t) => (t.dtype === 'int32' ? (backend.typedArrayFromHeap(t) as Int32Array) : undefined),
    output: (shape) => {
      const info = backend.makeOutput(shape, 'float32');
      return { info, values: backend.typedArrayFromHeap(info) as Float32Array };
    },
  };
}
