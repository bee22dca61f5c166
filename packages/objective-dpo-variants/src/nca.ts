/**
 * NCA — Chen, Deng, Zheng, Zhu 2024, "Noise Contrastive Alignment of Language Models with
 * Explicit Rewards" (arXiv 2402.05369), the NCA loss for a pair, as TRL's `nca_pair`:
 *   r_w = β(log π(y_w) − log π_ref(y_w)),  r_l = β(log π(y_l) − log π_ref(y_l))
 *   loss_i = −log σ(r_w) − ½·log σ(−r_w) − ½·log σ(−r_l)
 * Rewards: r_w, r_l.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const nca = defineObjective({
  name: 'nca',
  requiresReference: true,
  description: 'NCA (Chen et al. 2024): absolute-reward noise-contrastive pair loss',
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const { chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each: r_w, r_l
    const losses = tf.neg(
      tf.addN([
        logSigmoid(chosenRewards),
        tf.mul(0.5, logSigmoid(tf.neg(chosenRewards))),
        tf.mul(0.5, logSigmoid(tf.neg(rejectedRewards))),
      ]),
    ) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
