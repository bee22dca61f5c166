import {
  createRegistry,
  type PluginManifest,
  type Registry,
  type SourcedManifest,
} from '@prefopt/core';
import { bundledManifests } from './bundledManifests';
import { checkedFactory, loadPlugin } from '@prefopt/recipes';

/**
 * The one Registry of a prefopt invocation: the bundled manifests, then each `--plugin`'s
 * manifest in order. Two sources giving the same name is one error naming both, unless
 * `--override NAME` says the later one wins. Every objective is shape-checked on its
 * outputs (checkedObjective), its errors naming the plugin it came from.
 */
export async function createRegistryFor(
  pluginSpecs: readonly string[],
  cwd: string,
  overrides: readonly string[] = [],
): Promise<Registry> {
  const sourced: SourcedManifest[] = bundledManifests().map((manifest) => ({
    manifest,
    source: `plugin '${manifest.name}' (bundled)`,
  }));
  for (const spec of pluginSpecs) sourced.push(await loadPlugin(spec, cwd));
  return createRegistry(sourced.map(checkedObjectives), { overrides });
}

/** The manifest with each objective factory wrapped by checkedFactory. */
function checkedObjectives({ manifest, source }: SourcedManifest): SourcedManifest {
  if (!Array.isArray(manifest.objectives)) return { manifest, source };
  const objectives = manifest.objectives.map((f) =>
    typeof f === 'function' ? checkedFactory(f, source) : f,
  ) as PluginManifest['objectives'];
  return { manifest: { ...manifest, objectives }, source };
}
