import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moderateInput, runCli, tempFile } from './runCli';

/**
 * A plugin file exporting one plain objective factory named `name` (no inversify, no
 * imports): its loss is `lossExpr`, a chained tfjs expression over the [B] `chosen` tensor.
 */
function pluginFile(name: string, lossExpr: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'prefopt-plugin-')), `${name}.mjs`);
  writeFileSync(
    file,
    `export function factory() {
  return {
    name: '${name}',
    requiresReference: false,
    options: {},
    compute: ({ policy }) => {
      const chosen = policy.chosen;
      return { loss: ${lossExpr}, losses: chosen.mul(0), chosenRewards: chosen.mul(0), rejectedRewards: chosen.mul(0) };
    },
  };
}
factory.objectiveName = '${name}';
factory.options = {};
`,
  );
  return file;
}

describe('plugin guards', () => {
  const input = tempFile(moderateInput);

  it('a plugin binding a bundled name is one line naming both sources, exit 2', async () => {
    const plugin = pluginFile('simpo', 'chosen.sum().mul(0).add(7)');
    const r = await runCli(['objectives', '--plugin', plugin]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `prefopt: objective 'simpo' is bound by both prefopt's bundled objectives and plugin '${plugin}'. Rename it in the plugin, or pass --override simpo to use plugin '${plugin}''s.\n`,
    );
  });

  it("--override NAME uses the later source's objective", async () => {
    const plugin = pluginFile('simpo', 'chosen.sum().mul(0).add(7)');
    const r = await runCli([
      'loss',
      '--plugin',
      plugin,
      '--override',
      'simpo',
      '--objective',
      'simpo',
      '--input',
      input,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { loss: number }).loss).toBe(7);
  });

  it('an objective returning the wrong shape fails with one line naming it and its plugin', async () => {
    const plugin = pluginFile('wrong-shape', 'chosen.neg()'); // [B], not a scalar
    const r = await runCli([
      'loss',
      '--plugin',
      plugin,
      '--objective',
      'wrong-shape',
      '--input',
      input,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `prefopt: objective 'wrong-shape' (from plugin '${plugin}') returned loss of shape [3], expected a scalar tensor. Fix the objective's compute().\n`,
    );
  });
});
