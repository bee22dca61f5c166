import {
  describeObjective,
  expectObjectiveValues,
  type NumberInputs,
  torchObjectiveValues,
} from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { sft } from './sft';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Float64 re-statement: token-weighted NLL of the chosen completions. */
const reference = ({ policy, lengths }: NumberInputs) => {
  const c = policy.chosen.map((v, i) => v / lengths.chosen[i]);
  return {
    loss: -sum(policy.chosen) / sum(lengths.chosen),
    losses: c.map((v) => -v),
    chosenRewards: c,
    rejectedRewards: policy.rejected.map((v, i) => v / lengths.rejected[i]),
  };
};

describeObjective(sft, [{ title: 'no options', reference }]);

describe('sft', () => {
  // Two pairs: chosen (−6, −3) over (3, 1) tokens. Token-weighted NLL = 9/4 = 2.25 — not the
  // mean of the per-pair NLLs (2 + 3)/2 = 2.5. losses = [2, 3]; d loss/d chosen = −1/4 each;
  // the rejected completions do not enter: d loss/d rejected = 0.
  const batch: NumberInputs = {
    policy: { chosen: [-6, -3], rejected: [-1, -1] },
    lengths: { chosen: [3, 1], rejected: [1, 1] },
  };

  it('matches the hand-worked numbers', () => {
    expectObjectiveValues(
      sft(),
      {
        loss: 2.25,
        losses: [2, 3],
        chosenRewards: [-2, -3],
        rejectedRewards: [-1, -1],
        gradChosen: [-0.25, -0.25],
        gradRejected: [0, 0],
      },
      batch,
    );
  });

  it('matches torch on the moderate batch', () => {
    expectObjectiveValues(sft(), torchObjectiveValues('sft'));
  });

  it('takes no options', () => {
    expect(() => sft({ beta: 1 } as never)).toThrow(
      /sft: unknown option 'beta'. It takes no options/,
    );
  });
});
