/**
 * SPPO (hard labels) — Wu, Sun, Yuan, Ji, Yang, Gu 2024, "Self-Play Preference Optimization
 * for Language Model Alignment", Eq. (4.7) of Algorithm 1 with the win probability P̂ set
 * to 1 for the chosen and 0 for the rejected completion, as TRL's `sppo_hard`:
 *   a = log π(y_w) − log π_ref(y_w),  b = log π(y_l) − log π_ref(y_l)
 *   loss_i = (a − 1/(2β))² + (b + 1/(2β))²
 * Rewards: β·a, β·b.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const sppoHard = defineObjective({
  name: 'sppo-hard',
  requiresReference: true,
  description:
    'SPPO (Wu et al. 2024) with hard win probabilities: squared log-ratio targets ±1/(2β)',
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const { chosen: a, rejected: b, chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each
    const target = 0.5 / beta;
    const losses = tf.add(
      tf.square(tf.sub(a, target)),
      tf.square(tf.add(b, target)),
    ) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
