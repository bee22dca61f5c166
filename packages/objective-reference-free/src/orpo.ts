/**
 * ORPO — Hong, Lee, Thorne 2024, "ORPO: Monolithic Preference Optimization without
 * Reference Model", Eq. 6–7 (L = L_SFT + λ·L_OR), as TRL 1.13's ORPOTrainer
 * (trl.experimental.orpo; λ = its `beta`), on per-token-averaged completion log-probs
 * p̄(y) = log π(y)/|y|:
 *   log-odds_i = (p̄_w − p̄_l) − (log(1 − e^{p̄_w}) − log(1 − e^{p̄_l}))
 *   loss_i = −λ·log σ(log-odds_i)
 *   loss   = NLL + mean_i loss_i
 * `nll: 'sequence'` (default, as TRL's ORPOTrainer): NLL = token mean of −log π over the
 * chosen rows' prompt + completion tokens (needs per-token log-probs);
 * `nll: 'completion'`: NLL = −Σ log π(y_w) / Σ |y_w| over the batch (completion tokens only).
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
    nll: {
      type: 'enum',
      values: ['sequence', 'completion'],
      default: 'sequence',
      description:
        "tokens of the NLL term: 'sequence' prompt + completion (TRL ORPOTrainer), 'completion' only",
    },
  },
  needs: ({ nll }) => (nll === 'sequence' ? { tokenLogps: true } : {}),
  compute: ({ policy, lengths, tokens }, { lambda, nll }) => {
    const chosen = tf.div(policy.chosen, lengths.chosen) as tf.Tensor1D; // [B]
    const rejected = tf.div(policy.rejected, lengths.rejected) as tf.Tensor1D; // [B]
    const logOdds = tf.sub(tf.sub(chosen, rejected), tf.sub(log1mExp(chosen), log1mExp(rejected))); // [B]
    const losses = tf.mul(-lambda, logSigmoid(logOdds)) as tf.Tensor1D; // [B]
    const nllTerm =
      nll === 'sequence'
        ? tf.div(
            tf.neg(tf.sum(tf.mul(tokens!.policy.chosen, tokens!.sequenceMask.chosen))),
            tf.sum(tokens!.sequenceMask.chosen),
          ) // [] over every chosen prompt + completion token
        : chosenNll(policy.chosen, lengths.chosen);
    const loss = tf.add(nllTerm, tf.mean(losses)) as tf.Scalar; // []
    return {
      loss,
      losses,
      chosenRewards: tf.mul(lambda, chosen) as tf.Tensor1D, // [B]
      rejectedRewards: tf.mul(lambda, rejected) as tf.Tensor1D, // [B]
    };
  },
});
