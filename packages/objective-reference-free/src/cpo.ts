/**
 * CPO — Xu et al. 2024, "Contrastive Preference Optimization: Pushing the Boundaries of LLM
 * Performance in Machine Translation" (arXiv 2401.08417), L = L_prefer + L_NLL, as TRL's CPOTrainer
 * with `loss_type="sigmoid"` and `cpo_alpha` = α (summed log-probs, no reference):
 *   loss_i = −log σ(β(log π(y_w) − log π(y_l)))
 *   loss   = mean_i loss_i + α·NLL,   NLL = −Σ log π(y_w) / Σ |y_w| over the batch
 * Rewards: β·log π(y) (summed).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { chosenNll } from './chosenNll';

export const cpo = defineObjective({
  name: 'cpo',
  requiresReference: false,
  description:
    'CPO (Xu et al. 2024): reference-free DPO-style preference term plus α·NLL on chosen',
  options: {
    beta: {
      type: 'number',
      default: 0.1,
      min: 0,
      exclusiveMin: true,
      description: 'β: reward scale',
    },
    alpha: {
      type: 'number',
      default: 1,
      min: 0,
      description: 'α ≥ 0: weight of the NLL term on chosen completions',
    },
  },
  compute: ({ policy, lengths }, { beta, alpha }) => {
    const chosenRewards = tf.mul(beta, policy.chosen) as tf.Tensor1D; // [B]
    const rejectedRewards = tf.mul(beta, policy.rejected) as tf.Tensor1D; // [B]
    const losses = tf.neg(logSigmoid(tf.sub(chosenRewards, rejectedRewards))) as tf.Tensor1D; // [B]
    const loss = tf.add(
      tf.mean(losses),
      tf.mul(alpha, chosenNll(policy.chosen, lengths.chosen)),
    ) as tf.Scalar; // []
    return { loss, losses, chosenRewards, rejectedRewards };
  },
});
