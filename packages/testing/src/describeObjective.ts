import * as tf from '@tensorflow/tfjs';
import { PrefoptError, type Objective } from '@prefopt/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyObjectiveFactory, NumberInputs, ObjectiveCase } from './objectiveCase';
import { centralDifference as centralDifference } from './centralDifference';
import { objectivePolicyGrads } from './objectivePolicyGrads';
import { objectiveTestInputs } from './objectiveTestInputs';
import { readObjectiveOutput as readObjectiveOutput } from './readObjectiveOutput';
import { objectiveInputTensors } from './objectiveInputTensors';
import { objectiveTolerance as OBJECTIVE_TOLERANCE } from './objectiveTolerance';
import { useCpuBackend } from './useCpuBackend';

function expectClose(
  actual: number[],
  expected: number[],
  tol: number,
  what: string,
  floor = 1,
): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((a, i) => {
    const bound = tol * Math.max(floor, Math.abs(expected[i]));
    expect(
      Math.abs(a - expected[i]),
      `${what}[${i}]: got ${a}, expected ${expected[i]}`,
    ).toBeLessThanOrEqual(bound);
  });
}

const allFinite = (xs: number[]) => xs.every((v) => Number.isFinite(v));

/**
 * The conformance suite every objective runs: output shapes, agreement with a float64
 * reference, finite outputs and gradients on extreme inputs, autodiff equal to central
 * finite differences, rewards without gradient, no leaked tensors, missing-reference errors.
 */
export function describeObjective(
  factory: AnyObjectiveFactory,
  cases: readonly ObjectiveCase[],
): void {
  const make = (c: ObjectiveCase): Objective =>
    (factory as (o?: unknown) => Objective)(c.options ?? {});
  const title = factory.objectiveName ?? make(cases[0]).name;

  describe(`objective conformance: ${title}`, () => {
    beforeAll(async () => {
      await useCpuBackend();
    });

    for (const c of cases) {
      const x: NumberInputs = c.inputs ?? objectiveTestInputs.moderate;
      const batch = x.policy.chosen.length;

      describe(c.title, () => {
        it('returns [] loss and [B] losses/rewards that match the float64 reference', () => {
          const objective = make(c);
          if (factory.requiresReference !== undefined) {
            expect(objective.requiresReference).toBe(factory.requiresReference);
          }
          const inputs = objectiveInputTensors(x);
          const out = objective.compute(inputs);
          expect(out.loss.shape).toEqual([]);
          for (const t of [out.losses, out.chosenRewards, out.rejectedRewards])
            expect(t.shape).toEqual([batch]);
          const got = readObjectiveOutput(out);
          const want = c.reference(x);
          expectClose([got.loss], [want.loss], OBJECTIVE_TOLERANCE.value, 'loss');
          expectClose(got.losses, want.losses, OBJECTIVE_TOLERANCE.value, 'losses');
          expectClose(
            got.chosenRewards,
            want.chosenRewards,
            OBJECTIVE_TOLERANCE.value,
            'chosenRewards',
          );
          expectClose(
            got.rejectedRewards,
            want.rejectedRewards,
            OBJECTIVE_TOLERANCE.value,
            'rejectedRewards',
          );
          tf.dispose([out, inputs] as unknown as tf.TensorContainer);
        });

        it('gives d loss/d policy equal to the central difference of the float64 reference', () => {
          const objective = make(c);
          const g = objectivePolicyGrads((i) => objective.compute(i), x);
          const fd = centralDifference(
            c.gradientReference ?? ((y) => c.reference(y).loss),
            x,
            1e-6,
          );
          expectClose(g.chosen, fd.chosen, OBJECTIVE_TOLERANCE.gradVsReference, 'd loss/d chosen');
          expectClose(
            g.rejected,
            fd.rejected,
            OBJECTIVE_TOLERANCE.gradVsReference,
            'd loss/d rejected',
          );
        });

        const selfIt = c.skipSelfDifference ? it.skip : it;
        selfIt(
          `gives d loss/d policy equal to a float32 central difference of itself${c.skipSelfDifference ? ` (skipped: ${c.skipSelfDifference})` : ''}`,
          () => {
            const objective = make(c);
            const lossAt = (y: NumberInputs) =>
              tf.tidy(() => objective.compute(objectiveInputTensors(y)).loss.dataSync()[0]);
            const g = objectivePolicyGrads((i) => objective.compute(i), x);
            const fd = centralDifference(lossAt, x, 1e-2, 'float32');
            expectClose(
              g.chosen,
              fd.chosen,
              OBJECTIVE_TOLERANCE.gradVsSelf,
              'd loss/d chosen',
              0.1,
            );
            expectClose(
              g.rejected,
              fd.rejected,
              OBJECTIVE_TOLERANCE.gradVsSelf,
              'd loss/d rejected',
              0.1,
            );
          },
        );

        it('stays finite, with finite gradients, on log-prob sums of −1e4 and lengths 1 and 4096', () => {
          const objective = make(c);
          const inputs = objectiveInputTensors(objectiveTestInputs.extreme);
          const result = objective.compute(inputs);
          const out = readObjectiveOutput(result);
          tf.dispose([result, inputs] as unknown as tf.TensorContainer);
          expect(
            allFinite([out.loss, ...out.losses, ...out.chosenRewards, ...out.rejectedRewards]),
            JSON.stringify(out),
          ).toBe(true);
          const g = objectivePolicyGrads((i) => objective.compute(i), objectiveTestInputs.extreme);
          expect(allFinite([...g.chosen, ...g.rejected]), JSON.stringify(g)).toBe(true);
        });

        it('detaches rewards from the gradient', () => {
          const objective = make(c);
          const pick = (o: { chosenRewards: tf.Tensor; rejectedRewards: tf.Tensor }) =>
            tf.add(tf.sum(o.chosenRewards), tf.sum(o.rejectedRewards));
          const g = objectivePolicyGrads((i) => objective.compute(i), x, pick);
          expect([...g.chosen, ...g.rejected].every((v) => v === 0)).toBe(true);
        });

        it('leaves tf.memory().numTensors unchanged after compute + dispose', () => {
          const objective = make(c);
          const inputs = objectiveInputTensors(x);
          const before = tf.memory().numTensors;
          const out = objective.compute(inputs);
          tf.dispose([out.loss, out.losses, out.chosenRewards, out.rejectedRewards]);
          expect(tf.memory().numTensors).toBe(before);
          tf.dispose(inputs as unknown as tf.TensorContainer);
        });

        it('rejects a missing reference with an input error when it requires one', () => {
          const objective = make(c);
          const inputs = objectiveInputTensors({ ...x, reference: undefined });
          if (objective.requiresReference) {
            expect(() => objective.compute(inputs)).toThrow(/reference/);
            try {
              objective.compute(inputs);
            } catch (e) {
              expect(PrefoptError.is(e, 'input')).toBe(true);
            }
          } else {
            const out = objective.compute(inputs);
            expect(Number.isFinite(out.loss.dataSync()[0])).toBe(true);
            tf.dispose([out.loss, out.losses, out.chosenRewards, out.rejectedRewards]);
          }
          tf.dispose(inputs as unknown as tf.TensorContainer);
        });
      });
    }
  });
}
