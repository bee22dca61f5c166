import type { ObjectiveOutput } from '@prefopt/core';
import type { NumberOutput } from './objectiveCase';

/** Reads an objective's output back to numbers (does not dispose it). */
export function readObjectiveOutput(out: ObjectiveOutput): NumberOutput {
  return {
    loss: out.loss.dataSync()[0],
    losses: Array.from(out.losses.dataSync()),
    chosenRewards: Array.from(out.chosenRewards.dataSync()),
    rejectedRewards: Array.from(out.rejectedRewards.dataSync()),
  };
}
