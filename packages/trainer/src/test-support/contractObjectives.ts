import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, defineUnpairedObjective, logSigmoid } from '@prefopt/core';

/**
 * Contract-v2 objectives for the trainer's specs, independent of the objective packages:
 * `tokenDpoLike` recomputes DPO from the per-token inputs (so it must equal `dpoLike`
 * bit for bit when the trainer's per-token path is right), `squaredMassWeighted` asks for
 * logit statistics too, `runningShift` is an unpaired objective with a running-mean state
 * (BCO's shape: δ ← mean of every reward seen, then −log σ(±(r − δ))).
 */
export const contractObjectives = {
  tokenDpoLike: defineObjective({
    name: 'token-dpo-like',
    requiresReference: true,
    description: 'DPO from per-token inputs, for trainer specs',
    needs: { tokenLogps: true },
    options: { beta: { type: 'number', default: 0.1, description: 'β' } },
    compute: ({ tokens }, { beta }) => {
      const t = tokens!;
      const sum = (x: tf.Tensor2D, m: tf.Tensor2D) => tf.sum(tf.mul(x, m), 1); // [B]
      const c = tf.sub(
        sum(t.policy.chosen, t.completionMask.chosen),
        sum(t.reference!.chosen, t.completionMask.chosen),
      );
      const r = tf.sub(
        sum(t.policy.rejected, t.completionMask.rejected),
        sum(t.reference!.rejected, t.completionMask.rejected),
      );
      const losses = tf.neg(logSigmoid(tf.mul(beta, tf.sub(c, r)))) as tf.Tensor1D; // [B]
      return {
        loss: tf.mean(losses) as tf.Scalar,
        losses,
        chosenRewards: tf.mul(beta, c) as tf.Tensor1D,
        rejectedRewards: tf.mul(beta, r) as tf.Tensor1D,
      };
    },
  }),
  squaredMassWeighted: defineObjective({
    name: 'squared-mass-weighted',
    requiresReference: false,
    description: 'reference-free loss weighted by exp(mean log Σp²), for trainer specs',
    needs: { tokenLogitStats: true },
    options: {},
    compute: ({ policy, lengths, tokens }) => {
      const t = tokens!;
      const w = tf.exp(
        tf.div(
          tf.sum(tf.mul(t.logSquaredMass!.chosen, t.completionMask.chosen), 1),
          lengths.chosen,
        ),
      ); // [B]
      const c = tf.div(policy.chosen, lengths.chosen) as tf.Tensor1D;
      const r = tf.div(policy.rejected, lengths.rejected) as tf.Tensor1D;
      const losses = tf.mul(w, tf.neg(logSigmoid(tf.sub(c, r)))) as tf.Tensor1D; // [B]
      return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards: c, rejectedRewards: r };
    },
  }),
  runningShift: defineUnpairedObjective({
    name: 'running-shift',
    requiresReference: true,
    requiresKl: true,
    description: 'BCO-shaped unpaired loss with a running mean state, for trainer specs',
    options: {},
    state: { initial: { mean: 0, count: 0 }, description: 'running mean of the rewards' },
    compute: ({ policy, reference, labels, kl, state }) => {
      const rewards = tf.sub(policy, reference!) as tf.Tensor1D; // [N]
      const n = rewards.shape[0];
      const count = tf.add(state!.count, n) as tf.Scalar;
      const mean = tf.div(
        tf.add(tf.mul(state!.mean, state!.count), tf.sum(rewards)),
        count,
      ) as tf.Scalar;
      const z = tf.sub(rewards, tf.add(mean, tf.mul(0, tf.sum(kl!.policy)))); // [N]
      const sign = tf.sub(tf.mul(2, labels), 1); // [N] ±1
      const losses = tf.neg(logSigmoid(tf.mul(sign, z))) as tf.Tensor1D; // [N]
      return { loss: tf.mean(losses) as tf.Scalar, losses, rewards, state: { mean, count } };
    },
  }),
};
