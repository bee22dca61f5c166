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
