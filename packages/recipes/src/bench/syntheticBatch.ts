import { seededRandom, type PreferenceBatch } from '@prefopt/core';

/**
 * B random pairs of T tokens each, as tools/bench/torch_step.py builds them: the first
 * ⌊T·promptShare⌋ tokens (default ⌊T/2⌋) are a prompt shared by chosen and rejected, the
 * rest is completion (mask 1), different per row. Ids uniform in [0, vocab).
 */
export function syntheticBatch(
  pairs: number,
  seqLen: number,
  vocab: number,
  seed: number,
  promptShare = 0.5,
): PreferenceBatch {
  const random = seededRandom(seed);
  const rows = 2 * pairs;
  const inputIds = new Int32Array(rows * seqLen); // [2B, T]
  const completionMask = new Float32Array(rows * seqLen); // [2B, T]
  const promptLen = Math.floor(seqLen * promptShare);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < seqLen; t++) {
      const i = r * seqLen + t;
      if (t < promptLen && r >= pairs) inputIds[i] = inputIds[(r - pairs) * seqLen + t];
      else inputIds[i] = Math.floor(random() * vocab);
      completionMask[i] = t >= promptLen ? 1 : 0;
    }
  }
  return { size: pairs, seqLen, inputIds, completionMask };
}
