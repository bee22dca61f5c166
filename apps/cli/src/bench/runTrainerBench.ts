import type { BackendAdapter, Objective, PreferenceBatch } from '@prefopt/core';
import { applyLora } from '@prefopt/lora';
import { createModel } from '@prefopt/model';
import { AdaptersOffReference, ModelReference, Trainer, type BatchStream } from '@prefopt/trainer';
import type { BenchOptions, BenchResult, PhaseTimes } from './BenchOptions';
import { benchRecord } from './benchRecord';
import { median } from './median';
import type { StepListener } from './runBench';
import { syntheticBatch } from './syntheticBatch';

/** The same batch, forever: the data loop costs nothing to measure. */
function repeat(batch: PreferenceBatch): BatchStream {
  return { batchesPerEpoch: 1, next: () => batch, position: () => null, restore: () => undefined };
}

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
  const base = createModel(options.modelConfig, { seed: options.seed });
  const policy = options.lora
    ? applyLora(base, { options: options.lora, seed: options.seed })
    : base;
  const params = policy.trainableVariables.reduce((n, v) => n + v.size, 0);
  const batch = syntheticBatch(
    options.batch,
    options.seq,
    policy.vocabSize,
    options.seed + 1,
    options.promptShare,
  );
  const tokens = 2 * options.batch * options.seq;
  const trainer = new Trainer({
    policy,
    objective,
    train: repeat(batch),
    // LoRA: the base with adapters off (no second copy); full fine-tuning: a second model
    reference: () =>
      options.lora
        ? new AdaptersOffReference(policy)
        : new ModelReference(createModel(options.modelConfig, { seed: options.seed })),
    schedule: { lr: options.lr, warmupSteps: 0, decay: 'constant' },
    totalSteps: options.warmup + options.steps,
  });
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
    await trainer.run();
  } finally {
    trainer.dispose();
    policy.dispose();
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
