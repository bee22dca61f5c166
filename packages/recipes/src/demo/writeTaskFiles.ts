import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import type { BiggerNumberTask, TextPair } from './task/biggerNumberTask';

/** Writes the task's splits as TRL-format JSONL (`train.jsonl`, `heldout.jsonl`, `sft.jsonl` when given) under `dir`. */
export function writeTaskFiles(
  dir: string,
  task: BiggerNumberTask & { sft?: TextPair[] },
): { train: string; heldout: string; sft: string | null } {
  const train = join(dir, 'train.jsonl');
  const heldout = join(dir, 'heldout.jsonl');
  const sft = task.sft ? join(dir, 'sft.jsonl') : null;
  const lines = (pairs: TextPair[]) => pairs.map((p) => JSON.stringify(p)).join('\n') + '\n';
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(train, lines(task.train));
    writeFileSync(heldout, lines(task.heldout));
    if (sft) writeFileSync(sft, lines(task.sft!));
  } catch (e) {
    throw new PrefoptError('io', `cannot write the demo data to ${dir}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  return { train, heldout, sft };
}
