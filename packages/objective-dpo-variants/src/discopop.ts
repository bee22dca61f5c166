/**
 * DiscoPOP — Lu et al. 2024, "Discovering Preference Optimization Algorithms with and for
 * Large Language Models", Eq. 5 (log-ratio modulated loss), as TRL's `discopop`:
 *   f = β·[(log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))]
 *   m = σ(f/τ)
 *   loss_i = (1 − m)·(−log σ(f)) + m·exp(−f)
 * Evaluated as σ(−f/τ)·softplus(−f) + exp(−f + log σ(f/τ)) so that a margin of −1e3 nats
 * gives a finite loss (TRL's exp(−f)·m is ∞·0 there).
 * Rewards: β·(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

export const discopop = defineObjective({
  name: 'discopop',
  requiresReference: true,
  description: 'DiscoPOP (Lu et al. 2024): logistic/exponential blend modulated by σ(f/τ)',
  options: {
    beta: betaOption,
    tau: {
      type: 'number',
      default: 0.05,
      min: 0,
      exclusiveMin: true,
      description: 'τ > 0: temperature of the modulation σ(f/τ)',
    },
  },
  compute: (inputs, { beta, tau }) => {
    const { chosen, rejected, chosenRewards, rejectedRewards } = logRatios(inputs, beta); // [B] each
    const logits = tf.mul(beta, tf.sub(chosen, rejected)); // [B]
    const scaled = tf.div(logits, tau); // [B]
    const logistic = tf.mul(tf.sigmoid(tf.neg(scaled)), tf.neg(logSigmoid(logits))); // [B]
    const exponential = tf.exp(tf.add(tf.neg(logits), logSigmoid(scaled))); // [B]
    const losses = tf.add(logistic, exponential) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
