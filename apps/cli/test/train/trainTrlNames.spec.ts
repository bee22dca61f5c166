import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDocumentedFlag } from '../../src/train/trainFlagHelp';
import { trainFlags } from '../../src/train/trainFlags';
import { runMain } from '../support/runMain';
import { trainFixture } from './trainFixture';

const metrics = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number>);
const losses = (file: string) => metrics(file).map((m) => m.loss);

describe("prefopt train takes TRL's names", () => {
  it("TRL flag names train exactly as prefopt's own", async () => {
    const f = trainFixture();
    const common = [
      'train',
      '--model',
      f.model,
      '--data',
      f.data,
      '--backend',
      'cpu',
      '--max-length',
      '32',
      '--seed',
      '1',
      '--max-steps',
      '3',
    ];
    const own = await runMain(
      [
        ...common,
        '--objective',
        'dpo',
        '--lr',
        '0.01',
        '--batch-size',
        '4',
        '--grad-accum',
        '2',
        '--out',
        'own',
      ],
      f.dir,
    );
    expect(own.code, own.stderr).toBe(0);
    const trl = await runMain(
      [
        ...common,
        '--loss-type',
        'sigmoid',
        '--learning-rate',
        '0.01',
        '--per-device-train-batch-size',
        '4',
        '--gradient-accumulation-steps',
        '2',
        '--output-dir',
        'trl',
      ],
      f.dir,
    );
    expect(trl.code, trl.stderr).toBe(0);
    expect(losses(join(f.dir, 'trl', 'metrics.jsonl'))).toEqual(
      losses(join(f.dir, 'own', 'metrics.jsonl')),
    );
  });

  it('runs a TRL DPOConfig YAML (ignoring precision/hub keys) and writes TensorBoard files', async () => {
    const f = trainFixture();
    writeFileSync(
      join(f.dir, 'dpo.yaml'),
      [
        'output_dir: cfg',
        'loss_type: ipo',
        'beta: 0.5',
        'learning_rate: 0.01',
        'per_device_train_batch_size: 4',
        'max_steps: 3',
        'max_length: 32',
        'seed: 1',
        'bf16: true',
        'logging_steps: 10',
        'gradient_checkpointing: false',
        'report_to: [tensorboard]',
        '',
      ].join('\n'),
    );
    const fromYaml = await runMain(
      ['train', '--config', 'dpo.yaml', '--model', f.model, '--data', f.data, '--backend', 'cpu'],
      f.dir,
    );
    expect(fromYaml.code, fromYaml.stderr).toBe(0);
    expect(fromYaml.stderr).toContain(
      'ignored (no effect in prefopt): bf16, logging_steps, gradient_checkpointing',
    );
    const own = await runMain(
      [
        'train',
        '--objective',
        'ipo',
        '--beta',
        '0.5',
        '--lr',
        '0.01',
        '--batch-size',
        '4',
        '--max-steps',
        '3',
        '--max-length',
        '32',
        '--seed',
        '1',
        '--model',
        f.model,
        '--data',
        f.data,
        '--backend',
        'cpu',
        '--out',
        'own',
      ],
      f.dir,
    );
    expect(own.code, own.stderr).toBe(0);
    expect(losses(join(f.dir, 'cfg', 'metrics.jsonl'))).toEqual(
      losses(join(f.dir, 'own', 'metrics.jsonl')),
    );
    expect(
      readdirSync(join(f.dir, 'cfg', 'runs')).some((n) => n.startsWith('events.out.tfevents.')),
    ).toBe(true);
  });

  it('suggests the nearest flag for a typo, and refuses TRL names that clash', async () => {
    const f = trainFixture();
    const base = [
      'train',
      '--objective',
      'dpo',
      '--model',
      f.model,
      '--data',
      f.data,
      '--backend',
      'cpu',
      '--out',
      'x',
    ];
    const typo = await runMain([...base, '--lerning-rate', '1e-3'], f.dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown flag --lerning-rate\. Did you mean --learning-rate\?/);
    const clash = await runMain([...base, '--lr', '1e-3', '--learning-rate', '2e-3'], f.dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('name the same setting');
    const cpoSimpo = await runMain(
      [
        ...base.filter((a) => a !== '--objective' && a !== 'dpo'),
        '--loss-type',
        'simpo',
        '--cpo-alpha',
        '1',
      ],
      f.dir,
    );
    expect(cpoSimpo.code).toBe(2);
    expect(cpoSimpo.stderr).toContain("--objective 'simpo+1*sft'");
  });

  it('--help describes every flag train reads', async () => {
    expect(trainFlags.filter((k) => !isDocumentedFlag(k))).toEqual([]);
    const r = await runMain(['train', '--help'], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--learning-rate');
    expect(r.stdout).toContain('--report-to');
  });
});
