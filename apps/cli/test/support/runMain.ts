import { main } from '../../src/main';
import { textBuffer } from '@prefopt/testing';

/** What an in-process `prefopt …` run returned and wrote. */
export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `prefopt <argv>` in-process (`main` from src/main.ts) with string buffers for
 * stdout and stderr, in `cwd` (default: this process's working directory).
 */
export async function runMain(argv: string[], cwd: string = process.cwd()): Promise<MainRun> {
  const stdout = textBuffer();
  const stderr = textBuffer();
  const code = await main(argv, { stdout, stderr, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
