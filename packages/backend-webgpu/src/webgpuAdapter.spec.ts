import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createRegistry } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { webgpuAdapter } from './webgpuAdapter';
import { webgpuBackendPlugin } from './webgpuBackendPlugin';

const available = await webgpuAdapter.isAvailable();
if (!available)
  console.log(
    '[skip] no WebGPU adapter here: only the "no adapter" path runs (see docs/backends.md).',
  );

/** Runs probeWebgpu.fixture.ts in a child process with the given environment. */
function probe(env: Record<string, string>) {
  const run = spawnSync(
    process.execPath,
    [
      '--conditions=@prefopt/source',
      '--import',
      'tsx',
      resolve(import.meta.dirname, 'probeWebgpu.fixture.ts'),
    ],
    { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    available: boolean;
    device: { description: string; software: boolean } | null;
    error: { backendKind: boolean; message: string } | null;
  };
}

describe('webgpuAdapter', () => {
  it('is listed in the package manifest as webgpu', () => {
    const registry = createRegistry([webgpuBackendPlugin]);
    expect(registry.names('backend')).toEqual(['webgpu']);
    expect(registry.get('backend', 'webgpu')).toBe(webgpuAdapter);
  });

  it('with no Vulkan driver: unavailable, and activate says what to install', () => {
    const result = probe({
      VK_DRIVER_FILES: '/nonexistent/prefopt_icd.json',
      VK_ICD_FILENAMES: '/nonexistent/prefopt_icd.json',
    });
    expect(result.available).toBe(false);
    expect(result.device).toBeNull();
    expect(result.error?.backendKind).toBe(true);
    expect(result.error?.message).toContain('no WebGPU adapter');
    expect(result.error?.message).toContain('-t bookworm-backports mesa-vulkan-drivers');
  });

  it.skipIf(!available)(
    'reports the adapter, flags lavapipe/llvmpipe as software, and activates',
    async () => {
      const device = await webgpuAdapter.deviceInfo!();
      expect(device).toBeDefined();
      expect(device!.software).toBe(/llvmpipe|lavapipe|swiftshader/i.test(device!.description));
      await webgpuAdapter.activate();
      expect(tf.getBackend()).toBe('webgpu');
      // [[1,2],[3,4]]² = [[1+6, 2+8], [3+12, 6+16]] = [[7,10],[15,22]]
      const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
      const y = tf.matMul(x, x);
      expect(Array.from(await y.data())).toEqual([7, 10, 15, 22]);
      tf.dispose([x, y]);
    },
  );
});
