import type { NumberInputs } from './objectiveCase';

/** The two batches `describeObjective` evaluates every objective on. */
export const objectiveTestInputs: { moderate: NumberInputs; extreme: NumberInputs } = {
  /**
   * A moderate batch of 3 pairs: summed log-probs of a few nats, lengths 3–12, away from
   * the kinks of hinge-type losses for the default options of every bundled objective.
   */
  moderate: {
    policy: { chosen: [-12.5, -30.25, -7], rejected: [-14, -28, -9.5] },
    reference: { chosen: [-13, -29.5, -8], rejected: [-13.5, -29, -9] },
    lengths: { chosen: [5, 12, 3], rejected: [6, 10, 4] },
  },
  /**
   * Extreme values a real batch can hold: summed log-probs of −1e4 next to ones near 0,
   * completion lengths of 1 and 4096, and policy/reference gaps of 1e4 both ways.
   */
  extreme: {
    policy: { chosen: [-1e4, -1e-3, -5, -1e4], rejected: [-1e-3, -1e4, -1e4, -7] },
    reference: { chosen: [-1e-3, -1e4, -1e4, -1e4], rejected: [-1e4, -1e-3, -3, -1e4] },
    lengths: { chosen: [1, 4096, 1, 4096], rejected: [4096, 1, 4096, 1] },
  },
};
