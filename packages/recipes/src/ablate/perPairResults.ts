import type { PairResult } from './AblationJob';
import type { PairValues } from './pairRewards';

/** Each held-out pair's outcome under the trained objective's rewards (pair order kept). */
export function perPairResults(rewards: PairValues, lengths: PairValues): PairResult[] {
  return rewards.chosen.map((chosen, i) => ({
    correct: chosen > rewards.rejected[i],
    chosenNotLonger: lengths.chosen[i] <= lengths.rejected[i],
    margin: chosen - rewards.rejected[i],
  }));
}
