import type * as tf from '@tensorflow/tfjs-core';
import type { BackendAdapter, Objective } from '@prefopt/core';
import { AdamW } from '@prefopt/trainer';
import { prepareTraining } from '../recipe/prepareTraining';
import type { BenchOptions, BenchResult, PhaseTimes } from './BenchOptions';
import { benchRecord } from './benchRecord';
import { median } from './median';
import { benchBatch } from './benchBatch';
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
  const batch = benchBatch(options);
  // the recipe's policy and reference (a frozen copy), timed step by step instead of by a Trainer
  const run = await prepareTraining(
    {
      objective: objective.name,
      model: options.modelConfig,
      seed: options.seed,
      data: { batch },
      batchSize: options.batch,
      lr: options.lr,
      maxSteps: options.warmup + options.steps,
    },
    { resolveObjective: () => objective },
  );
  const { policy } = run;
  const params = policy.trainableVariables.reduce((n, v) => n + v.size, 0);
  let reference: Awaited<ReturnType<typeof run.reference>> | undefined;
  let optimizer: AdamW | undefined;
  const timed: PhaseTimes[] = [];
  let loss = NaN;
  try {
    reference = objective.requiresReference ? await run.reference() : undefined;
    optimizer = new AdamW(policy.trainableVariables as tf.Variable[]);
    const stepParts = { policy, reference, objective, optimizer, lr: options.lr, maxGradNorm: 1 };
    for (let i = 0; i < options.warmup + options.steps; i++) {
      const step = await timedStep(stepParts, batch);
      loss = step.loss;
      const warm = i < options.warmup;
      if (!warm) timed.push(step.times);
      onStep?.(i, warm, step.times, step.loss);
    }
  } finally {
    optimizer?.dispose();
    reference?.dispose();
    run.dispose();
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
