/**
 * DPO — Rafailov et al. 2023, "Direct Preference Optimization: Your Language Model is
 * Secretly a Reward Model", Eq. 7; with label smoothing ε it is the conservative DPO (cDPO)
 * of Mitchell 2023, as TRL's `loss_type="sigmoid"`:
 *   z = (log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))
 *   loss_i = −(1 − ε)·log σ(β z) − ε·log σ(−β z)
 * Rewards: β·(log π − log π_ref) per completion (summed log-probs).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';

export const dpo = defineObjective({
  name: 'dpo',
  requiresReference: true,
  description: 'DPO (Rafailov et al. 2023, Eq. 7); labelSmoothing > 0 gives cDPO',
  options: {
    beta: {
      type: 'number',
      default: 0.1,
      min: 0,
      exclusiveMin: true,
      description: 'β: strength of the KL penalty towards the reference',
    },
    labelSmoothing: {
      type: 'number',
      default: 0,
      min: 0,
      max: 0.5,
      exclusiveMax: true,
      description: 'ε: probability that a preference label is flipped (cDPO)',
    },
  },
  compute: ({ policy, reference }, { beta, labelSmoothing }) => {
    const ref = reference!;
    const chosenLogratios = tf.sub(policy.chosen, ref.chosen); // [B]
    const rejectedLogratios = tf.sub(policy.rejected, ref.rejected); // [B]
    const logits = tf.mul(beta, tf.sub(chosenLogratios, rejectedLogratios)); // [B]
    const losses = tf.sub(
      tf.mul(-(1 - labelSmoothing), logSigmoid(logits)),
      tf.mul(labelSmoothing, logSigmoid(tf.neg(logits))),
    ) as tf.Tensor1D; // [B]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: tf.mul(beta, chosenLogratios) as tf.Tensor1D, // [B]
      rejectedRewards: tf.mul(beta, rejectedLogratios) as tf.Tensor1D, // [B]
    };
  },
});
