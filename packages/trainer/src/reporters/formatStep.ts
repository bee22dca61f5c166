import type { StepMetrics } from '@prefopt/core';

/** One short human line for a step: the numbers people watch. */
export function formatStep(m: StepMetrics, totalSteps: number): string {
  const g = (x: number, d = 4) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
  return (
    `step ${m.step}/${totalSteps} loss ${g(m.loss)} acc ${g(m['rewards/accuracies'], 2)} ` +
    `margin ${g(m['rewards/margins'])} lr ${m.lr.toExponential(2)} grad_norm ${g(m.grad_norm, 3)} ` +
    `tok/s ${Math.round(m.tokens_per_sec)}`
  );
}
