import type { BackendAdapter, BackendDeviceInfo } from '@prefopt/core';
import { PrefoptError } from '@prefopt/core';

/** What `--backend auto` chose, with the reason for each better-ranked adapter it passed over. */
export interface AutoBackendChoice {
  adapter: BackendAdapter;
  device?: BackendDeviceInfo;
  skipped: { name: string; reason: string }[];
}

/**
 * `--backend auto`: the available adapter with the highest `priority`, passing over any
 * whose device is a software emulation (WebGPU on lavapipe is slower than wasm). With the
 * built-in adapters that is node-gpu > webgpu (hardware) > node > native > wasm > cpu.
 */
export async function pickAutoBackend(
  adapters: readonly BackendAdapter[],
): Promise<AutoBackendChoice> {
  const ranked = [...adapters].sort((a, b) => b.priority - a.priority);
  const skipped: AutoBackendChoice['skipped'] = [];
  for (const adapter of ranked) {
    const available = await adapter.isAvailable().catch(() => false);
    if (!available) {
      skipped.push({ name: adapter.name, reason: 'not available' });
      continue;
    }
    const device = await adapter.deviceInfo?.().catch(() => undefined);
    if (device?.software) {
      skipped.push({ name: adapter.name, reason: `software device: ${device.description}` });
      continue;
    }
    return device ? { adapter, device, skipped } : { adapter, skipped };
  }
  throw new PrefoptError(
    'backend',
    `--backend auto found no usable backend among ${ranked.map((a) => a.name).join(', ') || 'none'}. ` +
      `Reinstall @tensorflow/tfjs@4.22.0 (its cpu backend is always there).`,
  );
}
