import type { AnyObjective } from '@prefopt/trainer';

/**
 * What `buildTraining` looks up outside itself, given by the composition root (the CLI's
 * container today, a registry later): no container or registry type crosses this line.
 */
export interface RecipeLookups {
  /** The objective a spec names (`dpo`, `simpo:beta=2`, a plugin's), configured. */
  resolveObjective(spec: string): AnyObjective | Promise<AnyObjective>;
  /** Makes the run's backend active; absent = the caller already did. */
  activateBackend?(): Promise<unknown>;
  /** Progress notes (reference strategy, data counts); default: none. */
  log?(text: string): void;
}
