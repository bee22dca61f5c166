import { ANNOTATOR_FACTORY, PrefoptError, type AnnotatorFactory } from '@prefopt/core';
import type { AblationLookups } from '@prefopt/recipes';
import type { Container } from 'inversify';
import { resolveBackend } from '../../backend/resolveBackend';
import { readLoraSettings } from '../../lora/readLoraSettings';
import { refuseUnpaired } from '../../objectives/refuseUnpaired';
import { resolveObjectiveFactory } from '../../objectives/resolveObjectiveFactory';

/** An ablation worker's lookups, from the CLI's container (the recipe sees no container). */
export function ablationLookups(
  container: Container,
  stderr: { write(text: string): unknown },
): AblationLookups {
  return {
    async activateBackend(name, threads) {
      const adapter = await resolveBackend(container, name, stderr);
      await adapter.activate({ threads });
    },
    async resolveObjective(name, options) {
      const factory = await resolveObjectiveFactory(container, name, async () => []);
      return refuseUnpaired(factory, name)(options);
    },
    annotator(name, options) {
      if (!container.isBound(ANNOTATOR_FACTORY, { name })) {
        throw new PrefoptError(
          'config',
          `unknown annotator '${name}'. Built-ins: contains-word, regex, bigger-number; a third-party one needs --plugin.`,
        );
      }
      return container.get<AnnotatorFactory>(ANNOTATOR_FACTORY, { name })(options);
    },
    loraSettings(settings) {
      const flags = Object.fromEntries(
        Object.entries(settings ?? {}).map(([k, v]) => [k, String(v)]),
      );
      return readLoraSettings({ positionals: [], flags, repeated: {} }, process.cwd());
    },
  };
}
