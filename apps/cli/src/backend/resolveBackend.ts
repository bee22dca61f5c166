import { nearestName, PrefoptError, type BackendAdapter, type Registry } from '@prefopt/core';
import { pickAutoBackend } from './pickAutoBackend';

/**
 * The adapter `--backend NAME` means, not yet activated: a backend in the registry
 * (bundled, or from a --plugin manifest), or for 'auto' the best available one of all of
 * them by `priority`, announced on `stderr` with what it passed over.
 */
export async function resolveBackend(
  registry: Registry,
  name: string,
  stderr: { write(text: string): unknown },
): Promise<BackendAdapter> {
  const adapters = registry.list('backend').map((e) => e.value);
  if (name !== 'auto') {
    if (registry.has('backend', name)) return registry.get('backend', name);
    const names = ['auto', ...registry.names('backend')];
    const near = nearestName(name, names);
    throw new PrefoptError(
      'config',
      `--backend '${name}' is not a backend. Choose ${names.join(', ')}${near ? ` (did you mean '${near}'?)` : ''}, ` +
        `or a name a --plugin adds.`,
    );
  }
  const choice = await pickAutoBackend(adapters);
  const passed = choice.skipped.map((s) => `${s.name} (${s.reason})`).join(', ');
  stderr.write(
    `prefopt: --backend auto picked ${choice.adapter.name}` +
      `${choice.device ? ` on ${choice.device.description}` : ''}${passed ? `; passed over ${passed}` : ''}\n`,
  );
  return choice.adapter;
}
