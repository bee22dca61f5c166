/**
 * f-DPO — Wang, Jiang, Yang, Liu, Chen 2023, "Beyond Reverse KL: Generalizing Direct
 * Preference Optimization with Diverse Divergence Constraints" (arXiv 2309.16240), as TRL
 * 1.13's DPOTrainer `f_divergence_type` with `loss_type="sigmoid"`: the log-ratio
 * ℓ = log π(y) − log π_ref(y) (t = e^ℓ) enters through f'(t):
 *   reverse_kl: s = ℓ                 forward_kl: s = 1 − e^{−ℓ}
 *   js_divergence: s = log 2 + log σ(ℓ)
 *   alpha_divergence: s = (e^{(α−1)ℓ} − 1)/(α−1), exponent clamped at 80 (α = 1: s = ℓ)
 *   loss_i = −log σ(β(s_w − s_l))
 * Rewards: β·ℓ (TRL logs the log-ratios, not the scores).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';

const DIVERGENCES = ['reverse_kl', 'forward_kl', 'js_divergence', 'alpha_divergence'] as const;

function score(l: tf.Tensor1D, divergence: string, alpha: number): tf.Tensor1D {
  if (divergence === 'forward_kl') return tf.sub(1, tf.exp(tf.neg(l))) as tf.Tensor1D; // [B]
  if (divergence === 'js_divergence') return tf.add(Math.log(2), logSigmoid(l)) as tf.Tensor1D;
  if (divergence === 'alpha_divergence' && Math.abs(alpha - 1) >= 1e-6) {
    const t = tf.minimum(tf.mul(alpha - 1, l), 80); // [B]
    return tf.mul(tf.sub(tf.exp(t), 1), 1 / (alpha - 1)) as tf.Tensor1D;
  }
  return l; // reverse KL (and the α → 1 limit)
}

export const fDpo = defineObjective({
  name: 'f-dpo',
  requiresReference: true,
  description: 'f-DPO (Wang et al. 2023): DPO under a chosen f-divergence (TRL f_divergence_type)',
  options: {
    beta: betaOption,
    divergence: {
      type: 'enum',
      values: DIVERGENCES,
      default: 'reverse_kl',
      description: 'the f-divergence (TRL f_divergence_type); reverse_kl is plain DPO',
    },
    alpha: {
      type: 'number',
      default: 1,
      description: 'α of alpha_divergence (TRL f_alpha_divergence_coef)',
    },
  },
  compute: (inputs, { beta, divergence, alpha }) => {
    const r = logRatios(inputs, beta);
    const delta = tf.sub(score(r.chosen, divergence, alpha), score(r.rejected, divergence, alpha));
    const losses = tf.neg(logSigmoid(tf.mul(beta, delta))) as tf.Tensor1D; // [B]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: r.chosenRewards,
      rejectedRewards: r.rejectedRewards,
    };
  },
});
