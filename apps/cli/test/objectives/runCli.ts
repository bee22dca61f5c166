import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@prefopt/testing';
import { runMain, type MainRun } from '../support/runMain';

/** Runs `prefopt …` in-process from the repository root; returns exit code and output. */
export function runCli(argv: string[]): Promise<MainRun> {
  return runMain(argv, repoRoot());
}

/** Writes `content` (a string as is, anything else as JSON) to a fresh temp file. */
export function tempFile(content: unknown, name = 'input.json'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'prefopt-loss-')), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The moderate batch of the objective specs (tools/reference/objectives.py evaluates it). */
export const moderateInput = {
  policy: { chosen: [-12.5, -30.25, -7], rejected: [-14, -28, -9.5] },
  reference: { chosen: [-13, -29.5, -8], rejected: [-13.5, -29, -9] },
  lengths: { chosen: [5, 12, 3], rejected: [6, 10, 4] },
};
