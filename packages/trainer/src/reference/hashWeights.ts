import { createHash } from 'node:crypto';
import type { Variable } from '@tensorflow/tfjs-core';

/** SHA-256 (hex) of the variables' shapes and float32 values, in order: a model's identity. */
export function hashWeights(variables: readonly Variable[]): string {
  const h = createHash('sha256');
  for (const v of variables) {
    h.update(`${v.shape.join('x')};`);
    const data = v.dataSync() as Float32Array;
    h.update(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  return h.digest('hex');
}
