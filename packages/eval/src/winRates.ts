import { bootstrapInterval, type BootstrapOptions, type Interval } from './bootstrapInterval';
import { lengthControlledWinRate, type Judgement } from './lengthControlledWinRate';

export interface WinRates {
  /** Judged prompts. */
  n: number;
  /** Raw win rate (ties ½) with its bootstrap interval over prompts. */
  winRate: Interval;
  /** Length-controlled win rate (AlpacaEval 2) with its bootstrap interval over prompts. */
  lcWinRate: Interval;
  /** The fitted length coefficient φ on all prompts (> 0: longer responses win). */
  lengthCoefficient: number;
  /** Mean response length (characters) of the model and of the baseline. */
  meanModelLength: number;
  meanBaselineLength: number;
}

/** Raw and length-controlled win rates of judgements, each with a percentile bootstrap interval. */
export function winRates(
  judgements: readonly Judgement[],
  options: BootstrapOptions = {},
): WinRates {
  const pick = (idx: readonly number[]) => idx.map((i) => judgements[i]);
  const fit = lengthControlledWinRate(judgements);
  const n = judgements.length;
  const mean = (f: (j: Judgement) => number) => judgements.reduce((a, j) => a + f(j), 0) / n;
  return {
    n,
    winRate: bootstrapInterval(
      n,
      (idx) => idx.reduce((a, i) => a + judgements[i].preference, 0) / idx.length,
      options,
    ),
    lcWinRate: bootstrapInterval(n, (idx) => lengthControlledWinRate(pick(idx)).lcWinRate, options),
    lengthCoefficient: fit.phi,
    meanModelLength: mean((j) => j.modelLength),
    meanBaselineLength: mean((j) => j.baselineLength),
  };
}
