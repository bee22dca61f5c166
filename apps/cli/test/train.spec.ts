import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { train, trainFixture } from './train/trainFixture';

const rows = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number>);

describe('prefopt train', () => {
  it('trains a reference-free objective: metrics rows with TRL names, a final HF checkpoint, a JSON summary', async () => {
    const f = trainFixture();
    const r = await train(f, [
      '--objective',
      'simpo',
      '--beta',
      '2',
      '--gamma',
      '0.5',
      '--max-steps',
      '4',
      '--out',
      'run',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const metrics = rows(join(f.dir, 'run', 'metrics.jsonl'));
    expect(metrics.map((m) => m.step)).toEqual([1, 2, 3, 4]);
    expect(Object.keys(metrics[0]).sort()).toEqual(
      [
        'epoch',
        'grad_norm',
        'logps/chosen',
        'logps/rejected',
        'loss',
        'lr',
        'rewards/accuracies',
        'rewards/chosen',
        'rewards/margins',
        'rewards/rejected',
        'step',
        'tokens_per_sec',
      ].sort(),
    );
    expect(r.stderr).toContain('training simpo (reference-free) for 4 steps');
    expect(r.stderr).not.toContain('reference:');
    expect(readdirSync(join(f.dir, 'run', 'checkpoint-4')).sort()).toEqual([
      'config.json',
      'generation_config.json',
      'model.safetensors',
      'optimizer.bin',
      'trainer_state.json',
    ]);
    const summary = JSON.parse(r.stdout) as { steps: number; loss: number };
    expect(summary.steps).toBe(4);
    expect(summary.loss).toBe(metrics[3].loss);
  });

  it("resumes from a mid-run checkpoint and ends on the uninterrupted run's loss, bit for bit", async () => {
    const f = trainFixture();
    const common = [
      '--objective',
      'dpo',
      '--beta',
      '0.5',
      '--max-steps',
      '6',
      '--grad-accum',
      '2',
      '--lr-scheduler',
      'cosine',
      '--warmup-ratio',
      '0.2',
    ];
    const full = await train(f, [...common, '--save-every', '3', '--out', 'a']);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).toContain('reference: a frozen copy of the initial policy');
    // checkpoint-3 was written mid-run: resuming from it is what a run killed after step 3 does
    const resumed = await train(f, ['--resume', join('a', 'checkpoint-3'), '--out', 'b']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resuming after step 3');
    const a = rows(join(f.dir, 'a', 'metrics.jsonl'));
    const b = rows(join(f.dir, 'b', 'metrics.jsonl'));
    expect(b.map((m) => m.step)).toEqual([4, 5, 6]);
    expect(b.map((m) => m.loss)).toEqual(a.slice(3).map((m) => m.loss));
    expect(b[2].lr).toBe(a[5].lr);
  });

  it('--precompute-ref computes reference log-probs once; later runs and other objectives reuse them', async () => {
    const f = trainFixture();
    const cache = join(f.dir, 'refcache');
    const first = await train(f, [
      '--objective',
      'dpo',
      '--max-steps',
      '2',
      '--precompute-ref',
      cache,
      '--out',
      'r1',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/reference log-probs: computing .*refcache/);
    const [file] = readdirSync(cache);
    const written = statSync(join(cache, file)).mtimeMs;
    const second = await train(f, [
      '--objective',
      'dpo',
      '--max-steps',
      '2',
      '--precompute-ref',
      cache,
      '--out',
      'r2',
    ]);
    const ipo = await train(f, [
      '--objective',
      'ipo',
      '--max-steps',
      '2',
      '--precompute-ref',
      cache,
      '--out',
      'r3',
    ]);
    for (const r of [second, ipo]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/reference log-probs: reusing .*refcache/);
    }
    expect(readdirSync(cache)).toEqual([file]);
    expect(statSync(join(cache, file)).mtimeMs).toBe(written);
    // the cached reference gives the frozen copy's numbers: dpo's first loss is log 2 either way
    expect(rows(join(f.dir, 'r2', 'metrics.jsonl'))[0].loss).toBeCloseTo(Math.LN2, 5);
    expect(rows(join(f.dir, 'r2', 'metrics.jsonl'))).toEqual(
      rows(join(f.dir, 'r1', 'metrics.jsonl')).map((m, i) => ({
        ...m,
        tokens_per_sec: rows(join(f.dir, 'r2', 'metrics.jsonl'))[i].tokens_per_sec,
      })),
    );
  });

  it('--config supplies settings that flags override; eval rows every --eval-every steps', async () => {
    const f = trainFixture();
    writeFileSync(
      join(f.dir, 'train.json'),
      JSON.stringify({
        objective: 'simpo',
        'max-steps': 9,
        gamma: 0.5,
        evalSplit: 0.25,
        'eval-every': 2,
      }),
    );
    const r = await train(f, ['--config', 'train.json', '--max-steps', '4', '--out', 'c']);
    expect(r.code, r.stderr).toBe(0);
    const all = rows(join(f.dir, 'c', 'metrics.jsonl'));
    expect(all.filter((m) => 'loss' in m)).toHaveLength(4);
    expect(all.filter((m) => 'eval/loss' in m).map((m) => m.step)).toEqual([2, 4]);
    const state = JSON.parse(
      readFileSync(join(f.dir, 'c', 'checkpoint-4', 'trainer_state.json'), 'utf8'),
    );
    expect(state.objective).toEqual({
      name: 'simpo',
      options: expect.objectContaining({ beta: 2, gamma: 0.5 }),
    });
  });

  it('--epochs without --max-steps: ⌈epochs · batches per epoch / grad-accum⌉ steps', async () => {
    const f = trainFixture();
    // 16 pairs / batch 4 = 4 batches per epoch; 2 epochs / accumulation 2 = 4 steps
    const r = await train(f, [
      '--objective',
      'simpo',
      '--epochs',
      '2',
      '--grad-accum',
      '2',
      '--out',
      'ep',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const metrics = rows(join(f.dir, 'ep', 'metrics.jsonl'));
    expect(metrics.map((m) => m.epoch)).toEqual([0.5, 1, 1.5, 2]);
  });

  it('rejects bad flags with one line and exit code 2', async () => {
    const f = trainFixture();
    const unknown = await train(f, ['--objective', 'simpo', '--betta', '2', '--out', 'e']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^prefopt: unknown flag --betta\. Did you mean --beta\? simpo's options are: --beta/,
    );
    const noEval = await train(f, ['--objective', 'simpo', '--eval-every', '5', '--out', 'e']);
    expect(noEval.code).toBe(2);
    expect(noEval.stderr).toMatch(/--eval-every 5 needs held-out data/);
    const long = await train(f, ['--objective', 'simpo', '--max-length', '100', '--out', 'e']);
    expect(long.stderr).toMatch(/--max-length 100 exceeds the model's context of 48/);
    const badResume = await train(f, ['--objective', 'simpo', '--resume', 'nowhere', '--out', 'e']);
    expect(badResume.code).toBe(2);
    expect(badResume.stderr).toMatch(/--resume .*nowhere: no trainer_state.json/);
    expect(existsSync(join(f.dir, 'e', 'metrics.jsonl'))).toBe(false);
  });
});
