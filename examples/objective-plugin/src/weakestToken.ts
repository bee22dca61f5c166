/**
 * weakest-token — an example third-party objective that opts into per-token inputs
 * (objective contract v2; not from a paper): a reference-free logistic loss on the margin
 * between the chosen and the rejected completion's least likely token, in the spirit of
 * token-level preference objectives (e.g. TDPO, Zeng et al. 2024), where one wrong token can
 * spoil a completion:
 *   m(y) = min_t log π(y_t | x, y_<t) over the completion's tokens
 *   loss_i = −log σ(β·(m(y_w) − m(y_l)) − γ)
 * It declares `needs: { tokenLogps: true }`: the trainer then hands it `inputs.tokens`
 * ([B, T] log-probs and masks); objectives that do not declare it never pay for them.
 * Rewards: β·m(y).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';

/** min over masked positions of each row: [B, T] → [B] (the gradient goes to the argmin). */
function maskedMin(tokens: tf.Tensor2D, mask: tf.Tensor2D): tf.Tensor1D {
  const big = tf.mul(tf.sub(1, mask), 1e9); // [B, T] pushes non-completion positions out
  return tf.neg(tf.max(tf.neg(tf.add(tokens, big)), 1)) as tf.Tensor1D; // [B]
}

export const weakestToken = defineObjective({
  name: 'weakest-token',
  requiresReference: false,
  description: 'example plugin: logistic loss on the margin of the least likely completion token',
  needs: { tokenLogps: true },
  options: {
    beta: {
      type: 'number',
      default: 1,
      min: 0,
      exclusiveMin: true,
      description: 'β > 0: scale of the margin',
    },
    gamma: { type: 'number', default: 0, min: 0, description: 'γ ≥ 0: target margin' },
  },
  compute: ({ tokens }, { beta, gamma }) => {
    const t = tokens!;
    const c = tf.mul(beta, maskedMin(t.policy.chosen, t.completionMask.chosen)) as tf.Tensor1D; // [B]
    const r = tf.mul(beta, maskedMin(t.policy.rejected, t.completionMask.rejected)) as tf.Tensor1D; // [B]
    const losses = tf.neg(logSigmoid(tf.sub(tf.sub(c, r), gamma))) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards: c, rejectedRewards: r };
  },
});
