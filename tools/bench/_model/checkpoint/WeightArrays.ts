/**
 * A model's parameters as plain float32 arrays keyed by the names of `weightShapes`,
 * in the model's own layout (matrices input-major, q/k rows in interleaved rotary pairs).
 * Every checkpoint format reads into and writes from this.
 */
export type WeightArrays = Map<string, Float32Array>;
