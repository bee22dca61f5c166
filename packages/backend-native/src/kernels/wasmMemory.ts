import type { TensorInfo } from '@tensorflow/tfjs-core';
import { tensorMemory, type TensorMemory } from './TensorMemory';

/** The members of tfjs-backend-wasm's BackendWasm this module uses. */
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object, force?: boolean): boolean;
}

/** TensorMemory of tfjs's wasm backend: views of its heap, taken after every allocation. */
export function wasmMemory(backend: WasmBackendLike): TensorMemory {
  return tensorMemory({
    allocate: (shape) => backend.makeOutput(shape, 'float32'),
    values: (t) => backend.typedArrayFromHeap(t),
    release: (t) => backend.disposeData(t.dataId, true),
  });
}
