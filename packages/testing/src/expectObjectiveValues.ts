import * as tf from '@tensorflow/tfjs';
import type { Objective } from '@prefopt/core';
import { expect } from 'vitest';
import type { NumberInputs } from './objectiveCase';
import { objectivePolicyGrads } from './objectivePolicyGrads';
import { objectiveTestInputs } from './objectiveTestInputs';
import { readObjectiveOutput } from './readObjectiveOutput';
import { objectiveInputTensors } from './objectiveInputTensors';

/** Values from an independent computation (tools/reference/objectives.py prints this shape). */
export interface ExpectedObjectiveValues {
  loss: number;
  losses: number[];
  chosenRewards: number[];
  rejectedRewards: number[];
  gradChosen?: number[];
  gradRejected?: number[];
}

/**
 * Asserts an objective's float32 output (and d loss/d policy) against float64 reference
 * values to float32 precision: |a − b| ≤ rel·max(|b|, 1e-3), rel = 1e-5 by default
 * (about 80 ulps of float32; the ops of a loss accumulate a few).
 */
export function expectObjectiveValues(
  objective: Objective,
  expected: ExpectedObjectiveValues,
  inputs: NumberInputs = objectiveTestInputs.moderate,
  rel = 1e-5,
): void {
  const close = (got: number[], want: number[], what: string) => {
    expect(got.length, what).toBe(want.length);
    got.forEach((g, i) => {
      const bound = rel * Math.max(Math.abs(want[i]), 1e-3);
      expect(
        Math.abs(g - want[i]),
        `${objective.name} ${what}[${i}]: got ${g}, want ${want[i]}`,
      ).toBeLessThanOrEqual(bound);
    });
  };
  const tensors = objectiveInputTensors(inputs);
  const out = objective.compute(tensors);
  const got = readObjectiveOutput(out);
  tf.dispose([out, tensors] as unknown as tf.TensorContainer);
  close([got.loss], [expected.loss], 'loss');
  close(got.losses, expected.losses, 'losses');
  close(got.chosenRewards, expected.chosenRewards, 'chosenRewards');
  close(got.rejectedRewards, expected.rejectedRewards, 'rejectedRewards');
  if (expected.gradChosen || expected.gradRejected) {
    const g = objectivePolicyGrads((i) => objective.compute(i), inputs);
    if (expected.gradChosen) close(g.chosen, expected.gradChosen, 'gradChosen');
    if (expected.gradRejected) close(g.rejected, expected.gradRejected, 'gradRejected');
  }
}
