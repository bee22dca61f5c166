/**
 * SimPO — Meng, Xia, Chen 2024, "SimPO: Simple Preference Optimization with a Reference-Free
 * Reward", Eq. 6, as princeton-nlp/SimPO's `simpo_loss`:
 *   r(y) = β·log π(y)/|y|   (lengthNormalize; β·log π(y) otherwise)
 *   h_i = r(y_w) − r(y_l) − γ,   γ = gamma, or gammaBetaRatio·β (the repo's form)
 *   sigmoid: loss_i = −(1 − ε)·log σ(h_i) − ε·log σ(−h_i)      hinge: max(0, 1 − h_i)
 * (The repo writes h = β·(Δ − γ/β); identical.) Rewards: r(y_w), r(y_l).
 */
import * as tf from '@tensorflow/tfjs-core';
import { PrefoptError, defineObjective, logSigmoid } from '@prefopt/core';

export const simpo = defineObjective({
  name: 'simpo',
  requiresReference: false,
  description:
    'SimPO (Meng et al. 2024, Eq. 6): reference-free, length-normalised reward with margin γ',
  options: {
    beta: {
      type: 'number',
      default: 2,
      min: 0,
      exclusiveMin: true,
      description: 'β: reward scale',
    },
    gamma: {
      type: 'number',
      default: undefined,
      min: 0,
      description: 'γ ≥ 0: target reward margin, absolute (default 1 when gammaBetaRatio is unset)',
    },
    gammaBetaRatio: {
      type: 'number',
      default: undefined,
      min: 0,
      description: 'γ/β ≥ 0: the margin as the SimPO repo sets it (γ = ratio·β); not with gamma',
    },
    lengthNormalize: {
      type: 'boolean',
      default: true,
      description: 'divide log-probs by completion length (false: summed log-probs)',
    },
    lossType: {
      type: 'enum',
      values: ['sigmoid', 'hinge'],
      default: 'sigmoid',
      description: 'preference loss',
    },
    labelSmoothing: {
      type: 'number',
      default: 0,
      min: 0,
      max: 0.5,
      exclusiveMax: true,
      description: 'ε: label smoothing of the sigmoid loss (lossType sigmoid only)',
    },
  },
  validate: ({ gamma, gammaBetaRatio, lossType, labelSmoothing }) => {
    if (gamma !== undefined && gammaBetaRatio !== undefined) {
      throw new PrefoptError(
        'config',
        `simpo: give either 'gamma' (absolute margin) or 'gammaBetaRatio' (γ/β), not both; got gamma ${gamma} and gammaBetaRatio ${gammaBetaRatio}.`,
      );
    }
    if (lossType === 'hinge' && labelSmoothing > 0) {
      throw new PrefoptError(
        'config',
        `simpo: option 'labelSmoothing' applies to lossType 'sigmoid' only; set it to 0 or use lossType 'sigmoid'.`,
      );
    }
  },
  compute: (
    { policy, lengths },
    { beta, gamma, gammaBetaRatio, lengthNormalize, lossType, labelSmoothing },
  ) => {
    const margin = gammaBetaRatio !== undefined ? gammaBetaRatio * beta : (gamma ?? 1);
    const chosen = lengthNormalize ? tf.div(policy.chosen, lengths.chosen) : policy.chosen; // [B]
    const rejected = lengthNormalize ? tf.div(policy.rejected, lengths.rejected) : policy.rejected; // [B]
    const chosenRewards = tf.mul(beta, chosen) as tf.Tensor1D; // [B]
    const rejectedRewards = tf.mul(beta, rejected) as tf.Tensor1D; // [B]
    const logits = tf.sub(tf.sub(chosenRewards, rejectedRewards), margin); // [B]
    const losses = (
      lossType === 'hinge'
        ? tf.relu(tf.sub(1, logits))
        : tf.sub(
            tf.mul(-(1 - labelSmoothing), logSigmoid(logits)),
            tf.mul(labelSmoothing, logSigmoid(tf.neg(logits))),
          )
    ) as tf.Tensor1D; // [B]
    return { loss: tf.mean(losses) as tf.Scalar, losses, chosenRewards, rejectedRewards };
  },
});
