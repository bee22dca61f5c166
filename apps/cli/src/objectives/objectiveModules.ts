import type { ContainerModule } from 'inversify';
import { bundledObjectiveModules } from '../container/bundledObjectiveModules';
import { loadPlugin } from '../container/loadPlugin';

/** The modules that may bind objectives: the bundled objective packages, then each `--plugin`. */
export async function objectiveModules(
  pluginSpecs: readonly string[],
  cwd: string,
): Promise<ContainerModule[]> {
  const modules = [...bundledObjectiveModules()];
  for (const spec of pluginSpecs) modules.push(...(await loadPlugin(spec, cwd)));
  return modules;
}
