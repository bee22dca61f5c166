import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { moderateInput, runCli, tempFile } from './runCli';

// tanh-margin on the moderate batch, printed by /usr/bin/python3 tools/reference/objectives.py:
const torchTanhMargin = {
  loss: 0.6696855166708152,
  losses: [0.8411308951190848, 0.47086637092795347, 0.6970592839654074],
  chosenRewards: [-5.0, -5.041666666666667, -4.666666666666667],
  rejectedRewards: [-4.666666666666667, -5.6, -4.75],
  gradChosen: [-0.03563458997206719, -0.027683470184121376, -0.09385228382357375],
  gradRejected: [0.02969549164338933, 0.033220164220945654, 0.07038921286768031],
};

function expectClose(got: number[], want: number[]): void {
  got.forEach((v, i) =>
    expect(Math.abs(v - want[i])).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(want[i]), 1e-3)),
  );
}

describe('a third-party objective through --plugin (examples/objective-plugin)', () => {
  const input = tempFile(moderateInput);

  it('is listed by prefopt objectives --plugin', async () => {
    const r = await runCli(['objectives', '--json', '--plugin', './examples/objective-plugin']);
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.stdout) as { name: string }[]).map((l) => l.name);
    expect(names.slice(-2)).toEqual(['tanh-margin', 'weakest-token']);
  });

  it('runs through prefopt loss --plugin ./examples/objective-plugin (a real subprocess)', () => {
    const root = repoRoot();
    const bin = join(root, 'apps/cli/bin/prefopt.mjs');
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'loss',
        '--plugin',
        './examples/objective-plugin',
        '--objective',
        'tanh-margin',
        '--input',
        input,
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, number[] | number>;
    expectClose([report.loss as number], [torchTanhMargin.loss]);
    expectClose(report.gradChosen as number[], torchTanhMargin.gradChosen);
    expectClose(report.gradRejected as number[], torchTanhMargin.gradRejected);
    expectClose(report.chosenRewards as number[], torchTanhMargin.chosenRewards);
  });

  it('is unknown without --plugin, and the error lists what is available', async () => {
    const r = await runCli(['loss', '--objective', 'tanh-margin', '--input', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown objective 'tanh-margin'. Available: dpo, .*--plugin/);
  });

  it('fails with a plugin error for a path that does not exist', async () => {
    const r = await runCli([
      'loss',
      '--plugin',
      './examples/nope',
      '--objective',
      'x',
      '--input',
      input,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plugin '.\/examples\/nope': no such file or folder/);
  });
});
