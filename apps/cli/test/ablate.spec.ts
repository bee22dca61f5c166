import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AblationSummary } from '@prefopt/recipes';
import { biggerNumberTask } from '@prefopt/recipes';
import { writeTaskFiles } from '@prefopt/recipes';
import { main } from '../src/main';
import { textBuffer as buffer } from '@prefopt/testing';
import { writeTinyModelConfig } from './support/writeTinyModelConfig';

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-ablate-'));
  const files = writeTaskFiles(
    join(dir, 'data'),
    biggerNumberTask({ seed: 1, trainPairs: 16, heldoutPairs: 4 }),
  );
  const model = writeTinyModelConfig(dir);
  return { dir, files, model };
}

describe('prefopt ablate', () => {
  it('expands the grid, trains each run from the model and reports them', async () => {
    const { dir, files, model } = fixture();
    const out = join(dir, 'out');
    const stdout = buffer();
    const stderr = buffer();
    const code = await main(
      [
        'ablate',
        '--grid',
        '{"objective":["simpo"],"gamma":[0,1],"lengthNormalize":[false]}',
        '--model',
        model,
        '--data',
        files.train,
        '--eval-data',
        files.heldout,
        '--steps',
        '1',
        '--batch-size',
        '2',
        '--gen-prompts',
        '3',
        '--max-new-tokens',
        '4',
        '--annotator',
        'contains-word',
        '--annotator-options',
        '{"word":"Sure"}',
        '--backend',
        'cpu',
        '--out',
        out,
      ],
      { stdout, stderr, cwd: process.cwd() },
    );
    expect(code, stderr.text).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AblationSummary;
    // 1 objective × 2 gammas × 1 = 2 runs; lengthNormalize does not vary so it is not in the name
    expect(summary.runs.map((r) => r.name)).toEqual(['simpo_gamma=0', 'simpo_gamma=1']);
    expect(summary.runs[1].options).toMatchObject({ gamma: 1, lengthNormalize: false, beta: 2 });
    expect(summary.baseline?.name).toBe('base');
    expect(summary.command).toContain(
      `--grid '{"objective":["simpo"],"gamma":[0,1],"lengthNormalize":[false]}'`,
    );
    for (const r of summary.runs) expect(r.meanGenLength).toBeLessThanOrEqual(4);
    expect(stdout.text).toMatch(/simpo_gamma=1/);
  }, 180_000);

  it('rejects a grid key no objective has, before training anything', async () => {
    const { files, model } = fixture();
    const stderr = buffer();
    const code = await main(
      [
        'ablate',
        '--grid',
        '{"objective":["dpo"],"gama":[1]}',
        '--model',
        model,
        '--data',
        files.train,
        '--eval-data',
        files.heldout,
      ],
      { stdout: buffer(), stderr, cwd: process.cwd() },
    );
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/no objective in \["dpo"\] has an option "gama"/);
  });
});
