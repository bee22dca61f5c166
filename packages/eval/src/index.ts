export { lengthControlledWinRate, sigmoid } from './lengthControlledWinRate';
export type { Judgement, LengthControlledFit } from './lengthControlledWinRate';
export { bootstrapInterval, quantile } from './bootstrapInterval';
export type { BootstrapOptions, Interval } from './bootstrapInterval';
export { judgeAgainstBaseline } from './judgeAgainstBaseline';
export type { Response } from './judgeAgainstBaseline';
export { winRates } from './winRates';
export type { WinRates } from './winRates';
