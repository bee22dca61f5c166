import type { PreferenceBatch } from '@prefopt/core';

/**
 * A fixed PreferenceBatch for backend checks: B = 2 pairs of T = 8 tokens with ids below
 * `vocab`; prompts of 3 and 2 tokens, completions of different lengths, right padding
 * (id 0, mask 0), so masking and padding are exercised.
 */
export function backendTestBatch(vocab: number): PreferenceBatch {
  const T = 8;
  // [prompt, completion] per row; rows 0–1 chosen, rows 2–3 rejected.
  const rows: [number[], number[]][] = [
    [
      [1, 5, 9],
      [4, 4, 7, 2],
    ],
    [
      [1, 3],
      [8, 6, 2],
    ],
    [
      [1, 5, 9],
      [11, 2],
    ],
    [
      [1, 3],
      [10, 12, 13, 14, 2],
    ],
  ];
  const inputIds = new Int32Array(rows.length * T);
  const completionMask = new Float32Array(rows.length * T);
  rows.forEach(([prompt, completion], r) => {
    [...prompt, ...completion].forEach((id, t) => (inputIds[r * T + t] = id % vocab));
    for (let t = prompt.length; t < prompt.length + completion.length; t++)
      completionMask[r * T + t] = 1;
  });
  return { size: 2, seqLen: T, inputIds, completionMask };
}
