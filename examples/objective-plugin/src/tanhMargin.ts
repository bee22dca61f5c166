/**
 * tanh-margin — an example third-party objective (not from a paper): SimPO's reference-free,
 * length-normalised margin (Meng et al. 2024, Eq. 6) scored with a bounded loss, so that a
 * few pairs with huge margins cannot dominate a batch (cf. APO's sigmoid losses):
 *   h_i = β·(log π(y_w)/|y_w| − log π(y_l)/|y_l|) − γ
 *   loss_i = ½·(1 − tanh(h_i))       (= σ(−2h_i): in [0, 1], gradient → 0 for |h| → ∞)
 * Rewards: β·log π(y)/|y|.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective } from '@prefopt/core';

export const tanhMargin = defineObjective({
  name: 'tanh-margin',
  requiresReference: false,
  description: 'example plugin: bounded ½(1 − tanh(h)) on SimPO’s length-normalised margin h',
  options: {
    beta: {
      type: 'number',
      default: 2,
      min: 0,
      exclusiveMin: true,
      description: 'β: reward scale',
    },
    gamma: { type: 'number', default: 0.5, min: 0, description: 'γ ≥ 0: target reward margin' },
  },
  compute: ({ policy, lengths }, { beta, gamma }) => {
    const chosenRewards = tf.mul(beta, tf.div(policy.chosen, lengths.chosen)) as tf.Tensor1D; // [B]
    const rejectedRewards = tf.mul(beta, tf.div(policy.rejected, lengths.rejected)) as tf.Tensor1D; // [B]
    const margin = tf.sub(tf.sub(chosenRewards, rejectedRewards), gamma); // [B]
    const losses = tf.mul(0.5, tf.sub(1, tf.tanh(margin))) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
