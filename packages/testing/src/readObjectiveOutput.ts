import type { ObjectiveOutput } from '@prefopt/core';
import type { NumberOutput } from './describeObjectiveCase';

/** Reads an objective's output back to numbers (does not dispose it). */
export function describeObjectiveRead(out: ObjectiveOutput): NumberOutput {
  return {
    loss: out.loss.dataSync()[0],
    losses: Array.from(out.losses.dataSync()),
    chosenRewards: Array.from(out.chosenRewards.dataSync()),
    rejectedRewards: Array.from(out.rejectedRewards.dataSync()),
  };
}
