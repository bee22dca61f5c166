import type { TensorInfo } from '@tensorflow/tfjs-core';

/**
 * How a kernel reaches a backend's tensor memory without copies: the cpu backend keeps
 * plain typed arrays, the wasm backend views into its heap. The addon reads and writes
 * these arrays in place.
 *
 * Order matters on wasm: `output` may grow the heap, which detaches every earlier view,
 * so a kernel allocates its outputs first and takes input views afterwards.
 */
export interface TensorMemory {
  /** The float32 values of `t`, or undefined for another dtype. */
  f32(t: TensorInfo): Float32Array | undefined;
  /** The int32 values of `t`, or undefined for another dtype. */
  i32(t: TensorInfo): Int32Array | undefined;
  /** A new float32 tensor of `shape` and a writable view of its (uninitialised) values. */
  output(shape: number[]): { info: TensorInfo; values: Float32Array };
}

/** Product of a shape's entries (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
