import type { TensorInfo } from '@tensorflow/tfjs-core';

/** Views of tensor memory, handed to a `TensorMemory.compute` fill and valid only inside it. */
export interface MemoryViews {
  /** The float32 values of `t`; throws for another dtype. */
  f32(t: TensorInfo): Float32Array;
  /** The int32 values of `t`; throws for another dtype. */
  i32(t: TensorInfo): Int32Array;
}

/** One Float32Array per requested output shape, in order (a tuple when the shapes are). */
export type OutputViews<S extends readonly (readonly number[])[]> = {
  -readonly [K in keyof S]: Float32Array;
};
/** One TensorInfo per requested output shape, in order. */
export type OutputInfos<S extends readonly (readonly number[])[]> = {
  -readonly [K in keyof S]: TensorInfo;
};

/**
 * How a kernel reaches a backend's tensor memory without copies: the cpu backend keeps
 * plain typed arrays, the wasm backend views into its heap. The addon reads and writes
 * these arrays in place.
 *
 * On wasm, allocating an output may grow the heap, which detaches every earlier view. So
 * views exist only inside `compute`: it allocates every output first, then calls `fill`
 * with views of them and a `MemoryViews` for the inputs. Nothing can allocate through this
 * memory while `fill` runs, and the views object refuses use after `fill` returns.
 */
export interface TensorMemory {
  /**
   * Allocates a float32 tensor per shape, then calls `fill(outputs, views)`; returns the
   * outputs' TensorInfos. When `fill` throws, the outputs are released and the error passes on.
   */
  compute<const S extends readonly (readonly number[])[]>(
    shapes: S,
    fill: (outputs: OutputViews<S>, views: MemoryViews) => void,
  ): OutputInfos<S>;
}

/** What a backend gives `tensorMemory`: allocate, view and release its tensors. */
export interface TensorStore {
  /** A new float32 tensor of `shape` (values uninitialised). */
  allocate(shape: number[]): TensorInfo;
  /** The current typed array of `t`'s values (a heap view on wasm), if it has one. */
  values(t: TensorInfo): unknown;
  /** Frees a tensor `allocate` made. */
  release(t: TensorInfo): void;
}

/** The TensorMemory over a backend's store, enforcing allocate-all-then-view. */
export function tensorMemory(store: TensorStore): TensorMemory {
  let busy = false;
  return {
    compute(shapes, fill) {
      if (busy) throw new Error('native kernel: TensorMemory.compute called while views are live');
      const infos: TensorInfo[] = [];
      let open = true;
      const view = <A>(t: TensorInfo, dtype: string, type: new () => A): A => {
        if (!open) throw new Error('native kernel: a memory view was taken after compute returned');
        const values = t.dtype === dtype ? store.values(t) : undefined;
        if (!(values instanceof type)) {
          throw new TypeError(
            `native kernel: expected ${dtype} tensor memory, got ${t.dtype} [${t.shape}]`,
          );
        }
        return values;
      };
      const views: MemoryViews = {
        f32: (t) => view(t, 'float32', Float32Array),
        i32: (t) => view(t, 'int32', Int32Array),
      };
      try {
        for (const shape of shapes) infos.push(store.allocate(shape.slice()));
        busy = true; // from here on, no allocation until fill returns
        fill(infos.map((t) => views.f32(t)) as OutputViews<typeof shapes>, views);
      } catch (e) {
        for (const t of infos) store.release(t);
        throw e;
      } finally {
        busy = false;
        open = false;
      }
      return infos as OutputInfos<typeof shapes>;
    },
  };
}

/** Product of a shape's entries (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
