import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid } from '@prefopt/core';

/**
 * Two objectives for the trainer's specs, so they do not depend on the objective packages:
 * `simpoLike` (reference-free: −log σ(β·(c/|c| − r/|r|) − γ)) and `dpoLike`
 * (−log σ(β·((c − c_ref) − (r − r_ref)))).
 */
export const testObjectives = {
  simpoLike: defineObjective({
    name: 'simpo-like',
    requiresReference: false,
    description: 'SimPO formula, for trainer specs',
    options: {
      beta: { type: 'number', default: 2, min: 0, exclusiveMin: true, description: 'β' },
      gamma: { type: 'number', default: 1, description: 'γ' },
    },
    compute: ({ policy, lengths }, { beta, gamma }) => {
      const c = tf.mul(tf.div(policy.chosen, lengths.chosen), beta) as tf.Tensor1D; // [B]
      const r = tf.mul(tf.div(policy.rejected, lengths.rejected), beta) as tf.Tensor1D; // [B]
      const losses = tf.neg(logSigmoid(tf.sub(tf.sub(c, r), gamma))) as tf.Tensor1D; // [B]
      return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards: c, rejectedRewards: r };
    },
  }),
  dpoLike: defineObjective({
    name: 'dpo-like',
    requiresReference: true,
    description: 'DPO formula, for trainer specs',
    options: {
      beta: { type: 'number', default: 0.1, min: 0, exclusiveMin: true, description: 'β' },
    },
    compute: ({ policy, reference, lengths: _l }, { beta }) => {
      const c = tf.mul(tf.sub(policy.chosen, reference!.chosen), beta) as tf.Tensor1D; // [B]
      const r = tf.mul(tf.sub(policy.rejected, reference!.rejected), beta) as tf.Tensor1D; // [B]
      const losses = tf.neg(logSigmoid(tf.sub(c, r))) as tf.Tensor1D; // [B]
      return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards: c, rejectedRewards: r };
    },
  }),
};
