import * as tf from '@tensorflow/tfjs-core';
import type { CausalLM, Objective, PairLogps, PreferenceBatch } from '@prefopt/core';
import { clipByGlobalNorm, type AdamW, type ReferenceSource } from '@prefopt/trainer';
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
 * One training step as the trainer runs it — reference outside the tape, policy forward +
 * loss + gradients under tf.variableGrads, global-norm clipping, AdamW — timed by phase.
 * cpu, native and wasm run kernels synchronously, so the marks are exact there; on queued
 * backends (webgpu) the forward mark is when the forward was enqueued (each later phase
 * ends with an `await data()`, which flushes). Leaves tf.memory().numTensors unchanged.
 */
export async function timedStep(
  parts: StepParts,
  batch: PreferenceBatch,
): Promise<{ times: PhaseTimes; loss: number }> {
  const { policy, reference, objective, optimizer, lr } = parts;
  const vars = policy.trainableVariables as tf.Variable[];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ref: PairLogps | undefined = reference?.logps(batch); // [B] each
  const owned: tf.Tensor[] = ref ? [ref.chosen, ref.rejected] : [];
  try {
    if (ref) await ref.chosen.data();
    const t1 = performance.now();
    let t2 = t1;
    const { value, grads } = tf.variableGrads(() => {
      const { logps, lengths } = policy.sequenceLogps(batch); // [B] each
      const out = objective.compute({ policy: logps, reference: ref, lengths });
      t2 = performance.now();
      return out.loss;
    }, vars);
    owned.push(value, ...Object.values(grads));
    const ordered = vars.map((v) => grads[v.name] ?? tf.zerosLike(v)); // unused variables: 0
    owned.push(...ordered.filter((g) => !owned.includes(g)));
    await ordered[ordered.length - 1].data();
    const t3 = performance.now();
    const { clipped } = await clipByGlobalNorm(ordered, parts.maxGradNorm);
    owned.push(...clipped);
    optimizer.apply(clipped, lr);
    await vars[vars.length - 1].data();
    const t4 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    return {
      times: {
        referenceForward: ref ? t1 - t0 : 0,
        forward: t2 - t1,
        backward: t3 - t2,
        optimizer: t4 - t3,
        step: t4 - t0,
        stepCpu: (cpu.user + cpu.system) / 1000,
      },
      loss: (await value.data())[0],
    };
  } finally {
    tf.dispose(owned);
  }
}
