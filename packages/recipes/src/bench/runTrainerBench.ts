import type { BackendAdapter, Objective } from '@prefopt/core';
import { NO_LORA } from '../lora/LoraSettings';
import { buildTraining } from '../recipe/buildTraining';
import type { BenchOptions, BenchResult, PhaseTimes } from './BenchOptions';
import { benchRecord } from './benchRecord';
import { median } from './median';
import type { StepListener } from './runBench';
import { benchBatch } from './benchBatch';

/**
 * `prefopt bench --trainer`: the real Trainer loop (@prefopt/trainer's Trainer: micro-step
 * with its metrics read-back, clipping, AdamW, constant lr) for warmup + steps, timed from
 * its own `step` events (2·B·T / tokens_per_sec) — what `prefopt train` runs, without the
 * per-phase split. With `lora`, the policy is the random model with LoRA adapters.
 */
export async function runTrainerBench(
  options: BenchOptions,
  parts: { adapter: BackendAdapter; objective: Objective },
  onStep?: StepListener,
): Promise<BenchResult> {
  const { objective } = parts;
  const batch = benchBatch(options);
  const tokens = 2 * options.batch * options.seq;
  // LoRA: the reference is the base with adapters off (no second copy); else a frozen copy
  const training = await buildTraining(
    {
      objective: objective.name,
      model: options.modelConfig,
      seed: options.seed,
      lora: options.lora ? { ...NO_LORA, lora: options.lora } : NO_LORA,
      data: { batch },
      batchSize: options.batch,
      lr: options.lr,
      lrScheduler: 'constant',
      warmupSteps: 0,
      maxSteps: options.warmup + options.steps,
    },
    { resolveObjective: () => objective },
  );
  const { trainer, policy } = training;
  const params = policy.trainableVariables.reduce((n, v) => n + v.size, 0);
  const wall: number[] = [];
  const cpu: number[] = [];
  let loss = NaN;
  let cpu0 = process.cpuUsage();
  trainer.on('step', (m) => {
    const c = process.cpuUsage(cpu0);
    cpu0 = process.cpuUsage();
    const ms = (tokens / m.tokens_per_sec) * 1000;
    const warm = m.step <= options.warmup;
    if (!warm) {
      wall.push(ms);
      cpu.push((c.user + c.system) / 1000);
    }
    loss = m.loss;
    const times: PhaseTimes = {
      forward: NaN,
      referenceForward: NaN,
      backward: NaN,
      optimizer: NaN,
      step: ms,
      stepCpu: (c.user + c.system) / 1000,
    };
    onStep?.(m.step - 1, warm, times, m.loss);
  });
  try {
    await training.run();
  } finally {
    training.dispose();
  }
  return benchRecord(options, parts, {
    mode: 'trainer',
    params,
    medianStepMs: median(wall),
    medianStepCpuMs: median(cpu),
    phases: null,
    loss,
  });
}
