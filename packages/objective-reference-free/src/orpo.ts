/**
 * ORPO — Hong, Lee, Thorne 2024, "ORPO: Monolithic Preference Optimization without
 * Reference Model", Eq. 6–7 (L = L_SFT + λ·L_OR), as TRL's ORPOTrainer (λ = its `beta`),
 * on per-token-averaged log-probs p̄(y) = log π(y)/|y|:
 *   log-odds_i = (p̄_w − p̄_l) − (log(1 − e^{p̄_w}) − log(1 − e^{p̄_l}))
 *   loss_i = −λ·log σ(log-odds_i)
 *   loss   = NLL + mean_i loss_i,   NLL = −Σ log π(y_w) / Σ |y_w| over the batch
 * Rewards: λ·p̄(y).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { chosenNll } from './chosenNll';
import { log1mExp } from './log1mExp';

export const orpo = defineObjective({
  name: 'orpo',
  requiresReference: false,
  description: 'ORPO (Hong et al. 2024): NLL plus λ·odds-ratio preference term, no reference',
  options: {
    lambda: {
      type: 'number',
      default: 0.1,
      min: 0,
      description: 'λ ≥ 0: weight of the odds-ratio term (TRL calls it beta)',
    },
  },
  compute: ({ policy, lengths }, { lambda }) => {
    const chosen = tf.div(policy.chosen, lengths.chosen) as tf.Tensor1D; // [B]
    const rejected = tf.div(policy.rejected, lengths.rejected) as tf.Tensor1D; // [B]
    const logOdds = tf.sub(tf.sub(chosen, rejected), tf.sub(log1mExp(chosen), log1mExp(rejected))); // [B]
    const losses = tf.mul(-lambda, logSigmoid(logOdds)) as tf.Tensor1D; // [B]
    const loss = tf.add(chosenNll(policy.chosen, lengths.chosen), tf.mean(losses)) as tf.Scalar; // []
    return {
      loss,
      losses,
      chosenRewards: tf.mul(lambda, chosen) as tf.Tensor1D, // [B]
      rejectedRewards: tf.mul(lambda, rejected) as tf.Tensor1D, // [B]
    };
  },
});
