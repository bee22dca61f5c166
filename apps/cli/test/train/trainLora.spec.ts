import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModel, saveModel } from '@prefopt/model';
import { describeIfPython, repoRoot, useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/runMain';
import { train, trainFixture } from './trainFixture';

const TEXT = '12 plus one? 13.';
const LORA = ['--lora-rank', '4', '--lora-alpha', '8', '--lora-targets', 'q,k,v,o,gate,up,down'];

/** The train fixture with its model saved as an HF folder (what peft loads adapters onto). */
async function loraFixture() {
  const f = trainFixture();
  await useCpuBackend();
  const base = join(f.dir, 'base');
  const config = JSON.parse(readFileSync(f.model, 'utf8'));
  const model = createModel(config, { seed: 1 });
  await saveModel(model, base);
  model.dispose();
  return { ...f, model: base };
}

async function score(dir: string, model: string, adapter?: string) {
  const r = await runMain(
    [
      'score',
      '--model',
      model,
      ...(adapter ? ['--adapter', adapter] : []),
      '--tokenizer',
      'bytes',
      '--backend',
      'cpu',
      '--text',
      TEXT,
    ],
    dir,
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { tokens: number[]; logprobs: number[] };
}

const close = (a: number[], b: number[], tol: number) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
};

describe('prefopt train with LoRA', () => {
  let f: Awaited<ReturnType<typeof loraFixture>>;
  beforeAll(async () => {
    f = await loraFixture();
  });

  it('dpo + LoRA: reference "adapters off", a PEFT adapter checkpoint, score and merge agree', async () => {
    const r = await train(f, [
      '--objective',
      'dpo',
      ...LORA,
      '--max-steps',
      '3',
      '--tokenizer',
      'bytes',
      '--out',
      'run',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('reference: adapters off');
    const ckpt = join(f.dir, 'run', 'checkpoint-3');
    expect(readdirSync(ckpt).sort()).toEqual([
      'adapter_config.json',
      'adapter_model.safetensors',
      'optimizer.bin',
      'trainer_state.json',
    ]);
    const state = JSON.parse(readFileSync(join(ckpt, 'trainer_state.json'), 'utf8'));
    // optimiser state of the adapters only: 7 targets × 1 layer × (A, B)
    expect(state.optimizer.sizes).toHaveLength(14);
    const base = await score(f.dir, f.model);
    const adapted = await score(f.dir, f.model, ckpt);
    expect(adapted.tokens).toEqual(base.tokens);
    expect(
      Math.max(...adapted.logprobs.map((x, i) => Math.abs(x - base.logprobs[i]))),
    ).toBeGreaterThan(1e-4);
    const m = await runMain(
      ['merge', '--model', f.model, '--adapter', ckpt, '--out', 'merged', '--backend', 'cpu'],
      f.dir,
    );
    expect(m.code, m.stderr).toBe(0);
    close((await score(f.dir, join(f.dir, 'merged'))).logprobs, adapted.logprobs, 1e-5);
  });

  it("resumes with adapters and ends on the uninterrupted run's loss", async () => {
    const common = ['--objective', 'dpo', ...LORA, '--max-steps', '4', '--tokenizer', 'bytes'];
    const full = await train(f, [...common, '--save-every', '2', '--out', 'a']);
    expect(full.code, full.stderr).toBe(0);
    const resumed = await train(f, ['--resume', join('a', 'checkpoint-2'), '--out', 'b']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('reference: adapters off');
    expect(JSON.parse(resumed.stdout).loss).toBe(JSON.parse(full.stdout).loss);
  });

  it('simpo + LoRA loads no reference; TRL/PEFT flag names are accepted', async () => {
    const r = await train(f, [
      '--objective',
      'simpo',
      '--lora_r',
      '2',
      '--lora_alpha',
      '4',
      '--lora_target_modules',
      'q_proj,v_proj',
      '--max-steps',
      '2',
      '--tokenizer',
      'bytes',
      '--out',
      'simpo',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('reference:');
    const config = JSON.parse(
      readFileSync(join(f.dir, 'simpo', 'checkpoint-2', 'adapter_config.json'), 'utf8'),
    );
    expect(config).toMatchObject({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj'] });
  });

  it('bad LoRA input is a one-line config error (exit 2) naming the flag', async () => {
    const bad = await train(f, ['--objective', 'dpo', '--lora-targets', 'q,x', '--out', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown LoRA target 'x'/);
    const sync = await train(f, [
      '--objective',
      'dpo',
      '--lora-rank',
      '4',
      '--ref-sync-steps',
      '2',
      '--out',
      'y',
    ]);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(/TR-DPO sync .* needs full fine-tuning/);
  });

  it('TR-DPO resume restores the moved reference: the same loss as the uninterrupted run', async () => {
    const common = [
      '--objective',
      'dpo',
      '--ref-sync-steps',
      '1',
      '--max-steps',
      '4',
      '--tokenizer',
      'bytes',
    ];
    const full = await train(f, [...common, '--save-every', '2', '--out', 'sa']);
    expect(full.code, full.stderr).toBe(0);
    const resumed = await train(f, ['--resume', join('sa', 'checkpoint-2'), '--out', 'sb']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).loss).toBe(JSON.parse(full.stdout).loss);
  });

  it('LoRA + --precompute-ref: the cache is computed from the base with adapters off, then reused', async () => {
    const args = [
      '--objective',
      'dpo',
      ...LORA,
      '--max-steps',
      '2',
      '--tokenizer',
      'bytes',
      '--precompute-ref',
      'cache',
    ];
    const first = await train(f, [...args, '--out', 'c1']);
    expect(first.code, first.stderr).toBe(0);
    const second = await train(f, [...args, '--out', 'c2']);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(join(f.dir, 'cache'))).toHaveLength(1);
    // the same reference numbers as adapters off, run live
    const live = await train(f, [
      '--objective',
      'dpo',
      ...LORA,
      '--max-steps',
      '2',
      '--tokenizer',
      'bytes',
      '--out',
      'c3',
    ]);
    expect(JSON.parse(second.stdout).loss).toBeCloseTo(JSON.parse(live.stdout).loss, 6);
  });

  it('TR-DPO sync for full fine-tuning: the log names it, TRL names accepted', async () => {
    const r = await train(f, [
      '--objective',
      'dpo',
      '--ref_model_mixup_alpha',
      '0.5',
      '--ref-sync-steps',
      '2',
      '--max-steps',
      '2',
      '--tokenizer',
      'bytes',
      '--out',
      'sync',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('reference: tr-dpo sync');
    expect(readdirSync(join(f.dir, 'sync', 'checkpoint-2'))).toContain('reference');
  });
});

describeIfPython(
  'LoRA adapters saved by prefopt, loaded by Python peft',
  ['torch', 'transformers', 'peft'],
  (python) => {
    it("peft's log-probs equal prefopt score within 1e-4, with the adapter and merged", async () => {
      const f = await loraFixture();
      const r = await train(f, [
        '--objective',
        'dpo',
        ...LORA,
        '--max-steps',
        '3',
        '--tokenizer',
        'bytes',
        '--out',
        'run',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const ckpt = join(f.dir, 'run', 'checkpoint-3');
      const ours = await score(f.dir, f.model, ckpt);
      writeFileSync(join(f.dir, 'ids.json'), JSON.stringify([ours.tokens]));
      const script = join(repoRoot(), 'tools', 'reference', 'peft_lora.py');
      const peft = (model: string, adapter: string) => {
        const p = spawnSync(python, [script, 'score', model, adapter, join(f.dir, 'ids.json')], {
          encoding: 'utf8',
        });
        expect(p.status, p.stderr).toBe(0);
        return (JSON.parse(p.stdout) as number[][])[0];
      };
      close(peft(f.model, ckpt), ours.logprobs, 1e-4);
      const m = await runMain(
        ['merge', '--model', f.model, '--adapter', ckpt, '--out', 'merged', '--backend', 'cpu'],
        f.dir,
      );
      expect(m.code, m.stderr).toBe(0);
      close(peft(join(f.dir, 'merged'), '-'), ours.logprobs, 1e-4);
    });
  },
);
