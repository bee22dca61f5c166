import type { TensorInfo } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../addon/loadNativeAddon';
import { nativeBatchMatMul } from './batchMatMulKernel';
import { sizeOf, tensorMemory } from './TensorMemory';

const { addon } = loadNativeAddon();

/** A TensorMemory over a plain map of arrays: shows which inputs take the native path. */
function fakeMemory() {
  const store = new Map<object, Float32Array>();
  const tensor = (shape: number[], values: number[]): TensorInfo => {
    const dataId = {};
    store.set(dataId, Float32Array.from(values));
    return { dataId, shape, dtype: 'float32' };
  };
  const memory = tensorMemory({
    allocate: (shape) => tensor(shape, new Array<number>(sizeOf(shape)).fill(0)),
    values: (t) => store.get(t.dataId),
    release: (t) => store.delete(t.dataId),
  });
  return { memory, tensor, values: (t: TensorInfo) => Array.from(store.get(t.dataId)!) };
}

describe.skipIf(!addon)('nativeBatchMatMul', () => {
  it('runs a batch of 2 with b broadcast, through the addon', () => {
    const { memory, tensor, values } = fakeMemory();
    // a = [[[1,2]], [[3,4]]] (2×1×2), b = [[1,0],[1,1]] (1×2×2):
    // [1,2]·b = [1+2, 2] = [3, 2];  [3,4]·b = [3+4, 4] = [7, 4]
    const a = tensor([2, 1, 2], [1, 2, 3, 4]);
    const b = tensor([1, 2, 2], [1, 0, 1, 1]);
    const c = nativeBatchMatMul(addon!, memory, a, b, false, false);
    expect(c?.shape).toEqual([2, 1, 2]);
    expect(values(c!)).toEqual([3, 2, 7, 4]);
  });

  it('transposes a: aᵀ·b with a = [[1,2],[3,4]] gives [[1,3],[2,4]]·I', () => {
    const { memory, tensor, values } = fakeMemory();
    const c = nativeBatchMatMul(
      addon!,
      memory,
      tensor([2, 2], [1, 2, 3, 4]),
      tensor([2, 2], [1, 0, 0, 1]),
      true,
      false,
    );
    expect(values(c!)).toEqual([1, 3, 2, 4]);
  });

  it('declines what it does not take: int32, partial broadcast, mismatched inner dims', () => {
    const { memory, tensor } = fakeMemory();
    const int: TensorInfo = { dataId: {}, shape: [2, 2], dtype: 'int32' };
    expect(nativeBatchMatMul(addon!, memory, int, int, false, false)).toBeUndefined();
    const a = tensor([2, 1, 1, 1], [1, 2]);
    const b = tensor([1, 3, 1, 1], [1, 2, 3]);
    expect(nativeBatchMatMul(addon!, memory, a, b, false, false)).toBeUndefined();
    expect(
      nativeBatchMatMul(
        addon!,
        memory,
        tensor([1, 2], [1, 2]),
        tensor([3, 1], [1, 2, 3]),
        false,
        false,
      ),
    ).toBeUndefined();
  });
});
