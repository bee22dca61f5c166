import type { Scalar, Tensor2D } from '@tensorflow/tfjs-core';

/**
 * Inputs an objective opts into, declared as data like `requiresReference`. The trainer
 * computes them only for objectives that declare them; every other objective costs nothing.
 */
export interface ObjectiveNeeds {
  /** Per-token log-probs with their masks, `[B, T−1]` (see TokenInputs). */
  readonly tokenLogps?: boolean;
  /**
   * Per-token logit statistics of the policy, `[B, T−1]`, no gradient: log Σ_v p_v², i.e.
   * logsumexp(2z) − 2·logsumexp(z) (the WPO normaliser, TRL `use_weighting`). Implies tokenLogps.
   */
  readonly tokenLogitStats?: boolean;
}

/** `[B, T−1]` per-token values of the chosen and the rejected rows (position t predicts token t+1). */
export interface PairTokens {
  chosen: Tensor2D; // [B, T−1]
  rejected: Tensor2D; // [B, T−1]
}

/**
 * Per-token inputs, aligned with TRL's shifted tensors: column j is log p(x_{j+1} | x_≤j).
 * Log-probs are 0 on padding (where `sequenceMask` is 0) and present on prompt tokens.
 */
export interface TokenInputs {
  policy: PairTokens;
  /** Present iff `requiresReference`. */
  reference?: PairTokens;
  /** 1 on completion tokens, else 0 (the mask the summed log-probs use). */
  completionMask: PairTokens;
  /** 1 on prompt + completion tokens, 0 on padding (TRL's shifted attention mask). */
  sequenceMask: PairTokens;
  /** Present iff `needs.tokenLogitStats`: log Σ_v softmax(z)_v², no gradient. */
  logSquaredMass?: PairTokens;
}

/** An objective's state as the trainer carries it: named scalars. */
export type ObjectiveState = Record<string, Scalar>;

/**
 * A declared state: its initial values (numbers, so a checkpoint stores it as JSON). The
 * trainer passes the current state in `inputs.state` and keeps `output.state` for the next
 * micro-batch (training only; evaluation does not advance it), saves it in checkpoints and
 * restores it on resume.
 */
export interface ObjectiveStateSpec {
  readonly initial: Readonly<Record<string, number>>;
  readonly description: string;
}
