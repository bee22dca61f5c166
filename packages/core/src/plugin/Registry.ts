import type { AnnotatorFactory } from '../annotator/Annotator';
import type { BackendAdapter } from '../backend/BackendAdapter';
import type { AnyObjectiveFactory } from './PluginManifest';

/** What each kind of registry entry is. */
export interface RegistryKinds {
  objective: AnyObjectiveFactory;
  backend: BackendAdapter;
  annotator: AnnotatorFactory;
}

export type RegistryKind = keyof RegistryKinds;

/** One registered thing: its name, the plugin source it came from, and the thing itself. */
export interface RegistryEntry<K extends RegistryKind = RegistryKind> {
  readonly kind: K;
  readonly name: string;
  /** The manifest it came from, as createRegistry was told: "plugin 'x' (./path)". */
  readonly source: string;
  readonly value: RegistryKinds[K];
}

/**
 * Everything the manifests add, by kind and name, in manifest order. Built once at the
 * composition root; every verb, `--backend auto` and every unknown-name error read it.
 */
export interface Registry {
  /** The entries of one kind, in manifest order (within a manifest, in its order). */
  list<K extends RegistryKind>(kind: K): readonly RegistryEntry<K>[];
  /** The names of one kind, in manifest order. */
  names(kind: RegistryKind): readonly string[];
  has(kind: RegistryKind, name: string): boolean;
  /** The thing named `name`, or a one-line `config` error listing the known names (and the nearest). */
  get<K extends RegistryKind>(kind: K, name: string): RegistryKinds[K];
  /** The entry (with its source), or undefined. */
  entry<K extends RegistryKind>(kind: K, name: string): RegistryEntry<K> | undefined;
}
