import { PrefoptError } from '../errors/PrefoptError';
import { checkManifest } from './checkManifest';
import { nearestName } from './nearestName';
import type { PluginManifest } from './PluginManifest';
import type { Registry, RegistryEntry, RegistryKind, RegistryKinds } from './Registry';

/** A manifest with where it came from, for errors: "plugin 'x' (./path/to/x.mjs)". */
export interface SourcedManifest {
  manifest: PluginManifest;
  source: string;
}

export interface CreateRegistryOptions {
  /** Names a later manifest may take over from an earlier one (`--override NAME`). */
  overrides?: readonly string[];
}

const KINDS: readonly RegistryKind[] = ['objective', 'backend', 'annotator'];

/** The name each kind of thing carries. */
function nameOf(kind: RegistryKind, value: RegistryKinds[RegistryKind]): string {
  if (kind === 'objective') return (value as RegistryKinds['objective']).objectiveName;
  if (kind === 'annotator') return (value as RegistryKinds['annotator']).annotatorName;
  return (value as RegistryKinds['backend']).name;
}

function itemsOf(kind: RegistryKind, m: PluginManifest): readonly RegistryKinds[RegistryKind][] {
  if (kind === 'objective') return m.objectives ?? [];
  if (kind === 'backend') return m.backends ?? [];
  return m.annotators ?? [];
}

/**
 * One Registry from manifests, in order (bundled first, then each `--plugin`). Pure: no
 * container, no I/O. Each manifest is checked (checkManifest). A name given twice, of the
 * same kind, is one `plugin` error naming both sources, unless `overrides` lists it (then
 * the later one wins); two manifests with the same name are an error too.
 */
export function createRegistry(
  manifests: readonly (PluginManifest | SourcedManifest)[],
  options: CreateRegistryOptions = {},
): Registry {
  const overrides = new Set(options.overrides ?? []);
  const byKind = new Map<RegistryKind, Map<string, RegistryEntry>>(
    KINDS.map((k) => [k, new Map()]),
  );
  const manifestSource = new Map<string, string>();
  for (const given of manifests) {
    const sourced = 'manifest' in given && 'source' in given;
    const source = sourced ? given.source : `plugin '${String((given as PluginManifest).name)}'`;
    const manifest = checkManifest(sourced ? given.manifest : given, source);
    const before = manifestSource.get(manifest.name);
    if (before !== undefined) {
      throw new PrefoptError(
        'plugin',
        `plugin name '${manifest.name}' is used by both ${before} and ${source}. Load each plugin once, or rename one.`,
      );
    }
    manifestSource.set(manifest.name, source);
    for (const kind of KINDS) {
      const entries = byKind.get(kind)!;
      const own = new Set<string>();
      for (const value of itemsOf(kind, manifest)) {
        const name = nameOf(kind, value);
        const earlier = entries.get(name);
        if (own.has(name)) {
          throw new PrefoptError(
            'plugin',
            `${source} lists ${kind} '${name}' twice. List it once.`,
          );
        }
        if (earlier && !overrides.has(name)) {
          throw new PrefoptError(
            'plugin',
            `${kind} '${name}' is in both ${earlier.source} and ${source}. ` +
              `Rename it in the plugin, or pass --override ${name} to use ${source}'s.`,
          );
        }
        own.add(name);
        if (earlier) entries.delete(name); // the override takes the later position
        entries.set(name, Object.freeze({ kind, name, source, value }));
      }
    }
  }
  return registryOf(byKind);
}

function registryOf(byKind: Map<RegistryKind, Map<string, RegistryEntry>>): Registry {
  const lists = new Map(KINDS.map((k) => [k, Object.freeze([...byKind.get(k)!.values()])]));
  const entry = <K extends RegistryKind>(kind: K, name: string) =>
    byKind.get(kind)!.get(name) as RegistryEntry<K> | undefined;
  const names = (kind: RegistryKind) => lists.get(kind)!.map((e) => e.name);
  return Object.freeze({
    list: <K extends RegistryKind>(kind: K) => lists.get(kind)! as readonly RegistryEntry<K>[],
    names,
    has: (kind: RegistryKind, name: string) => byKind.get(kind)!.has(name),
    entry,
    get<K extends RegistryKind>(kind: K, name: string): RegistryKinds[K] {
      const found = entry(kind, name);
      if (found) return found.value;
      const known = names(kind);
      const near = nearestName(name, known);
      throw new PrefoptError(
        'config',
        `unknown ${kind} '${name}'. Available: ${known.join(', ') || 'none'}.` +
          `${near ? ` Did you mean '${near}'?` : ''} (A third-party ${kind} needs --plugin <package or path>.)`,
      );
    },
  });
}
