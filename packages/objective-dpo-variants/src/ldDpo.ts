/**
 * LD-DPO — Liu, Wang, Li et al. 2024, "Length Desensitization in Directed Preference
 * Optimization" (arXiv 2409.06411), as TRL 1.13's DPOTrainer `ld_alpha` with
 * `loss_type="sigmoid"`. Per pair, the first ℓ_s = min(|y_w|, |y_l|) completion tokens are
 * "shared", the rest of the longer completion is its "tail", down-weighted by α:
 *   log π̃(y) = Σ_{k ≤ ℓ_s} log π(y_k) + α·Σ_{k > ℓ_s} log π(y_k)   (same for π_ref)
 *   loss_i = −log σ(β[(log π̃(y_w) − log π̃_ref(y_w)) − (log π̃(y_l) − log π̃_ref(y_l))])
 * Needs per-token log-probs. Rewards: β(log π̃ − log π̃_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid, type PairTokens } from '@prefopt/core';
import { betaOption } from './betaOption';

/** [B] desensitised sums of both sides' per-token log-probs (TRL's shared/tail masks). */
function desensitised(
  tokens: PairTokens,
  mask: PairTokens,
  alpha: number,
): { chosen: tf.Tensor1D; rejected: tf.Tensor1D } {
  const shared = tf.minimum(tf.sum(mask.chosen, 1), tf.sum(mask.rejected, 1)); // [B]
  const sharedCol = tf.expandDims(shared, 1); // [B, 1]
  const side = (tok: tf.Tensor2D, m: tf.Tensor2D) => {
    const pos = tf.cumsum(m, 1); // [B, T] 1-based index of each completion token
    const isShared = tf.cast(
      tf.logicalAnd(tf.greater(pos, 0), tf.lessEqual(pos, sharedCol)),
      'float32',
    );
    const isTail = tf.cast(tf.greater(pos, sharedCol), 'float32'); // [B, T]
    const onCompletion = tf.mul(tok, m); // [B, T]
    const sharedSum = tf.sum(tf.mul(onCompletion, isShared), 1); // [B]
    const tailSum = tf.sum(tf.mul(onCompletion, isTail), 1); // [B]
    return tf.add(sharedSum, tf.mul(alpha, tailSum)) as tf.Tensor1D; // [B]
  };
  return {
    chosen: side(tokens.chosen, mask.chosen),
    rejected: side(tokens.rejected, mask.rejected),
  };
}

export const ldDpo = defineObjective({
  name: 'ld-dpo',
  requiresReference: true,
  description:
    'LD-DPO (Liu et al. 2024): DPO with the longer completion’s tail weighted by α (TRL ld_alpha)',
  needs: { tokenLogps: true },
  options: {
    beta: betaOption,
    alpha: {
      type: 'number',
      default: 0.5,
      min: 0,
      max: 1,
      description:
        'α in [0, 1]: weight of the tail beyond the shorter completion (TRL ld_alpha; 1 = DPO)',
    },
  },
  compute: ({ tokens }, { beta, alpha }) => {
    const policy = desensitised(tokens!.policy, tokens!.completionMask, alpha);
    const reference = desensitised(tokens!.reference!, tokens!.completionMask, alpha);
    const chosen = tf.sub(policy.chosen, reference.chosen); // [B]
    const rejected = tf.sub(policy.rejected, reference.rejected); // [B]
    const losses = tf.neg(logSigmoid(tf.mul(beta, tf.sub(chosen, rejected)))) as tf.Tensor1D; // [B]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: tf.mul(beta, chosen) as tf.Tensor1D,
      rejectedRewards: tf.mul(beta, rejected) as tf.Tensor1D,
    };
  },
});
