/**
 * One tokenised preference pair. `prompt` carries BOS first where the model uses one;
 * `chosen` / `rejected` are the completion ids (EOS appended by the collator's choice).
 */
export interface TokenizedPair {
  prompt: number[];
  chosen: number[];
  rejected: number[];
}

/**
 * A collated batch of B pairs as 2B right-padded rows: rows [0, B) are prompt + chosen,
 * rows [B, 2B) prompt + rejected. Row-major, length 2B·T each.
 *
 * `completionMask[r·T + t]` is 1 when token t of row r is a completion token, i.e. its
 * log-prob (predicted from positions < t) counts towards the sequence sum; 0 for prompt
 * and padding. Position 0 is never a completion token.
 */
export interface PreferenceBatch {
  size: number; // B, pairs
  seqLen: number; // T, tokens per row after padding
  inputIds: Int32Array; // [2B, T]
  completionMask: Float32Array; // [2B, T]
}

/** One tokenised unpaired example (TRL's unpaired format): a completion and its label. */
export interface TokenizedExample {
  prompt: number[];
  completion: number[];
  /** true: desirable (KTO's `label`), false: undesirable. */
  label: boolean;
}

/**
 * A collated batch of N unpaired examples in PreferenceBatch's layout (so one
 * `sequenceLogps` runs it): rows [0, N) are prompt_i + completion_i, rows [N, 2N) are
 * prompt_i + completion_{(i−1) mod N}, the mismatched pairs of KTO's KL estimate (TRL's
 * collator cycles completions within the batch the same way). `size` is N.
 */
export interface UnpairedBatch extends PreferenceBatch {
  labels: Float32Array; // [N] 1 desirable, 0 undesirable
}
