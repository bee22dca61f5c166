import * as tf from '@tensorflow/tfjs-core';
import type { BackendAdapter, Objective } from '@prefopt/core';
import type { BenchOptions, BenchResult } from './BenchOptions';

/** Size of the wasm backend's heap (it only grows: its high-water mark); 0 on other backends. */
function wasmHeapBytes(): number {
  const backend = tf.backend() as { wasm?: { HEAPU8?: Uint8Array } };
  return backend.wasm?.HEAPU8?.length ?? 0;
}

/**
 * The one JSON record of `prefopt bench`, from medians measured either way (the
 * instrumented step or the Trainer loop): adds the run's settings, throughput, peak RSS
 * and the wasm heap's high-water mark, read now.
 */
export function benchRecord(
  options: BenchOptions,
  parts: { adapter: BackendAdapter; objective: Objective },
  measured: Pick<
    BenchResult,
    'mode' | 'params' | 'medianStepMs' | 'medianStepCpuMs' | 'phases' | 'loss'
  >,
): BenchResult {
  return {
    impl: 'prefopt',
    mode: measured.mode,
    backend: parts.adapter.name,
    tfBackend: tf.getBackend(),
    threads: options.threads ?? null,
    objective: parts.objective.name,
    batch: options.batch,
    seq: options.seq,
    params: measured.params,
    steps: options.steps,
    medianStepMs: measured.medianStepMs,
    medianStepCpuMs: measured.medianStepCpuMs,
    tokensPerSec: (2 * options.batch * options.seq) / (measured.medianStepMs / 1000),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    wasmHeapMiB: wasmHeapBytes() / 2 ** 20 || null,
    phases: measured.phases,
    loss: measured.loss,
  };
}
