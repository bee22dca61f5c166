import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenizedPair } from '@prefopt/core';
import { resolveLoraOptions } from '@prefopt/lora';
import { PairBatchStream } from '@prefopt/data';
import { createModel, loadModel } from '@prefopt/model';
import { dpo } from '@prefopt/objective-dpo';
import { simpo } from '@prefopt/objective-simpo';
import { useCpuBackend } from '@prefopt/testing';
import { frozenCopy, ModelReference, Trainer, type AnyObjective } from '@prefopt/trainer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_LORA } from '../lora/LoraSettings';
import { buildTraining } from './buildTraining';
import type { RecipeLookups } from './RecipeLookups';
import type { TrainingSettings } from './TrainingSettings';

const config = { dim: 8, hiddenDim: 16, layers: 1, heads: 2, kvHeads: 2, vocab: 20, seqLen: 16 };

// 7 pairs: at batch size 2, ⌈7 / 2⌉ = 4 batches an epoch
const pairs: TokenizedPair[] = [
  { prompt: [1, 2], chosen: [3, 4, 5], rejected: [6] },
  { prompt: [1], chosen: [7], rejected: [8, 9] },
  { prompt: [1, 3, 3], chosen: [2], rejected: [4] },
  { prompt: [2, 5], chosen: [9, 9], rejected: [10, 11, 12] },
  { prompt: [4], chosen: [13], rejected: [14] },
  { prompt: [6, 6, 1], chosen: [15, 16], rejected: [17] },
  { prompt: [3], chosen: [18, 1], rejected: [19, 2] },
];

function settings(objective: string, extra: Partial<TrainingSettings> = {}): TrainingSettings {
  return {
    objective,
    model: config,
    seed: 3,
    data: { pairs },
    batchSize: 2,
    lr: 1e-2,
    lrScheduler: 'constant',
    maxSteps: 3,
    ...extra,
  };
}

function lookups(objective: AnyObjective, log: string[] = []): RecipeLookups & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    resolveObjective: (spec) => {
      calls.push(`objective ${spec}`);
      return objective;
    },
    activateBackend: async () => {
      calls.push('backend');
    },
    log: (text) => log.push(text),
  };
}

async function losses(trainer: Trainer): Promise<number[]> {
  const out: number[] = [];
  trainer.on('step', (m) => out.push(m.loss));
  await trainer.run();
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'prefopt-recipes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildTraining', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('trains in-memory pairs bit for bit as a Trainer wired by hand (SimPO, and DPO with its frozen copy)', async () => {
    for (const objective of [simpo({ beta: 2, gamma: 1 }), dpo({ beta: 0.1 })]) {
      const training = await buildTraining(settings(objective.name), lookups(objective));
      const viaRecipe = await losses(training.trainer);
      training.dispose();

      const policy = createModel(config, { seed: 3 });
      const byHand = new Trainer({
        policy,
        objective,
        train: new PairBatchStream(pairs, { batchSize: 2, seed: 3 }),
        reference: () => new ModelReference(frozenCopy(policy)),
        schedule: { lr: 1e-2, warmupSteps: 0, decay: 'constant' },
        totalSteps: 3,
      });
      const expected = await losses(byHand);
      byHand.dispose();
      policy.dispose();

      expect(viaRecipe).toHaveLength(3);
      expect(viaRecipe).toEqual(expected);
      expect(viaRecipe[2]).not.toBe(viaRecipe[0]); // it trained
    }
  });

  it('counts steps and warmup as prefopt train does: ⌈epochs · batches / grad-accum⌉, ⌈ratio · steps⌉', async () => {
    const objective = simpo({ beta: 2, gamma: 1 });
    const training = await buildTraining(
      settings(objective.name, { maxSteps: 0, epochs: 1.5, gradAccum: 2, warmupRatio: 0.5 }),
      lookups(objective),
    );
    // ⌈1.5 · 4 / 2⌉ = 3 steps; warmup ⌈0.5 · 3⌉ = 2
    expect(training.totalSteps).toBe(3);
    expect(training.warmupSteps).toBe(2);
    training.dispose();
  });

  it('resolves the objective, then activates the backend, through the lookups it is given', async () => {
    const objective = simpo({ beta: 2, gamma: 1 });
    const l = lookups(objective);
    const training = await buildTraining(settings('simpo:beta=2'), l);
    expect(l.calls).toEqual(['objective simpo:beta=2', 'backend']);
    expect(training.objective).toBe(objective);
    training.dispose();
  });

  it('frees everything it made; an open model stays its caller’s', async () => {
    const tf = await useCpuBackend();
    const objective = dpo({ beta: 0.1 });
    const before = tf.memory().numTensors;
    const made = await buildTraining(settings(objective.name, { maxSteps: 1 }), lookups(objective));
    await made.run();
    made.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const open = createModel(config, { seed: 3 });
    const withModel = tf.memory().numTensors;
    const given = await buildTraining(
      settings(objective.name, { model: open, maxSteps: 1 }),
      lookups(objective),
    );
    expect(given.policy).toBe(open);
    await given.run();
    given.dispose();
    expect(tf.memory().numTensors).toBe(withModel);
    expect(open.trainableVariables[0].isDisposed).toBe(false);
    open.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with LoRA, trains the adapters against the base with adapters off (no second copy)', async () => {
    const tf = await useCpuBackend();
    const objective = dpo({ beta: 0.1 });
    const log: string[] = [];
    const before = tf.memory().numTensors;
    const lora = { ...NO_LORA, lora: resolveLoraOptions({ rank: 2, alpha: 4, targets: 'q,v' }) };
    const training = await buildTraining(
      settings(objective.name, { lora, maxSteps: 1 }),
      lookups(objective, log),
    );
    // q and v of the one layer, A and B each
    expect(training.policy.trainableVariables).toHaveLength(4);
    await training.run();
    expect(log).toContain(
      'reference: adapters off (the policy with its LoRA adapters disabled; no second copy)',
    );
    training.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('saves the trained policy as checkpoints hold it: the whole model, or the PEFT adapter', async () => {
    const objective = simpo({ beta: 2, gamma: 1 });
    const full = await buildTraining(settings(objective.name, { maxSteps: 2 }), lookups(objective));
    await full.run();
    await full.save(join(dir, 'full'));
    const loaded = loadModel(join(dir, 'full'));
    const trained = full.policy.trainableVariables.map((v) => Array.from(v.dataSync()));
    expect(loaded.trainableVariables.map((v) => Array.from(v.dataSync()))).toEqual(trained);
    loaded.dispose();
    full.dispose();

    const lora = { ...NO_LORA, lora: resolveLoraOptions({ rank: 2, alpha: 4, targets: 'q,v' }) };
    const adapter = await buildTraining(
      settings(objective.name, { lora, maxSteps: 1 }),
      lookups(objective),
    );
    await adapter.run();
    await adapter.save(join(dir, 'lora'));
    adapter.dispose();
    const config = JSON.parse(readFileSync(join(dir, 'lora', 'adapter_config.json'), 'utf8'));
    expect(config).toMatchObject({ peft_type: 'LORA', r: 2, lora_alpha: 4 });
    expect(existsSync(join(dir, 'lora', 'adapter_model.safetensors'))).toBe(true);
    expect(existsSync(join(dir, 'lora', 'model.safetensors'))).toBe(false);
  });
});
