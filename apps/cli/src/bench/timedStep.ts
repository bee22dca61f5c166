import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, Objective, PairLogps, PreferenceBatch } from '@prefopt/core';
import type { AdamW, ReferenceSource } from '@prefopt/trainer';
import type { PhaseTimes } from './BenchOptions';

/** What one training step needs: the trainer's parts, without its data loop. */
export interface StepParts {
  policy: CausalLM;
  reference?: ReferenceSource; // iff objective.requiresReference
  objective: Objective;
  optimizer: AdamW;
  lr: number;
}

/**
 * One training step as the trainer runs it (reference outside the tape, policy forward
 * + loss + gradients under tf.variableGrads, AdamW), timed by phase. The cpu, native and
 * wasm backends run kernels synchronously, so wall-clock marks are exact there; the loss
 * is read back at the end of the forward pass so queued backends (webgpu) flush too.
 * Leaves tf.memory().numTensors unchanged.
 */
export function timedStep(
  parts: StepParts,
  batch: PreferenceBatch,
): { times: PhaseTimes; loss: number } {
  const { policy, reference, objective, optimizer, lr } = parts;
  const vars = policy.trainableVariables as tf.Variable[];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ref: PairLogps | undefined = reference?.logps(batch); // [B] each
  if (ref) ref.chosen.dataSync();
  const t1 = performance.now();
  let t2 = t1;
  let loss = NaN;
  try {
    const { value, grads } = tf.variableGrads(() => {
      const { logps, lengths } = policy.sequenceLogps(batch); // [B] each
      const out = objective.compute({ policy: logps, reference: ref, lengths });
      loss = out.loss.dataSync()[0];
      t2 = performance.now();
      return out.loss;
    }, vars);
    const ordered = vars.map((v) => grads[v.name] ?? tf.zerosLike(v));
    ordered[ordered.length - 1].dataSync();
    const t3 = performance.now();
    optimizer.apply(ordered, lr);
    vars[vars.length - 1].dataSync();
    const t4 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    tf.dispose([
      value,
      ...Object.values(grads),
      ...ordered.filter((g) => !Object.values(grads).includes(g)),
    ]);
    return {
      times: {
        referenceForward: ref ? t1 - t0 : 0,
        forward: t2 - t1,
        backward: t3 - t2,
        optimizer: t4 - t3,
        step: t4 - t0,
        stepCpu: (cpu.user + cpu.system) / 1000,
      },
      loss,
    };
  } finally {
    if (ref) tf.dispose([ref.chosen, ref.rejected]);
  }
}
