import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { moderateInput, runCli, tempFile } from './runCli';

/**
 * A plugin file whose manifest (its default export, no imports) lists one plain objective
 * factory named `name`: its loss is `lossExpr`, a chained tfjs expression over the [B]
 * `chosen` tensor.
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
export default { name: 'guard-${name}', objectives: [factory] };
`,
  );
  return file;
}

describe('plugin guards', () => {
  const input = tempFile(moderateInput);

  it('a plugin giving a bundled name is one line naming both sources, exit 2', async () => {
    const plugin = pluginFile('simpo', 'chosen.sum().mul(0).add(7)');
    const r = await runCli(['objectives', '--plugin', plugin]);
    expect(r.code).toBe(2);
    const source = `plugin 'guard-simpo' (${plugin})`;
    expect(r.stderr).toBe(
      `prefopt: objective 'simpo' is in both plugin '@prefopt/objective-simpo' (bundled) and ${source}. Rename it in the plugin, or pass --override simpo to use ${source}'s.\n`,
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
      `prefopt: objective 'wrong-shape' (from plugin 'guard-wrong-shape' (${plugin})) returned loss of shape [3], expected a scalar tensor. Fix the objective's compute().\n`,
    );
  });

  it('a plugin written for the old inversify wiring is told what to export instead', async () => {
    const inversify = pathToFileURL(createRequire(import.meta.url).resolve('inversify')).href;
    const file = tempFile(
      `import { ContainerModule } from '${inversify}';
export const oldModule = new ContainerModule(() => {});
`,
      'old-plugin.mjs',
    );
    const r = await runCli(['objectives', '--plugin', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `prefopt: plugin '${file}' (${file}) exports an inversify ContainerModule, which prefopt no longer reads. ` +
        `Export a manifest as default or as 'plugin': export default { name: 'my-plugin', objectives: [myObjective], ` +
        `backends: [], annotators: [] } (see docs/objectives.md).\n`,
    );
  });

  it('a manifest under the name `plugin` is read, and a malformed one is one line naming the field', async () => {
    const named = tempFile(
      `export const plugin = { name: 'named', annotators: [] };\n`,
      'named-plugin.mjs',
    );
    expect((await runCli(['objectives', '--plugin', named])).code).toBe(0);
    const bad = tempFile(`export default { name: 'bad', backends: [{ name: 'x' }] };\n`, 'bad.mjs');
    const r = await runCli(['backends', '--plugin', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^prefopt: plugin '.*bad\.mjs': backends\[0\] is not a BackendAdapter \(\{ name, priority, isAvailable\(\), activate\(\) \}\)\. A plugin manifest is/,
    );
  });
});
