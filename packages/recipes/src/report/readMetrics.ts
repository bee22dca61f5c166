import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';

/** One row of a run's metrics.jsonl: a step row (`loss`, …) or an eval row (`eval/loss`, …). */
export type MetricsRow = Record<string, number>;

export interface RunMetrics {
  steps: MetricsRow[];
  evals: MetricsRow[];
}

/** Reads a trainer's metrics.jsonl, splitting step rows from eval rows. */
export function readMetrics(file: string): RunMetrics {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PrefoptError('io', `cannot read metrics file ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const out: RunMetrics = { steps: [], evals: [] };
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new PrefoptError('data', `${file} line ${i + 1}: not JSON (${(e as Error).message}).`);
    }
    if (typeof row !== 'object' || row === null) return;
    const r = row as MetricsRow;
    if ('eval/loss' in r) out.evals.push(r);
    else if ('loss' in r) out.steps.push(r);
  });
  return out;
}
