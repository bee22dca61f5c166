import type * as tf from '@tensorflow/tfjs-core';
import type { BackendAdapter, Objective } from '@prefopt/core';
import { createModel } from '@prefopt/model';
import { AdamW, ModelReference } from '@prefopt/trainer';
import type { BenchOptions, BenchResult, PhaseTimes } from './BenchOptions';
import { benchRecord } from './benchRecord';
import { median } from './median';
import { syntheticBatch } from './syntheticBatch';
import { timedStep } from './timedStep';

/** Where `runBench` reports each step (the command prints these on stderr). */
export type StepListener = (
  index: number,
  warmup: boolean,
  times: PhaseTimes,
  loss: number,
) => void;

/**
 * On the already activated backend: builds a random model (and, for objectives that need
 * one, its frozen copy as the online reference), runs `warmup` + `steps` training steps on
 * one synthetic batch and returns the medians. Frees every tensor it made.
 */
export async function runBench(
  options: BenchOptions,
  parts: { adapter: BackendAdapter; objective: Objective },
  onStep?: StepListener,
): Promise<BenchResult> {
  const { objective } = parts;
  const policy = createModel(options.modelConfig, { seed: options.seed });
  const params = policy.trainableVariables.reduce((n, v) => n + v.size, 0);
  const reference = objective.requiresReference
    ? new ModelReference(createModel(options.modelConfig, { seed: options.seed }))
    : undefined;
  const optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
  const batch = syntheticBatch(
    options.batch,
    options.seq,
    policy.vocabSize,
    options.seed + 1,
    options.promptShare,
  );
  const timed: PhaseTimes[] = [];
  let loss = NaN;
  const stepParts = { policy, reference, objective, optimizer, lr: options.lr, maxGradNorm: 1 };
  try {
    for (let i = 0; i < options.warmup + options.steps; i++) {
      const step = await timedStep(stepParts, batch);
      loss = step.loss;
      const warm = i < options.warmup;
      if (!warm) timed.push(step.times);
      onStep?.(i, warm, step.times, step.loss);
    }
  } finally {
    optimizer.dispose();
    reference?.dispose();
    policy.dispose();
  }
  const med = (k: keyof PhaseTimes) => median(timed.map((t) => t[k]));
  return benchRecord(options, parts, {
    mode: 'step',
    params,
    medianStepMs: med('step'),
    medianStepCpuMs: med('stepCpu'),
    phases: {
      forward: med('forward'),
      referenceForward: med('referenceForward'),
      backward: med('backward'),
      optimizer: med('optimizer'),
    },
    loss,
  });
}
