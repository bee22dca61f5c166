import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import type { ScoredPair } from './selectBestWorst';

/** TRL-format JSONL: one `{prompt, chosen, rejected, score_chosen, score_rejected}` per line. */
export function writePairs(file: string, pairs: readonly ScoredPair[]): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      pairs.map((p) => JSON.stringify(p)).join('\n') + (pairs.length ? '\n' : ''),
    );
  } catch (e) {
    throw new PrefoptError('io', `cannot write pairs to ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}
