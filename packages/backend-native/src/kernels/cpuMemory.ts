import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { sizeOf, type TensorMemory } from './TensorMemory';

/** TensorMemory of tfjs's cpu backend (and of backends built on its storage). */
export function cpuMemory(backend: MathBackendCPU): TensorMemory {
  const values = (t: TensorInfo) => backend.data.get(t.dataId)?.values;
  return {
    f32: (t) => {
      const v = t.dtype === 'float32' ? values(t) : undefined;
      return v instanceof Float32Array ? v : undefined;
    },
    i32: (t) => {
      const v = t.dtype === 'int32' ? values(t) : undefined;
      return v instanceof Int32Array ? v : undefined;
    },
    output: (shape) => {
      const out = new Float32Array(sizeOf(shape));
      return { info: backend.makeTensorInfo(shape, 'float32', out), values: out };
    },
  };
}
