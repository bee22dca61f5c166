import type { Interval } from '@prefopt/eval';
import { REPORT_COLUMNS } from './reportColumns';
import type { AblationSummary } from './RunSummary';

/** What the table's columns mean, one line per column, printed under it and shown in the report. */
export const TABLE_LEGEND = REPORT_COLUMNS.map((c) => `  ${c.header}: ${c.description}\n`).join('');

/** Every interval the summary carries (runs and base model). */
export function summaryIntervals(summary: AblationSummary): Interval[] {
  const all = summary.runs.flatMap((r) => Object.values(r.intervals ?? {}));
  if (summary.baseline?.intervals) all.push(...Object.values(summary.baseline.intervals));
  return all.filter((i): i is Interval => i !== undefined);
}

/** The seeds the summary's figures were measured over. */
export function summarySeeds(summary: AblationSummary): number[] {
  if (summary.seeds?.length) return summary.seeds;
  const perRun = summary.runs.map((r) => r.seeds ?? []).sort((a, b) => b.length - a.length)[0];
  return perRun?.length ? perRun : [summary.seed];
}

/** One line on what the bracketed intervals are (or that there are none, for one seed). */
export function intervalLegend(summary: AblationSummary): string {
  const seeds = summarySeeds(summary);
  const intervals = summaryIntervals(summary);
  const seedText = `${seeds.length} seed${seeds.length === 1 ? '' : 's'} (${seeds.join(', ')})`;
  if (intervals.length === 0) {
    return `${seedText}: values of single runs, no intervals (--seeds N gives 95% intervals).\n`;
  }
  const level = Number((100 * intervals[0].level).toPrecision(4));
  return (
    `Figures are means over ${seedText}; [low, high] is the ${level}% percentile bootstrap ` +
    `interval, resampling held-out prompts (pairs, for acc, acc c≤r and margin) and seeds.\n`
  );
}
