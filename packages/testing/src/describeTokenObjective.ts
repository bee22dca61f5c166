import * as tf from '@tensorflow/tfjs';
import { PrefoptError, type ObjectiveFactory } from '@prefopt/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { trlObjectives, trlPairedInputs, type TrlCase } from './trlObjectives';
import { useCpuBackend } from './useCpuBackend';

/** float32 tolerance against TRL's float32 values: |a − b| ≤ tol·max(1, |b|). */
const TOL = 2e-5;

export function expectNear(actual: number, expected: number, what: string, tol = TOL): void {
  expect(
    Math.abs(actual - expected),
    `${what}: got ${actual}, expected ${expected}`,
  ).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;

/**
 * The conformance suite of a paired objective against TRL's own code (contract v2): for each
 * case of the committed TRL fixture naming this objective, the loss, the reward means TRL
 * logs and the gradient of the loss w.r.t. the policy's per-token log-probs (on completion
 * tokens; the summed inputs are built from the same tokens, as the trainer builds them) agree
 * within float32 tolerance; outputs are [] / [B]; no tensor is left behind; an objective that
 * declares per-token needs refuses inputs without them, naming `tokens`.
 */
export function describeTokenObjective(
  factory: ObjectiveFactory,
  filter?: (c: TrlCase) => boolean,
): void {
  const cases = trlObjectives().cases.filter(
    (c) => c.objective === factory.objectiveName && c.inputs === 'paired' && (filter?.(c) ?? true),
  );
  describe(`objective conformance against TRL ${trlObjectives().versions.trl}: ${factory.objectiveName}`, () => {
    beforeAll(async () => {
      await useCpuBackend();
    });
    it('has fixture cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) {
      it(`${c.case}: loss, reward means and per-token gradients equal TRL's`, () => {
        const objective = factory(c.options as never);
        const mask = trlObjectives().paired.completionMask;
        const before = tf.memory().numTensors;
        const tokens = tf.tensor2d(trlObjectives().paired.policyTokens); // [2B, T−1]
        const { loss, chosen, rejected, grad } = tf.tidy(() => {
          const out = objective.compute(trlPairedInputs(tokens));
          expect(out.loss.shape).toEqual([]);
          const b = tokens.shape[0] / 2;
          for (const t of [out.losses, out.chosenRewards, out.rejectedRewards])
            expect(t.shape).toEqual([b]);
          const g = tf.grad(
            (p: tf.Tensor) => objective.compute(trlPairedInputs(p as tf.Tensor2D)).loss,
          )(tokens);
          return {
            loss: out.loss.dataSync()[0],
            chosen: mean(out.chosenRewards.dataSync()),
            rejected: mean(out.rejectedRewards.dataSync()),
            grad: g.arraySync() as number[][],
          };
        });
        tokens.dispose();
        expect(tf.memory().numTensors).toBe(before);
        expectNear(loss, c.loss!, 'loss');
        if (c.rewardsChosenMean !== undefined)
          expectNear(chosen, c.rewardsChosenMean, 'rewards/chosen');
        if (c.rewardsRejectedMean !== undefined)
          expectNear(rejected, c.rewardsRejectedMean, 'rewards/rejected');
        if (c.gradTokens) {
          c.gradTokens.forEach((row, r) =>
            row.forEach((g, t) => {
              if (mask[r][t] === 1) expectNear(grad[r][t], g, `d loss/d tokens[${r}][${t}]`);
            }),
          );
        }
      });
    }
    it('refuses inputs without the per-token log-probs it declares', () => {
      const objective = factory(cases[0]?.options as never);
      if (!objective.needs?.tokenLogps) return;
      const tokens = tf.tensor2d(trlObjectives().paired.policyTokens);
      const inputs = trlPairedInputs(tokens);
      const call = () => objective.compute({ ...inputs, tokens: undefined });
      expect(call).toThrow(/inputs\.tokens is missing/);
      expect(() => call()).toThrow(PrefoptError);
      tf.dispose(tokens);
    });
  });
}
