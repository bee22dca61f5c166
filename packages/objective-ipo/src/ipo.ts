/**
 * IPO — Azar et al. 2023, "A General Theoretical Paradigm to Understand Learning from Human
 * Preferences", Eq. 17 (τ = β), on per-token-averaged log-ratios as TRL's `loss_type="ipo"`
 * does (its log-probs are divided by the completion length for IPO):
 *   z = (log π(y_w) − log π_ref(y_w))/|y_w| − (log π(y_l) − log π_ref(y_l))/|y_l|
 *   loss_i = (z − 1/(2β))²
 * Rewards: β·(log π − log π_ref)/|y| (TRL's rewards from the averaged log-probs).
 */
import * as tf from '@tensorflow/tfjs-core';
import { defineObjective } from '@prefopt/core';

export const ipo = defineObjective({
  name: 'ipo',
  requiresReference: true,
  description: 'IPO (Azar et al. 2023, Eq. 17): squared loss towards a log-ratio margin 1/(2β)',
  options: {
    beta: {
      type: 'number',
      default: 0.1,
      min: 0,
      exclusiveMin: true,
      description: 'β (τ in the paper): regularisation; the target margin is 1/(2β)',
    },
  },
  compute: ({ policy, reference, lengths }, { beta }) => {
    const chosenLogratios = tf.div(tf.sub(policy.chosen, reference!.chosen), lengths.chosen); // [B]
    const rejectedLogratios = tf.div(
      tf.sub(policy.rejected, reference!.rejected),
      lengths.rejected,
    ); // [B]
    const logits = tf.sub(chosenLogratios, rejectedLogratios); // [B]
    const losses = tf.square(tf.sub(logits, 1 / (2 * beta))) as tf.Tensor1D; // [B]
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: tf.mul(beta, chosenLogratios) as tf.Tensor1D, // [B]
      rejectedRewards: tf.mul(beta, rejectedLogratios) as tf.Tensor1D, // [B]
    };
  },
});
