/**
 * Hinge — the rank-calibration hinge loss of SLiC-HF (Zhao et al. 2023, "SLiC-HF: Sequence
 * Likelihood Calibration with Human Feedback"; margin 1/β) on the reference-normalised
 * log-ratios of RSO (Liu et al. 2024, "Statistical Rejection Sampling Improves Preference
 * Optimization", hinge-norm loss), as TRL's `loss_type="hinge"`:
 *   z = (log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))
 *   loss_i = max(0, 1 − β z)
 * Rewards: β·(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const hinge = defineObjective({
  name: 'hinge',
  requiresReference: true,
  description: 'SLiC-HF / RSO hinge loss max(0, 1 − β·z) on the DPO log-ratio margin',
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const { chosen, rejected, chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each
    const logits = tf.mul(beta, tf.sub(chosen, rejected)); // [B]
    const losses = tf.relu(tf.sub(1, logits)) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
