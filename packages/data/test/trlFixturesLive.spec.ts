import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIfPython, repoRoot } from '@prefopt/testing';
import { expect, it } from 'vitest';

const script = join(repoRoot(), 'tools/reference/trl_tokenize.py');
const fixtures = join(import.meta.dirname, 'fixtures', 'trl');
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

describeIfPython('TRL fixtures are what the reference script writes today', ['trl'], (python) => {
  it('reruns tools/reference/trl_tokenize.py: same tokenizers, TRL ids and 2-step losses', () => {
    const out = mkdtempSync(join(tmpdir(), 'prefopt-trl-fixtures-'));
    const r = spawnSync(python, [script, out], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    for (const file of [
      'trl_ids.json',
      'tiny-llama/config.json',
      ...['llama2-sp', 'metaspace', 'byte-level', 'llama3'].flatMap((s) => [
        `tokenizers/${s}/tokenizer.json`,
        `tokenizers/${s}/tokenizer_config.json`,
      ]),
    ]) {
      expect(json(join(out, file)), file).toEqual(json(join(fixtures, file)));
    }
    // TRL's float32 numbers may differ in the last bits on another CPU: ids exact, steps close.
    type Steps = { ids: unknown; settings: unknown; steps: Record<string, number>[] };
    const [now, saved] = [out, fixtures].map((d) => json(join(d, 'trl_dpo_steps.json')) as Steps);
    expect([now.ids, now.settings]).toEqual([saved.ids, saved.settings]);
    now.steps.forEach((step, i) => {
      for (const [key, value] of Object.entries(step)) {
        expect(value, key).toBeCloseTo(saved.steps[i][key], 5);
      }
    });
  }, 300_000);
});
