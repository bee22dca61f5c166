import type { RunPlan } from '../../grid/RunPlan';
import type { JobResult } from '../AblationJob';
import type { RunSummary } from '../../report/RunSummary';
import { seedFigures, type SeedOutcome } from './seedFigures';

/**
 * One run's row of summary.json from its trainings (one per seed): the figures of
 * `seedFigures` (means over seeds, with intervals when there are several seeds); held-out
 * accuracy and margin fall back to the trainer's evaluation when a job sent no per-pair
 * results. Times are means over the seeds, peak RSS the largest.
 */
export function summarizeRun(
  plan: RunPlan,
  steps: number,
  outcomes: readonly (SeedOutcome & { result: JobResult })[],
  metricsFile: string,
): RunSummary {
  const { values, intervals } = seedFigures(outcomes);
  const results = outcomes.map((o) => o.result);
  const meanOf = (f: (r: JobResult) => number | null | undefined) => {
    const v = results.map(f);
    return v.every((x) => typeof x === 'number' && Number.isFinite(x))
      ? (v as number[]).reduce((a, b) => a + b, 0) / v.length
      : null;
  };
  const multi = outcomes.length > 1;
  return {
    name: plan.name,
    objective: plan.objective,
    options: results[0].objectiveOptions ?? plan.options,
    training: plan.training ?? {},
    steps,
    heldoutAccuracy: values.heldoutAccuracy ?? meanOf((r) => r.eval?.['eval/rewards/accuracies']),
    heldoutAccuracyNotLonger:
      values.heldoutAccuracyNotLonger ?? meanOf((r) => r.accuracyNotLonger?.accuracy),
    heldoutMargin: values.heldoutMargin ?? meanOf((r) => r.eval?.['eval/rewards/margins']),
    winRate: values.winRate,
    lcWinRate: values.lcWinRate,
    ruleRate: values.ruleRate,
    meanGenLength: values.meanGenLength,
    stepMs: meanOf((r) => r.stepMs) ?? 0,
    stepCpuMs: meanOf((r) => r.stepCpuMs) ?? 0,
    peakRssMiB: Math.max(...results.map((r) => r.peakRssMiB)),
    wallSec: meanOf((r) => r.wallSec) ?? 0,
    metricsFile,
    ...(multi ? { seeds: outcomes.map((o) => o.seed), intervals } : {}),
  };
}
