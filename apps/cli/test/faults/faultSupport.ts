import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { MainRun } from '../support/runMain';

/** Every file under `out` (checkpoints, metrics.jsonl) → its sha256, or its text for metrics. */
export function snapshot(out: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'metrics.jsonl') files.set(relative(out, path), readFileSync(path, 'utf8'));
      else if (!name.startsWith('.prefopt.lock'))
        files.set(
          relative(out, path),
          createHash('sha256').update(readFileSync(path)).digest('hex'),
        );
    }
  };
  walk(out);
  return files;
}

/**
 * Nothing of `before` was lost: every checkpoint file is still there, byte for byte, and
 * metrics.jsonl still starts with every row it had.
 */
export function expectNothingLost(before: Map<string, string>, out: string): void {
  const after = snapshot(out);
  for (const [path, value] of before) {
    if (path === 'metrics.jsonl') expect(after.get(path) ?? '', path).toContain(value);
    else expect(after.get(path), path).toBe(value);
  }
}

/**
 * The run failed with `code` and ONE line: the last stderr line is `prefopt: …` matching
 * `message`, and no line anywhere is a stack frame.
 */
export function expectOneLine(r: MainRun, code: number, message: RegExp | string): string {
  const lines = r.stderr.trimEnd().split('\n');
  const last = lines.at(-1)!;
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('unexpected error');
  expect(last.startsWith('prefopt: '), r.stderr).toBe(true);
  if (typeof message === 'string') expect(last).toBe(`prefopt: ${message}`);
  else expect(last).toMatch(message);
  return last;
}

/** The rows of a metrics.jsonl (all must parse). */
export const metricRows = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number>);

/** The training rows' losses (eval rows left out). */
export const losses = (file: string) =>
  metricRows(file)
    .filter((r) => 'loss' in r)
    .map((r) => [r.step, r.loss]);
