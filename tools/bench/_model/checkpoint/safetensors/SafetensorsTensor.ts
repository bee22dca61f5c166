/** One tensor read from a safetensors file, converted to float32. */
export interface SafetensorsTensor {
  dtype: 'F32' | 'F16' | 'BF16'; // as stored
  shape: number[];
  values: Float32Array;
}
