import * as tf from '@tensorflow/tfjs-core';
import type { Objective, ObjectiveInputs, PairTokens } from '@prefopt/core';
import type { LossReport } from './evaluateLoss';
import type { LossInput } from './readLossInput';
import { noTokens } from './readLossTokens';

/** `prefopt loss`'s report with per-token inputs: also d loss / d tokens.policy. */
export interface TokenLossReport extends LossReport {
  /** d loss / d tokens.policy, with the summed inputs derived from those tokens (the trainer's view). */
  gradTokens: { chosen: number[][]; rejected: number[][] };
}

/**
 * Evaluates an objective given per-token inputs (objective contract v2). gradChosen /
 * gradRejected are d loss / d the summed policy log-probs with the tokens held fixed;
 * gradTokens differentiates through the tokens, the sums following them. Frees every tensor.
 */
export function evaluateTokenLoss(objective: Objective, input: LossInput): TokenLossReport {
  const t = input.tokens ?? noTokens(objective.name);
  const report = {} as TokenLossReport;
  tf.tidy(() => {
    const pair = (p: { chosen: number[]; rejected: number[] }) => ({
      chosen: tf.tensor1d(p.chosen, 'float32'), // [B]
      rejected: tf.tensor1d(p.rejected, 'float32'),
    });
    const rows = (p: { chosen: number[][]; rejected: number[][] }): PairTokens => ({
      chosen: tf.tensor2d(p.chosen, undefined, 'float32'), // [B, T]
      rejected: tf.tensor2d(p.rejected, undefined, 'float32'),
    });
    const lengths = pair(input.lengths);
    const reference = input.reference ? pair(input.reference) : undefined;
    const policy = pair(input.policy);
    const mask = rows(t.completionMask);
    const fixed = {
      reference: t.reference ? rows(t.reference) : undefined,
      completionMask: mask,
      sequenceMask: rows(t.sequenceMask),
      ...(t.logSquaredMass ? { logSquaredMass: rows(t.logSquaredMass) } : {}),
    };
    const tokens = rows(t.policy);
    const inputsOf = (p: ObjectiveInputs['policy'], tok: PairTokens): ObjectiveInputs => ({
      policy: p,
      reference,
      lengths,
      tokens: { policy: tok, ...fixed },
    });
    const out = objective.compute(inputsOf(policy, tokens));
    const zero = (xs: tf.Tensor[]) => tf.mul(0, tf.addN(xs.map((x) => tf.sum(x)))); // keeps unused inputs on the tape
    const [gc, gr] = tf.grads((c: tf.Tensor, r: tf.Tensor) =>
      tf.add(
        objective.compute(
          inputsOf({ chosen: c as tf.Tensor1D, rejected: r as tf.Tensor1D }, tokens),
        ).loss,
        zero([c, r]),
      ),
    )([policy.chosen, policy.rejected]);
    const [tc, tr] = tf.grads((c: tf.Tensor, r: tf.Tensor) => {
      const sums = {
        chosen: tf.sum(tf.mul(c, mask.chosen), 1) as tf.Tensor1D, // [B]
        rejected: tf.sum(tf.mul(r, mask.rejected), 1) as tf.Tensor1D,
      };
      const tok = { chosen: c as tf.Tensor2D, rejected: r as tf.Tensor2D };
      return tf.add(objective.compute(inputsOf(sums, tok)).loss, zero([c, r]));
    })([tokens.chosen, tokens.rejected]);
    Object.assign(report, {
      loss: out.loss.dataSync()[0],
      losses: Array.from(out.losses.dataSync()),
      chosenRewards: Array.from(out.chosenRewards.dataSync()),
      rejectedRewards: Array.from(out.rejectedRewards.dataSync()),
      gradChosen: Array.from(gc.dataSync()),
      gradRejected: Array.from(gr.dataSync()),
      gradTokens: { chosen: tc.arraySync() as number[][], rejected: tr.arraySync() as number[][] },
    });
  });
  return report;
}
