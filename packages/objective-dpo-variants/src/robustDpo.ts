/**
 * Robust DPO (rDPO) — Chowdhury, Kini, Natarajan 2024, "Provably Robust DPO: Aligning
 * Language Models with Noisy Feedback" (arXiv 2403.00409), the de-biased (unbiased) BCE loss,
 * as TRL's `loss_type="robust"`, for labels flipped with probability ε < 1/2:
 *   z = (log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))
 *   loss_i = [−(1 − ε)·log σ(β z) + ε·log σ(−β z)] / (1 − 2ε)
 * Rewards: β·(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const robustDpo = defineObjective({
  name: 'robust-dpo',
  requiresReference: true,
  description: 'Robust DPO (Chowdhury et al. 2024): unbiased DPO under label noise ε',
  options: {
    beta: betaOption,
    labelSmoothing: {
      type: 'number',
      default: 0.1,
      min: 0,
      max: 0.5,
      exclusiveMax: true,
      description: 'ε: assumed probability that a preference label is flipped (< 0.5)',
    },
  },
  compute: (inputs, { beta, labelSmoothing: eps }) => {
    const { chosen, rejected, chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each
    const logits = tf.mul(beta, tf.sub(chosen, rejected)); // [B]
    const unscaled = tf.add(
      tf.mul(-(1 - eps), logSigmoid(logits)),
      tf.mul(eps, logSigmoid(tf.neg(logits))),
    ); // [B]
    const losses = tf.div(unscaled, 1 - 2 * eps) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
