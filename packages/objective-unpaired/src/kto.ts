/**
 * KTO — Ethayarajh, Xu, Muennighoff, Jurafsky, Kiela 2024, "KTO: Model Alignment as Prospect
 * Theoretic Optimization" (arXiv 2402.01306), Eq. 7–8, as TRL 1.13's KTOTrainer
 * (`loss_type="kto"`) on unpaired feedback:
 *   r_i = log π(y_i|x_i) − log π_ref(y_i|x_i)
 *   z_ref = max(0, mean_i[log π(y'_i|x_i) − log π_ref(y'_i|x_i)])   (no gradient)
 *     where y'_i is a completion of another prompt of the batch (KTO's mismatched pairs)
 *   desirable:   loss_i = λ_D·(1 − σ(β(r_i − z_ref)))
 *   undesirable: loss_i = λ_U·(1 − σ(β(z_ref − r_i)))
 *   loss = mean_i loss_i
 * Rewards: β·r_i. The KL estimate z_ref is returned for metrics (TRL logs it as `kl`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineUnpairedObjective, stopGradient } from '@prefopt/core';

const weight = (description: string) =>
  ({ type: 'number', default: 1, min: 0, exclusiveMin: true, description }) as const;

export const kto = defineUnpairedObjective({
  name: 'kto',
  requiresReference: true,
  requiresKl: true,
  description:
    'KTO (Ethayarajh et al. 2024): prospect-theoretic loss on unpaired feedback, KL from mismatched pairs',
  options: {
    beta: {
      type: 'number',
      default: 0.1,
      min: 0,
      exclusiveMin: true,
      description: 'β: inverse temperature of the implicit reward',
    },
    desirableWeight: weight('λ_D > 0: weight of desirable examples (TRL desirable_weight)'),
    undesirableWeight: weight('λ_U > 0: weight of undesirable examples (TRL undesirable_weight)'),
  },
  compute: ({ policy, reference, labels, kl }, { beta, desirableWeight, undesirableWeight }) => {
    const r = tf.sub(policy, reference!); // [N]
    const z = stopGradient(tf.maximum(tf.mean(tf.sub(kl!.policy, kl!.reference)), 0)); // [] KL estimate
    const desirable = tf.mul(desirableWeight, tf.sub(1, tf.sigmoid(tf.mul(beta, tf.sub(r, z))))); // [N]
    const undesirable = tf.mul(
      undesirableWeight,
      tf.sub(1, tf.sigmoid(tf.mul(beta, tf.sub(z, r)))),
    ); // [N]
    const losses = tf.add(
      tf.mul(labels, desirable),
      tf.mul(tf.sub(1, labels), undesirable),
    ) as tf.Tensor1D; // [N]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      rewards: tf.mul(beta, r) as tf.Tensor1D,
      kl: z as tf.Scalar,
    };
  },
});
