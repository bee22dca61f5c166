import type { TextPair } from './biggerNumberTask';

export interface TaskStats {
  pairs: number;
  meanChosenChars: number;
  meanRejectedChars: number;
  /** Share of pairs whose chosen response is strictly longer than the rejected one. */
  chosenLongerFraction: number;
}

/** Length statistics of a preference split: how strong its length bias is. */
export function taskStats(records: readonly TextPair[]): TaskStats {
  const n = records.length;
  if (n === 0)
    return { pairs: 0, meanChosenChars: 0, meanRejectedChars: 0, chosenLongerFraction: 0 };
  let chosen = 0;
  let rejected = 0;
  let longer = 0;
  for (const r of records) {
    chosen += r.chosen.length;
    rejected += r.rejected.length;
    if (r.chosen.length > r.rejected.length) longer++;
  }
  return {
    pairs: n,
    meanChosenChars: chosen / n,
    meanRejectedChars: rejected / n,
    chosenLongerFraction: longer / n,
  };
}
