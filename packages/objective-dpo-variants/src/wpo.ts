/**
 * WPO — Zhou, Agrawal, Zhang et al. 2024, "WPO: Enhancing RLHF with Weighted Preference
 * Optimization" (arXiv 2406.11827), Eq. 2 as TRL 1.13's DPOTrainer `use_weighting=True`
 * with `loss_type="sigmoid"`: each pair's DPO loss is weighted by how likely the policy is
 * to produce both completions, with each token's probability aligned by Σ_v p_v²:
 *   w(y) = exp( Σ_t (log π(y_t) − log Σ_v π(v)²) / |y| )        (no gradient)
 *   loss_i = −log σ(β[(log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l))]) · w(y_w)·w(y_l)
 * Needs per-token log-probs and logit statistics. Rewards: β(log π − log π_ref).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective, logSigmoid, stopGradient } from '@prefopt/core';
import { betaOption } from './betaOption';
import { logRatios } from './logRatios';
import { maskedRowSum } from './tokenSums';

export const wpo = defineObjective({
  name: 'wpo',
  requiresReference: true,
  description:
    'WPO (Zhou et al. 2024): DPO weighted by the policy’s aligned probability of both completions (TRL use_weighting)',
  needs: { tokenLogps: true, tokenLogitStats: true },
  options: { beta: betaOption },
  compute: (inputs, { beta }) => {
    const t = inputs.tokens!;
    const weight = (tok: tf.Tensor2D, stat: tf.Tensor2D, mask: tf.Tensor2D) =>
      stopGradient(
        tf.exp(
          tf.div(
            maskedRowSum(tf.sub(tok, stat) as tf.Tensor2D, mask),
            tf.maximum(tf.sum(mask, 1), 1),
          ),
        ),
      ) as tf.Tensor1D; // [B]
    const wChosen = weight(t.policy.chosen, t.logSquaredMass!.chosen, t.completionMask.chosen);
    const wRejected = weight(
      t.policy.rejected,
      t.logSquaredMass!.rejected,
      t.completionMask.rejected,
    );
    const r = logRatios(inputs, beta);
    const dpo = tf.neg(logSigmoid(tf.mul(beta, tf.sub(r.chosen, r.rejected)))); // [B]
    const losses = tf.mul(dpo, tf.mul(wChosen, wRejected)) as tf.Tensor1D; // [B]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: r.chosenRewards,
      rejectedRewards: r.rejectedRewards,
    };
  },
});
