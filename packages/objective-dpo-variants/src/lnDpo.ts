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
import { logRatios } from './logRatios';

export const lnDpo = defineObjective({
  name: 'ln-dpo',
  requiresReference: true,
  description: 'length-normalised DPO: DPO on per-token-averaged log-ratios',
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const { chosen, rejected, chosenRewards, rejectedRewards } = logRatios(inputs, beta, true); // [B] each, per token
    const logits = tf.mul(beta, tf.sub(chosen, rejected)); // [B]
    const losses = tf.neg(logSigmoid(logits)) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
