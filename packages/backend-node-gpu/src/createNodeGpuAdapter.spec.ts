import { locateNativePackage } from '@prefopt/backend-node';
import { PrefoptError } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { createNodeGpuAdapter } from './createNodeGpuAdapter';
import { nodeGpuAdapter } from './nodeGpuAdapter';

async function backendError(promise: Promise<unknown>): Promise<PrefoptError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(PrefoptError.is(e, 'backend')).toBe(true);
  return e as PrefoptError;
}

const built = () => ({ dir: '/x/node_modules/@tensorflow/tfjs-node-gpu', bindingBuilt: true });

describe('createNodeGpuAdapter', () => {
  it('when absent: unavailable, and activate names the install and what the package needs', async () => {
    const adapter = createNodeGpuAdapter({
      platform: 'linux-x64',
      locate: () => undefined,
      hasNvidiaDriver: () => true,
    });
    expect(await adapter.isAvailable()).toBe(false);
    const e = await backendError(adapter.activate());
    expect(e.message).toContain('npm install @tensorflow/tfjs-node-gpu@4.22.0');
    for (const need of ['Linux x64', 'NVIDIA GPU', 'CUDA 11.2', 'cuDNN 8.1'])
      expect(e.message).toContain(need);
  });

  it('refuses other platforms before looking for the package', async () => {
    const adapter = createNodeGpuAdapter({
      platform: 'darwin-arm64',
      locate: built,
      hasNvidiaDriver: () => true,
    });
    expect(await adapter.isAvailable()).toBe(false);
    expect((await backendError(adapter.activate())).message).toContain(
      'Linux x64 only (this is darwin-arm64)',
    );
  });

  it('when installed without its addon, says to rebuild', async () => {
    const adapter = createNodeGpuAdapter({
      platform: 'linux-x64',
      locate: () => ({ dir: '/x', bindingBuilt: false }),
      hasNvidiaDriver: () => true,
    });
    expect(await adapter.isAvailable()).toBe(false);
    expect((await backendError(adapter.activate())).message).toContain(
      'npm rebuild @tensorflow/tfjs-node-gpu',
    );
  });

  it('without an NVIDIA driver: unavailable, names the missing driver', async () => {
    const adapter = createNodeGpuAdapter({
      platform: 'linux-x64',
      locate: built,
      hasNvidiaDriver: () => false,
    });
    expect(await adapter.isAvailable()).toBe(false);
    expect((await backendError(adapter.activate())).message).toContain(
      'no NVIDIA driver is loaded',
    );
  });

  it('a failing import (no CUDA libraries) names the libraries it needs', async () => {
    const adapter = createNodeGpuAdapter({
      platform: 'linux-x64',
      locate: built,
      hasNvidiaDriver: () => true,
      load: () => Promise.reject(new Error('libcudart.so.11.0: cannot open shared object file')),
    });
    expect(await adapter.isAvailable()).toBe(true);
    const e = await backendError(adapter.activate());
    expect(e.message).toContain('libcudart.so.11.0: cannot open');
    expect(e.message).toContain('cuDNN 8.1');
  });

  it('the real adapter agrees with what is installed here', async () => {
    expect(nodeGpuAdapter.name).toBe('node-gpu');
    const found = locateNativePackage('@tensorflow/tfjs-node-gpu');
    if (!found) {
      console.log(
        '[info] @tensorflow/tfjs-node-gpu is not installed here: checked the "absent" path only.',
      );
      expect(await nodeGpuAdapter.isAvailable()).toBe(false);
      await backendError(nodeGpuAdapter.activate());
    }
  });
});
