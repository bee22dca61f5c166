import { createHash } from 'node:crypto';
import type { Variable } from '@tensorflow/tfjs-core';

/**
 * SHA-256 (hex) of the variables' shapes and float32 values, in order: a model's identity.
 * Values are read with `await data()`, so it runs on webgpu too.
 */
export async function hashWeights(variables: readonly Variable[]): Promise<string> {
  const h = createHash('sha256');
  for (const v of variables) {
    h.update(`${v.shape.join('x')};`);
    const data = (await v.data()) as Float32Array;
    h.update(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  return h.digest('hex');
}
