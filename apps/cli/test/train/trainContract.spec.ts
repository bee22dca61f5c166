import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { train, trainFixture } from './trainFixture';

const rows = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number>);

/** The fixture with its pairs rewritten in TRL's unpaired format: each pair → a desirable and an undesirable example. */
function unpairedFixture() {
  const f = trainFixture(8);
  const lines = readFileSync(f.data, 'utf8').trim().split('\n');
  const examples = lines.flatMap((l) => {
    const p = JSON.parse(l) as { prompt: string; chosen: string; rejected: string };
    return [
      JSON.stringify({ prompt: p.prompt, completion: p.chosen, label: true }),
      JSON.stringify({ prompt: p.prompt, completion: p.rejected, label: false }),
    ];
  });
  const data = join(f.dir, 'unpaired.jsonl');
  writeFileSync(data, `${examples.join('\n')}\n`);
  return { ...f, data };
}

describe('prefopt train on unpaired data (objective contract v2)', () => {
  it('--objective kto trains on TRL unpaired data with a frozen reference', async () => {
    const f = unpairedFixture();
    const r = await train(f, [
      '--objective',
      'kto',
      '--beta',
      '0.5',
      '--max-steps',
      '3',
      '--out',
      'k',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/16 examples \(unpaired\), 16 kept \(8 desirable, 8 undesirable\)/);
    expect(r.stderr).toContain('reference: a frozen copy of the initial policy');
    const m = rows(join(f.dir, 'k', 'metrics.jsonl'));
    expect(m.map((x) => x.step)).toEqual([1, 2, 3]);
    expect(m.every((x) => Number.isFinite(x.loss) && x.loss > 0 && x.loss < 1)).toBe(true);
  });

  it('a resumed bco run equals the uninterrupted one (its running δ is saved and restored)', async () => {
    const f = unpairedFixture();
    const common = ['--objective', 'bco', '--max-steps', '6', '--grad-accum', '2'];
    const full = await train(f, [...common, '--save-every', '3', '--out', 'a']);
    expect(full.code, full.stderr).toBe(0);
    const state = JSON.parse(
      readFileSync(join(f.dir, 'a', 'checkpoint-3', 'trainer_state.json'), 'utf8'),
    ) as {
      objectiveState: { mean: number; var: number; count: number };
    };
    expect(state.objectiveState.count).toBeCloseTo(3 * 2 * 4, 5); // steps × micro-batches × examples
    const resumed = await train(f, ['--resume', join('a', 'checkpoint-3'), '--out', 'b']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const a = rows(join(f.dir, 'a', 'metrics.jsonl'));
    const b = rows(join(f.dir, 'b', 'metrics.jsonl'));
    expect(b.map((m) => m.step)).toEqual([4, 5, 6]);
    expect(b.map((m) => m.loss)).toEqual(a.slice(3).map((m) => m.loss));
  });

  it('refuses paired data for kto, naming the unpaired format', async () => {
    const f = trainFixture(4);
    const r = await train(f, ['--objective', 'kto', '--max-steps', '1', '--out', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/trains on TRL's unpaired format/);
  });
});

describe('prefopt train with per-token objectives (objective contract v2)', () => {
  for (const objective of ['orpo', 'ld-dpo', 'wpo']) {
    it(`--objective ${objective} trains on the Llama model (per-token inputs computed for it)`, async () => {
      const f = trainFixture(8);
      const r = await train(f, ['--objective', objective, '--max-steps', '2', '--out', 'p']);
      expect(r.code, r.stderr).toBe(0);
      const m = rows(join(f.dir, 'p', 'metrics.jsonl'));
      expect(m.map((x) => x.step)).toEqual([1, 2]);
      expect(m.every((x) => Number.isFinite(x.loss) && Number.isFinite(x.grad_norm))).toBe(true);
    });
  }
});
