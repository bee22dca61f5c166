/**
 * BCO — Jung, Lee, Lee, Kim 2024, "Binary Classifier Optimization for Large Language Model
 * Alignment" (arXiv 2404.04656), as TRL 1.13's BCOTrainer (trl.experimental.bco, without
 * UDM) on unpaired feedback, with its running reward shift δ (state):
 *   r_i = β(log π(y_i|x_i) − log π_ref(y_i|x_i))
 *   running moments updated with the batch's {r_i} first (RunningMoments.update: count
 *   starts at 1e-24, mean 0, var 1), then δ = running mean (no gradient)
 *   desirable: loss_i = −log σ(r_i − δ);  undesirable: loss_i = −log σ(−(r_i − δ))
 *   loss = mean_i loss_i
 * State { mean, var, count } is carried across steps, saved in checkpoints and restored on
 * resume, as TRL's `running.json`. Rewards: r_i.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineUnpairedObjective, logSigmoid, stopGradient } from '@prefopt/core';

export const bco = defineUnpairedObjective({
  name: 'bco',
  requiresReference: true,
  requiresKl: false,
  description:
    'BCO (Jung et al. 2024): binary classifier on unpaired feedback around a running reward mean δ',
  options: {
    beta: {
      type: 'number',
      default: 0.1,
      min: 0,
      exclusiveMin: true,
      description: 'β: inverse temperature of the implicit reward',
    },
  },
  state: {
    initial: { mean: 0, var: 1, count: 1e-24 },
    description: 'running moments of the rewards (TRL RunningMoments); δ is the mean',
  },
  compute: ({ policy, reference, labels, state }, { beta }) => {
    const rewards = tf.mul(beta, tf.sub(policy, reference!)) as tf.Tensor1D; // [N]
    const xs = stopGradient(rewards); // [N]
    const n = xs.shape[0];
    const { mean: xsMean, variance: xsVar } = tf.moments(xs); // [] each, biased variance
    const { mean, var: variance, count } = state!;
    const d = tf.sub(xsMean, mean); // []
    const total = tf.add(count, n); // []
    const nextMean = tf.add(mean, tf.div(tf.mul(d, n), total)) as tf.Scalar;
    const oldSum = tf.add(
      tf.mul(variance, count),
      tf.div(tf.mul(tf.square(d), tf.mul(count, n)), total),
    );
    const nextVar = tf.div(tf.add(oldSum, tf.mul(xsVar, n)), total) as tf.Scalar;
    const delta = nextMean; // [] δ after this batch's update, as TRL
    const shifted = tf.sub(rewards, delta); // [N]
    const losses = tf.neg(
      tf.add(
        tf.mul(labels, logSigmoid(shifted)),
        tf.mul(tf.sub(1, labels), logSigmoid(tf.neg(shifted))),
      ),
    ) as tf.Tensor1D; // [N]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      rewards,
      state: { mean: nextMean, var: nextVar, count: total as tf.Scalar },
    };
  },
});
