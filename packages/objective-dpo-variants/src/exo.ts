/**
 * EXO (pairwise) — Ji et al. 2024, "Towards Efficient Exact Optimization of Language Model
 * Alignment", Eq. 16 (reverse KL between the model's and the ε-smoothed label distribution
 * over the pair), as TRL's `exo_pair` with label smoothing ε:
 *   z = (log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))
 *   loss_i = σ(βz)·(log σ(βz) − log(1 − ε)) + σ(−βz)·(log σ(−βz) − log ε)
 * Rewards: β·(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const exo = defineObjective({
  name: 'exo',
  requiresReference: true,
  description: 'EXO (Ji et al. 2024): reverse-KL pair loss towards ε-smoothed labels',
  options: {
    beta: betaOption,
    epsilon: {
      type: 'number',
      default: 1e-3,
      min: 0,
      max: 0.5,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'ε in (0, 0.5): label smoothing of the target distribution',
    },
  },
  compute: (inputs, { beta, epsilon }) => {
    const { chosen, rejected, chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each
    const logits = tf.mul(beta, tf.sub(chosen, rejected)); // [B]
    const negLogits = tf.neg(logits); // [B]
    const towardsChosen = tf.mul(
      tf.sigmoid(logits),
      tf.sub(logSigmoid(logits), Math.log(1 - epsilon)),
    ); // [B]
    const towardsRejected = tf.mul(
      tf.sigmoid(negLogits),
      tf.sub(logSigmoid(negLogits), Math.log(epsilon)),
    ); // [B]
    const losses = tf.add(towardsChosen, towardsRejected) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
