import type { TensorInfo } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { sizeOf, tensorMemory, type MemoryViews, type TensorStore } from './TensorMemory';

/** A store that logs every allocate / view / release, like a heap that grows on allocate. */
function loggingStore() {
  const log: string[] = [];
  const data = new Map<object, Float32Array | Int32Array>();
  const add = (shape: number[], values: Float32Array | Int32Array): TensorInfo => {
    const dataId = {};
    data.set(dataId, values);
    return { dataId, shape, dtype: values instanceof Int32Array ? 'int32' : 'float32' };
  };
  const store: TensorStore = {
    allocate: (shape) => {
      log.push(`allocate [${shape}]`);
      return add(shape, new Float32Array(sizeOf(shape)));
    },
    values: (t) => {
      log.push(`view [${t.shape}]`);
      return data.get(t.dataId);
    },
    release: (t) => {
      log.push(`release [${t.shape}]`);
      data.delete(t.dataId);
    },
  };
  return { log, data, store, add };
}

describe('tensorMemory (allocate every output, then view)', () => {
  it('allocates all outputs before the first view and fills them in order', () => {
    const { log, data, store, add } = loggingStore();
    const x = add([3], Float32Array.from([1, 2, 3]));
    const [a, b] = tensorMemory(store).compute([[3], [2]], ([av, bv], v) => {
      av.set(v.f32(x).map((e) => e * 2)); // [2, 4, 6]
      bv.set([7, 8]);
    });
    expect(log.slice(0, 2)).toEqual(['allocate [3]', 'allocate [2]']);
    expect(log.slice(2).every((l) => l.startsWith('view'))).toBe(true);
    expect(Array.from(data.get(a.dataId)!)).toEqual([2, 4, 6]);
    expect(Array.from(data.get(b.dataId)!)).toEqual([7, 8]);
  });

  it('releases the outputs and rethrows when fill throws', () => {
    const { log, data, store } = loggingStore();
    expect(() =>
      tensorMemory(store).compute([[2], [4]], () => {
        throw new RangeError('prefopt_native.softmax: boom');
      }),
    ).toThrow('boom');
    expect(log.filter((l) => l.startsWith('release'))).toEqual(['release [2]', 'release [4]']);
    expect(data.size).toBe(0);
  });

  it('refuses to allocate while views are live and to view after compute returns', () => {
    const { store, add } = loggingStore();
    const memory = tensorMemory(store);
    expect(() => memory.compute([[1]], () => memory.compute([[1]], () => {}))).toThrow(
      /while views are live/,
    );
    let kept: MemoryViews | undefined;
    memory.compute([[1]], (_, v) => {
      kept = v;
    });
    expect(() => kept!.f32(add([1], new Float32Array(1)))).toThrow(/after compute returned/);
  });

  it('names the dtype when a view does not match', () => {
    const { store, add } = loggingStore();
    const ids = add([2], Int32Array.from([1, 2]));
    expect(() => tensorMemory(store).compute([], (_, v) => v.f32(ids))).toThrow(
      /expected float32 tensor memory, got int32 \[2\]/,
    );
  });
});
