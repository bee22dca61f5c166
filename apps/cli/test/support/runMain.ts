import { main } from '../../src/main';

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
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
