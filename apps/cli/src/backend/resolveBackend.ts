import { BACKEND_ADAPTER, PrefoptError, type BackendAdapter } from '@prefopt/core';
import type { Container } from 'inversify';
import { builtinBackendNames } from './builtinBackendNames';
import { pickAutoBackend } from './pickAutoBackend';

/**
 * The adapter `--backend NAME` means, not yet activated: a name bound under
 * BACKEND_ADAPTER (bundled, or bound by a --plugin), or for 'auto' the best available
 * one, announced on `stderr` with what it passed over.
 */
export async function resolveBackend(
  container: Container,
  name: string,
  stderr: { write(text: string): unknown },
): Promise<BackendAdapter> {
  const bound = (n: string) =>
    container.isBound(BACKEND_ADAPTER, { name: n })
      ? container.get<BackendAdapter>(BACKEND_ADAPTER, { name: n })
      : undefined;
  if (name !== 'auto') {
    const adapter = bound(name);
    if (!adapter) {
      const names = builtinBackendNames.filter((n) => bound(n));
      throw new PrefoptError(
        'config',
        `--backend '${name}' is not a backend. Choose auto, ${names.join(', ')}, or a name a --plugin binds.`,
      );
    }
    return adapter;
  }
  const choice = await pickAutoBackend(builtinBackendNames.flatMap((n) => bound(n) ?? []));
  const passed = choice.skipped.map((s) => `${s.name} (${s.reason})`).join(', ');
  stderr.write(
    `prefopt: --backend auto picked ${choice.adapter.name}` +
      `${choice.device ? ` on ${choice.device.description}` : ''}${passed ? `; passed over ${passed}` : ''}\n`,
  );
  return choice.adapter;
}
