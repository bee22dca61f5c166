import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../support/runMain';
import { writeTinyModelConfig } from '../support/writeTinyModelConfig';

/**
 * A temp folder with a tiny byte-level model config (vocabulary 259 = ByteTokenizer) and
 * `pairs` TRL-standard pairs: "n plus one?" → chosen "n+1", rejected "n-1".
 */
export function trainFixture(pairs = 16) {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-train-'));
  const model = writeTinyModelConfig(dir);
  const data = join(dir, 'pairs.jsonl');
  const rows = Array.from({ length: pairs }, (_, n) =>
    JSON.stringify({ prompt: `${n} plus one?`, chosen: ` ${n + 1}.`, rejected: ` ${n - 1}!` }),
  );
  writeFileSync(data, `${rows.join('\n')}\n`);
  return { dir, model, data };
}

/** The tiny fixture's common `prefopt train` flags (model, data, cpu, small batch, seed 1). */
export function fixtureArgs(f: { model: string; data: string }): string[] {
  return [
    '--model',
    f.model,
    '--data',
    f.data,
    '--backend',
    'cpu',
    '--max-length',
    '32',
    '--batch-size',
    '4',
    '--lr',
    '0.01',
    '--seed',
    '1',
  ];
}

/** Runs `prefopt train` in-process with the tiny fixture's common flags plus `extra`. */
export async function train(f: { dir: string; model: string; data: string }, extra: string[]) {
  return runMain(['train', ...fixtureArgs(f), ...extra], f.dir);
}
