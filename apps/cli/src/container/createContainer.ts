import { Container, type ContainerModule } from 'inversify';
import { bundledModules } from './bundledModules';
import { loadPlugin } from './loadPlugin';

/**
 * The composition root: the only place prefopt builds an inversify Container. Bundled
 * plugin modules load first, then each `--plugin` in order (a plugin may rebind a name).
 */
export async function createContainer(
  pluginSpecs: readonly string[],
  cwd: string,
): Promise<Container> {
  const container = new Container();
  const modules: ContainerModule[] = [...bundledModules()];
  for (const spec of pluginSpecs) modules.push(...(await loadPlugin(spec, cwd)));
  await container.load(...modules);
  return container;
}
