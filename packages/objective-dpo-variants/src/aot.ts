/**
 * AOT — Melnyk, Mroueh, Belgodere et al. 2024, "Distributional Preference Alignment of LLMs
 * via Optimal Transport" (arXiv 2406.05882), paired form, as TRL 1.13's DPOTrainer
 * `loss_type="aot"`: the batch's policy and reference log-ratio margins are each sorted,
 * and DPO's (label-smoothed) logistic loss is applied to the sorted differences:
 *   u = sort_i(log π(y_w) − log π(y_l)),  u_ref = sort_i(log π_ref(y_w) − log π_ref(y_l))
 *   loss_k = −(1−ε)·log σ(β(u_k − u_ref,k)) − ε·log σ(−β(u_k − u_ref,k))
 * `losses` are per sorted rank (not per pair). Rewards: β(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption, labelSmoothingOption } from './betaOption';
import { logRatios } from './logRatios';
import { sortAscending } from './sortAscending';

export const aot = defineObjective({
  name: 'aot',
  requiresReference: true,
  description: 'AOT (Melnyk et al. 2024): DPO on batch-sorted log-ratio margins (TRL aot)',
  options: {
    beta: betaOption,
    labelSmoothing: labelSmoothingOption,
  },
  compute: (inputs, { beta, labelSmoothing }) => {
    const { policy, reference } = inputs;
    const u = sortAscending(tf.sub(policy.chosen, policy.rejected) as tf.Tensor1D); // [B]
    const uRef = sortAscending(tf.sub(reference!.chosen, reference!.rejected) as tf.Tensor1D); // [B]
    const z = tf.mul(beta, tf.sub(u, uRef)); // [B]
    const losses = tf.neg(
      tf.add(
        tf.mul(1 - labelSmoothing, logSigmoid(z)),
        tf.mul(labelSmoothing, logSigmoid(tf.neg(z))),
      ),
    ) as tf.Tensor1D; // [B]
    const { chosenRewards, rejectedRewards } = logRatios(inputs, beta);
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
