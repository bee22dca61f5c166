import type { Registry } from '@prefopt/core';
import type { AblationLookups } from '@prefopt/recipes';
import { resolveBackend } from '../../backend/resolveBackend';
import { readLoraSettings } from '../../lora/readLoraSettings';
import { refuseUnpaired } from '../../objectives/refuseUnpaired';
import { resolveObjectiveFactory } from '../../objectives/resolveObjectiveFactory';

/** An ablation worker's lookups, from the composition root's registry (the recipe sees no registry). */
export function ablationLookups(
  registry: Registry,
  stderr: { write(text: string): unknown },
): AblationLookups {
  return {
    async activateBackend(name, threads) {
      const adapter = await resolveBackend(registry, name, stderr);
      await adapter.activate({ threads });
    },
    async resolveObjective(name, options) {
      return refuseUnpaired(resolveObjectiveFactory(registry, name), name)(options);
    },
    annotator(name, options) {
      return registry.get('annotator', name)(options);
    },
    loraSettings(settings) {
      const flags = Object.fromEntries(
        Object.entries(settings ?? {}).map(([k, v]) => [k, String(v)]),
      );
      return readLoraSettings({ positionals: [], flags, repeated: {} }, process.cwd());
    },
  };
}
