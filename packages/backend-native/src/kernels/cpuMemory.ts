import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { sizeOf, tensorMemory, type TensorMemory } from './TensorMemory';

/** TensorMemory of tfjs's cpu backend (and of backends built on its storage). */
export function cpuMemory(backend: MathBackendCPU): TensorMemory {
  return tensorMemory({
    allocate: (shape) => backend.makeTensorInfo(shape, 'float32', new Float32Array(sizeOf(shape))),
    values: (t) => backend.data.get(t.dataId)?.values,
    release: (t) => backend.disposeData(t.dataId, true),
  });
}
