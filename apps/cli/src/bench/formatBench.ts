import type { BenchResult } from '@prefopt/recipes';

/** The human-readable report of `prefopt bench` (without --json). */
export function formatBench(r: BenchResult): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return [
    `bench: ${r.objective} on ${r.backend}${r.threads ? ` (${r.threads} threads)` : ''}, ` +
      `${r.params.toLocaleString('en-US')} params, batch ${r.batch} pairs × ${r.seq} tokens`,
    `  median step   ${ms(r.medianStepMs)} over ${r.steps} steps  (${Math.round(r.tokensPerSec)} tokens/s; CPU ${ms(r.medianStepCpuMs)})`,
    ...(r.phases
      ? [
          `  forward       ${ms(r.phases.forward)}`,
          `  ref. forward  ${ms(r.phases.referenceForward)}`,
          `  backward      ${ms(r.phases.backward)}`,
          `  optimiser     ${ms(r.phases.optimizer)}`,
        ]
      : ['  (the Trainer loop itself: no per-phase split)']),
    `  peak memory   ${r.peakRssMiB.toFixed(0)} MiB RSS${r.wasmHeapMiB ? `, wasm heap ${r.wasmHeapMiB.toFixed(0)} MiB` : ''}    last loss ${r.loss.toFixed(4)}`,
    '',
  ].join('\n');
}
