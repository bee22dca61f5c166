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

describe('prefopt ablate with LoRA / TR-DPO axes', () => {
  it('trains a dpo run per LoRA rank and a TR-DPO run, each reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-ablate-lora-'));
    const files = writeTaskFiles(
      join(dir, 'data'),
      biggerNumberTask({ seed: 1, trainPairs: 8, heldoutPairs: 4 }),
    );
    const out = join(dir, 'out');
    const stderr = buffer();
    const grid = '{"objective":["dpo"],"loraRank":[2,4],"loraTargets":"q,k,v,o"}';
    const args = (g: string, o: string) => [
      'ablate',
      '--grid',
      g,
      '--model',
      writeTinyModelConfig(dir),
      '--data',
      files.train,
      '--eval-data',
      files.heldout,
      '--steps',
      '2',
      '--batch-size',
      '2',
      '--gen-prompts',
      '2',
      '--max-new-tokens',
      '3',
      '--backend',
      'cpu',
      '--out',
      o,
    ];
    const code = await main(args(grid, out), { stdout: buffer(), stderr, cwd: process.cwd() });
    expect(code, stderr.text).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AblationSummary;
    expect(summary.runs.map((r) => r.name)).toEqual(['dpo_loraRank=2', 'dpo_loraRank=4']);
    for (const r of summary.runs) expect(r.meanGenLength).toBeLessThanOrEqual(3);
    const sync = await main(args('{"objective":["dpo"],"refSyncSteps":[1]}', join(dir, 's')), {
      stdout: buffer(),
      stderr,
      cwd: process.cwd(),
    });
    expect(sync, stderr.text).toBe(0);
  }, 240_000);
});
