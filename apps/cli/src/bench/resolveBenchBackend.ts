import { BACKEND_ADAPTER, PrefoptError, type BackendAdapter } from '@prefopt/core';
import type { Container } from 'inversify';

/** Adapter names `--backend auto` considers, in no particular order (priority decides). */
const KNOWN = ['native', 'node', 'node-gpu', 'webgpu', 'wasm', 'cpu'];

/**
 * The adapter named by `--backend`, or for 'auto' the available one of highest priority
 * (software-emulated accelerators are passed over).
 */
export async function resolveBenchBackend(container: Container, name: string): Promise<BackendAdapter> {
  const bound = KNOWN.filter((n) => container.isBound(BACKEND_ADAPTER, { name: n }));
  if (name !== 'auto') {
    if (!container.isBound(BACKEND_ADAPTER, { name })) {
      throw new PrefoptError('config', `--backend '${name}' is not known. Backends: auto, ${bound.join(', ')}.`);
    }
    const adapter = container.get<BackendAdapter>(BACKEND_ADAPTER, { name });
    if (!(await adapter.isAvailable())) {
      const why = (adapter as { unavailableReason?: () => string | undefined }).unavailableReason?.();
      throw new PrefoptError('backend', `backend '${name}' is not available here${why ? `: ${why}` : '.'} Use --backend auto.`);
    }
    return adapter;
  }
  const candidates: BackendAdapter[] = [];
  for (const n of bound) {
    const adapter = container.get<BackendAdapter>(BACKEND_ADAPTER, { name: n });
    if (!(await adapter.isAvailable())) continue;
    if ((await adapter.deviceInfo?.())?.software) continue;
    candidates.push(adapter);
  }
  if (!candidates.length) {
    throw new PrefoptError('backend', `no backend is available; reinstall @prefopt/backend-wasm or @prefopt/backend-cpu.`);
  }
  return candidates.sort((a, b) => b.priority - a.priority)[0];
}
