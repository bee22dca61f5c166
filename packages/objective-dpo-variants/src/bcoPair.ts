/**
 * BCO (pairwise) — Jung, Lee, Lee, Kim 2024, "Binary Classifier Optimization for Large
 * Language Model Alignment" (arXiv 2404.04656), as TRL's DPOTrainer `loss_type="bco_pair"`:
 *   r_w = β(log π(y_w) − log π_ref(y_w)),  r_l = β(log π(y_l) − log π_ref(y_l))
 *   loss_i = −log σ(r_w − δ) − log σ(−(r_l − δ))
 * `delta: 'none'` (default): δ = 0, as TRL ≥ 0.29 (checked against TRL 1.13's code);
 * `delta: 'batch-mean'`: δ = mean of the batch's {r_w, r_l}, no gradient (older TRL kept a
 * running mean, whose value on its first step this is; for the running δ of TRL's
 * BCOTrainer use the unpaired objective `bco`).
 * Rewards: r_w, r_l.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid, stopGradient } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const bcoPair = defineObjective({
  name: 'bco-pair',
  requiresReference: true,
  description: 'BCO (Jung et al. 2024): binary classification of the pair’s rewards (TRL bco_pair)',
  options: {
    beta: betaOption,
    delta: {
      type: 'enum',
      values: ['none', 'batch-mean'],
      default: 'none',
      description: "reward shift δ: 'none' as TRL ≥ 0.29, 'batch-mean' the batch's mean reward",
    },
  },
  compute: (inputs, { beta, delta: shift }) => {
    const { chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each: r_w, r_l
    const delta =
      shift === 'batch-mean'
        ? stopGradient(tf.mean(tf.concat([chosenRewards, rejectedRewards]))) // []
        : tf.scalar(0);
    const losses = tf.neg(
      tf.add(logSigmoid(tf.sub(chosenRewards, delta)), logSigmoid(tf.sub(delta, rejectedRewards))),
    ) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
