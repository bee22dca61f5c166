/**
 * BCO (pairwise) — Jung, Lee, Lee, Kim 2024, "Binary Classifier Optimization for Large
 * Language Model Alignment" (arXiv 2404.04656), the BCO loss with reward shift δ, as TRL's `bco_pair`:
 *   r_w = β(log π(y_w) − log π_ref(y_w)),  r_l = β(log π(y_l) − log π_ref(y_l))
 *   δ = mean over the batch of {r_w, r_l} (no gradient)
 *   loss_i = −log σ(r_w − δ) − log σ(−(r_l − δ))
 * TRL keeps δ as a running mean across steps; an Objective is stateless, so δ is the
 * current batch's mean (TRL's value on its first step).
 * Rewards: r_w, r_l.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid, stopGradient } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const bcoPair = defineObjective({
  name: 'bco-pair',
  requiresReference: true,
  description: 'BCO (Jung et al. 2024): binary classification of rewards around a batch shift δ',
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const { chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each: r_w, r_l
    const delta = stopGradient(tf.mean(tf.concat([chosenRewards, rejectedRewards]))); // []
    const losses = tf.neg(
      tf.add(logSigmoid(tf.sub(chosenRewards, delta)), logSigmoid(tf.sub(delta, rejectedRewards))),
    ) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
