/**
 * LN-DPO — DPO on per-token-averaged log-ratios, the length-normalised DPO baseline of
 * Meng, Xia, Chen 2024 ("SimPO: Simple Preference Optimization with a Reference-Free
 * Reward"); DPO's Eq. 7 (Rafailov et al. 2023) with log π(y) replaced by log π(y)/|y|:
 *   z = (log π(y_w) − log π_ref(y_w))/|y_w| − (log π(y_l) − log π_ref(y_l))/|y_l|
 *   loss_i = −log σ(β z)
 * Rewards: β·(log π − log π_ref)/|y| (the normalised log-ratios it optimises).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption } from './betaOption';

export const lnDpo = defineObjective({
  name: 'ln-dpo',
  requiresReference: true,
  description: 'length-normalised DPO: DPO on per-token-averaged log-ratios',
  options: { beta: betaOption },
  compute: ({ policy, reference, lengths }, { beta }) => {
    const chosenLogratios = tf.div(tf.sub(policy.chosen, reference!.chosen), lengths.chosen); // [B]
    const rejectedLogratios = tf.div(
      tf.sub(policy.rejected, reference!.rejected),
      lengths.rejected,
    ); // [B]
    const logits = tf.mul(beta, tf.sub(chosenLogratios, rejectedLogratios)); // [B]
    const losses = tf.neg(logSigmoid(logits)) as tf.Tensor1D; // [B]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: tf.mul(beta, chosenLogratios) as tf.Tensor1D, // [B]
      rejectedRewards: tf.mul(beta, rejectedLogratios) as tf.Tensor1D, // [B]
    };
  },
});
