import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, Objective, PreferenceBatch } from '@prefopt/core';
import { microStep, type AdamW, type PreparedUpdate, type ReferenceSource } from '@prefopt/trainer';
import type { PhaseTimes } from './BenchOptions';

/** What one training step needs: the trainer's parts, without its data loop. */
export interface StepParts {
  policy: CausalLM;
  reference?: ReferenceSource; // iff objective.requiresReference
  objective: Objective;
  optimizer: AdamW;
  lr: number;
  maxGradNorm: number; // the trainer's default is 1
}

/**
 * One training step as the trainer runs it — @prefopt/trainer's `microStep` (reference
 * outside the tape, policy forward + loss + gradients, the metrics read-back), global-norm
 * clipping, AdamW — timed by phase through microStep's phase marks. cpu, native and wasm
 * run kernels synchronously, so the marks are exact there; on queued backends (webgpu) the
 * forward mark is when the forward was enqueued (later phases end with an `await data()`,
 * which flushes). Leaves tf.memory().numTensors unchanged.
 */
export async function timedStep(
  parts: StepParts,
  batch: PreferenceBatch,
): Promise<{ times: PhaseTimes; loss: number }> {
  const { policy, reference, objective, optimizer, lr } = parts;
  const vars = policy.trainableVariables as tf.Variable[];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const marks = { referenceForward: t0, forward: t0 };
  const { grads, stats } = await microStep(policy, objective, batch, reference, (phase) => {
    marks[phase] = performance.now();
  });
  const t3 = performance.now();
  let update: PreparedUpdate; // clipping + AdamW, as the Trainer runs them
  try {
    update = await optimizer.prepare(grads, parts.maxGradNorm);
  } finally {
    tf.dispose(grads);
  }
  update.apply(lr);
  await vars[vars.length - 1].data();
  const t4 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    times: {
      referenceForward: reference ? marks.referenceForward - t0 : 0,
      forward: marks.forward - marks.referenceForward,
      backward: t3 - marks.forward,
      optimizer: t4 - t3,
      step: t4 - t0,
      stepCpu: (cpu.user + cpu.system) / 1000,
    },
    loss: stats.loss,
  };
}
