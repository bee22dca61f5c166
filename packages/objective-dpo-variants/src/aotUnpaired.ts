/**
 * AOT (unpaired form) — Melnyk et al. 2024 (arXiv 2406.05882), as TRL 1.13's DPOTrainer
 * `loss_type="aot_unpaired"`: the chosen and the rejected log-ratios are sorted separately,
 * so the pairing of the batch is not used (TRL runs it on DPO's paired batches, as here):
 *   a = sort_i(log π(y_w) − log π_ref(y_w)),  b = sort_i(log π(y_l) − log π_ref(y_l))
 *   loss_k = −(1−ε)·log σ(β(a_k − b_k)) − ε·log σ(−β(a_k − b_k))
 * Rewards: β(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption, labelSmoothingOption } from './betaOption';
import { logRatios } from './logRatios';
import { sortAscending } from './sortAscending';

export const aotUnpaired = defineObjective({
  name: 'aot-unpaired',
  requiresReference: true,
  description:
    'AOT unpaired (Melnyk et al. 2024): chosen and rejected log-ratios sorted apart (TRL aot_unpaired)',
  options: {
    beta: betaOption,
    labelSmoothing: labelSmoothingOption,
  },
  compute: (inputs, { beta, labelSmoothing }) => {
    const r = logRatios(inputs, beta);
    const z = tf.mul(beta, tf.sub(sortAscending(r.chosen), sortAscending(r.rejected))); // [B]
    const losses = tf.neg(
      tf.add(
        tf.mul(1 - labelSmoothing, logSigmoid(z)),
        tf.mul(labelSmoothing, logSigmoid(tf.neg(z))),
      ),
    ) as tf.Tensor1D; // [B]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: r.chosenRewards,
      rejectedRewards: r.rejectedRewards,
    };
  },
});
