/**
 * APO-down — D'Oosterlinck et al. 2024, "Anchored Preference Optimization and Contrastive
 * Revisions", Eq. 8 (use when the chosen outputs are worse than the model's own):
 *   r_w = β(log π(y_w) − log π_ref(y_w)),  r_l = β(log π(y_l) − log π_ref(y_l))
 *   loss_i = σ(r_w) + (1 − σ(r_w − r_l))
 * Rewards: r_w, r_l.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const apoDown = defineObjective({
  name: 'apo-down',
  requiresReference: true,
  description: 'APO-down (D’Oosterlinck et al. 2024): lower chosen, lower rejected more',
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const { chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each: r_w, r_l
    const margin = tf.sub(chosenRewards, rejectedRewards); // [B]
    const losses = tf.add(tf.sigmoid(chosenRewards), tf.sub(1, tf.sigmoid(margin))) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
