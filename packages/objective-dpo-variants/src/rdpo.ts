/**
 * R-DPO — Park, Rafailov, Ermon, Finn 2024, "Disentangling Length from Quality in Direct
 * Preference Optimization" (arXiv 2403.19159), the length-regularised DPO loss (R-DPO):
 *   z = (log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))
 *   loss_i = −log σ(β z − α(|y_w| − |y_l|))
 * Rewards: β·(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const rdpo = defineObjective({
  name: 'rdpo',
  requiresReference: true,
  description: 'R-DPO (Park et al. 2024): DPO with a penalty α on the completion-length gap',
  options: {
    beta: betaOption,
    alpha: {
      type: 'number',
      default: 0.01,
      min: 0,
      description: 'α ≥ 0: weight of the length regulariser α(|y_w| − |y_l|)',
    },
  },
  compute: (inputs, { beta, alpha }) => {
    const { chosen, rejected, chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each
    const margin = tf.mul(beta, tf.sub(chosen, rejected)); // [B]
    const lengthGap = tf.mul(alpha, tf.sub(inputs.lengths.chosen, inputs.lengths.rejected)); // [B]
    const losses = tf.neg(logSigmoid(tf.sub(margin, lengthGap))) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
