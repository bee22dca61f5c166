import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { runMain } from './support/runMain';

const root = repoRoot();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's shell commands: ```sh blocks, `\` continuations joined, comments dropped. */
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((m) => m[1].replace(/\\\n\s*/g, '').split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line.length > 0);

const FILE_FLAGS = ['--model', '--tokenizer', '--data', '--eval-data', '--input', '--prompts'];

/** The files a command reads: the values of FILE_FLAGS, and `node SCRIPT`'s script. */
function inputsOf(command: string): string[] {
  const words = command.split(/\s+/);
  const files = words.flatMap((w, i) => (FILE_FLAGS.includes(w) ? [words[i + 1]] : []));
  if (words[0] === 'node') files.push(words[1]);
  return files;
}

// A fresh clone has the repository only: every example command must name files that are in it.
describe("README.md's example commands", () => {
  it('are found (the README has its usual command blocks)', () => {
    expect(commands.filter((c) => c.startsWith('npx prefopt ')).length).toBeGreaterThan(8);
  });

  it('read only files that are in the repository, or that an earlier command writes (--out)', () => {
    const written: string[] = [];
    const missing = commands.flatMap((c) => {
      const words = c.split(/\s+/);
      const absent = inputsOf(c)
        .filter((f) => !existsSync(join(root, f)))
        .filter((f) => !written.some((out) => f.startsWith(`${out}/`)))
        .map((f) => `${f} (in: ${c.slice(0, 60)}…)`);
      words.forEach((w, i) => w === '--out' && written.push(words[i + 1]));
      return absent;
    });
    expect(missing).toEqual([]);
  });

  it('`prefopt loss` on examples/data/pair.json prints the hand-worked SimPO losses', async () => {
    const command = commands.find((c) => c.startsWith('npx prefopt loss '));
    expect(command).toBe(
      `npx prefopt loss --objective simpo --params '{"beta":2,"gamma":1}' --input examples/data/pair.json`,
    );
    const r = await runMain(
      [
        'loss',
        '--objective',
        'simpo',
        '--params',
        '{"beta":2,"gamma":1}',
        '--input',
        'examples/data/pair.json',
      ],
      root,
    );
    expect(r.code, r.stderr).toBe(0);
    // h = β·(c/|c| − r/|r|) − γ, loss = −log σ(h), by hand (float64):
    //   pair 1: 2·(−12.3/10 + 15.8/12) − 1 = −0.826667 → log(1 + e^0.826667) = 1.1895758
    //   pair 2: 2·(−20.1/16 + 18.4/14) − 1 = −0.884821 → log(1 + e^0.884821) = 1.2297545
    const out = JSON.parse(r.stdout) as { loss: number; losses: number[] };
    expect(out.losses[0]).toBeCloseTo(1.1895758, 5);
    expect(out.losses[1]).toBeCloseTo(1.2297545, 5);
    expect(out.loss).toBeCloseTo((1.1895758 + 1.2297545) / 2, 5);
  });
});
