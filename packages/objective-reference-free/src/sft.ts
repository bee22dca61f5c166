/**
 * SFT — supervised fine-tuning on the chosen completions only (the NLL term that CPO,
 * ORPO and TRL's `loss_type=["sigmoid", "sft"]` add; e.g. Ouyang et al. 2022's SFT stage):
 *   loss   = −Σ log π(y_w) / Σ |y_w| over the batch (token-weighted mean NLL)
 *   loss_i = −log π(y_w,i) / |y_w,i| (each pair's per-token NLL, for metrics)
 * Rejected completions are ignored. Rewards: log π(y)/|y| (β = 1).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective } from '@prefopt/core';
import { chosenNll } from './chosenNll';

export const sft = defineObjective({
  name: 'sft',
  requiresReference: false,
  description: 'SFT: mean NLL over the chosen completion tokens, reference-free',
  options: {},
  compute: ({ policy, lengths }) => {
    const chosenRewards = tf.div(policy.chosen, lengths.chosen) as tf.Tensor1D; // [B]
    return {
      loss: chosenNll(policy.chosen, lengths.chosen), // []
      losses: tf.neg(chosenRewards) as tf.Tensor1D, // [B]
      chosenRewards,
      rejectedRewards: tf.div(policy.rejected, lengths.rejected) as tf.Tensor1D, // [B]
    };
  },
});
