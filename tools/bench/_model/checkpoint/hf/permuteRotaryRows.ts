/**
 * Reorders the rows of a q/k projection ([heads·hd, cols], row-major) between HF's
 * rotate-half layout (per head: the hd/2 first members of each pair, then the hd/2 second
 * members) and the interleaved-pair layout of llama2.c / Meta (row 2i, 2i+1 = pair i).
 * `toInterleaved` picks the direction (as llama2.c's export.py permute_reverse / permute_original).
 */
export function permuteRotaryRows(
  values: Float32Array,
  heads: number,
  cols: number,
  toInterleaved: boolean,
): Float32Array {
  const hd = values.length / cols / heads;
  const half = hd / 2;
  const out = new Float32Array(values.length);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < half; i++) {
      for (let j = 0; j < 2; j++) {
        const interleaved = (h * hd + 2 * i + j) * cols;
        const rotateHalf = (h * hd + j * half + i) * cols;
        const [from, to] = toInterleaved ? [rotateHalf, interleaved] : [interleaved, rotateHalf];
        out.set(values.subarray(from, from + cols), to);
      }
    }
  }
  return out;
}
