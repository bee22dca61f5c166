/**
 * APO-zero — D'Oosterlinck et al. 2024, "Anchored Preference Optimization and Contrastive
 * Revisions", Eq. 7 (use when the chosen outputs are better than the model's own):
 *   r_w = β(log π(y_w) − log π_ref(y_w)),  r_l = β(log π(y_l) − log π_ref(y_l))
 *   loss_i = (1 − σ(r_w)) + σ(r_l)
 * Rewards: r_w, r_l.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const apoZero = defineObjective({
  name: 'apo-zero',
  requiresReference: true,
  description: 'APO-zero (D’Oosterlinck et al. 2024): raise chosen, lower rejected likelihood',
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const { chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each: r_w, r_l
    const losses = tf.add(
      tf.sub(1, tf.sigmoid(chosenRewards)),
      tf.sigmoid(rejectedRewards),
    ) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
