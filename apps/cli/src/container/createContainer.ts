import { PrefoptError } from '@prefopt/core';
import { Container, type ContainerModule } from 'inversify';
import { boundObjectiveNames } from '../objectives/boundObjectiveNames';
import { bundledModules } from './bundledModules';
import { guardObjectiveModule } from './guardObjectiveModule';
import { loadPlugin } from './loadPlugin';

/**
 * The composition root: the only place prefopt builds an inversify Container. Bundled
 * plugin modules load first, then each `--plugin` in order. Two sources binding the same
 * objective name is an error naming both, unless `--override NAME` says the later one wins.
 * Every objective is shape-checked on its outputs (checkedObjective).
 */
export async function createContainer(
  pluginSpecs: readonly string[],
  cwd: string,
  overrides: readonly string[] = [],
): Promise<Container> {
  const groups: { source: string; modules: ContainerModule[] }[] = [
    { source: "prefopt's bundled objectives", modules: bundledModules() },
  ];
  for (const spec of pluginSpecs)
    groups.push({ source: `plugin '${spec}'`, modules: await loadPlugin(spec, cwd) });
  const owner = new Map<string, number>(); // objective name → index of the group that binds it
  for (const [i, group] of groups.entries()) {
    for (const name of await boundObjectiveNames(group.modules)) {
      const before = owner.get(name);
      if (before !== undefined && !overrides.includes(name)) {
        throw new PrefoptError(
          'plugin',
          `objective '${name}' is bound by both ${groups[before].source} and ${group.source}. ` +
            `Rename it in the plugin, or pass --override ${name} to use ${group.source}'s.`,
        );
      }
      owner.set(name, i);
    }
  }
  const container = new Container();
  await container.load(
    ...groups.flatMap((g, i) =>
      g.modules.map((m) => guardObjectiveModule(m, g.source, (name) => owner.get(name) === i)),
    ),
  );
  return container;
}
