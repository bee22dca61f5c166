import { describe, expect, it } from 'vitest';
import { createNodeAdapter } from './createNodeAdapter';
import { locateNativePackage } from './locateNativePackage';
import { nodeAdapter } from './nodeAdapter';
import { backendError } from './specSupport/backendError';

describe('createNodeAdapter', () => {
  it('when @tensorflow/tfjs-node is absent: unavailable, and activate names the exact install', async () => {
    const adapter = createNodeAdapter({ locate: () => undefined });
    expect(await adapter.isAvailable()).toBe(false);
    expect(await adapter.deviceInfo?.()).toBeUndefined();
    const e = await backendError(adapter.activate());
    expect(e.message).toContain('npm install @tensorflow/tfjs-node@4.22.0');
    expect(e.message).toContain('--backend wasm');
  });

  it('when installed without its native addon: unavailable, and activate says to rebuild', async () => {
    const adapter = createNodeAdapter({
      locate: () => ({ dir: '/x/node_modules/@tensorflow/tfjs-node', bindingBuilt: false }),
    });
    expect(await adapter.isAvailable()).toBe(false);
    const e = await backendError(adapter.activate());
    expect(e.message).toContain('tfjs_binding.node is missing');
    expect(e.message).toContain('node tools/install/setup-tfjs-node.mjs');
  });

  it('when the import fails, says so and how to reinstall', async () => {
    const adapter = createNodeAdapter({
      locate: () => ({ dir: '/x', bindingBuilt: true }),
      load: () => Promise.reject(new Error('libtensorflow.so.2: cannot open shared object file')),
    });
    expect(await adapter.isAvailable()).toBe(true);
    const e = await backendError(adapter.activate());
    expect(e.message).toContain('libtensorflow.so.2');
    expect(e.message).toContain(
      'PREFOPT_TFJS_NODE_REBUILD=1 node tools/install/setup-tfjs-node.mjs',
    );
  });

  it('sets TensorFlow intra-op threads before the import, and fails when no tensorflow backend registers', async () => {
    let threadsAtLoad: string | undefined;
    const adapter = createNodeAdapter({
      locate: () => ({ dir: '/x', bindingBuilt: true }),
      load: async () => {
        threadsAtLoad = process.env.TF_NUM_INTRAOP_THREADS;
      },
    });
    const e = await backendError(adapter.activate({ threads: 3 }));
    expect(threadsAtLoad).toBe('3');
    expect(e.message).toContain("'tensorflow' backend did not start");
    delete process.env.TF_NUM_INTRAOP_THREADS;
  });

  it('the real adapter agrees with what is installed here', async () => {
    const found = locateNativePackage('@tensorflow/tfjs-node');
    expect(await nodeAdapter.isAvailable()).toBe(found?.bindingBuilt === true);
    expect(nodeAdapter.name).toBe('node');
    if (!found) {
      console.log(
        '[info] @tensorflow/tfjs-node is not installed here: checked the "absent" path only.',
      );
      const e = await backendError(nodeAdapter.activate());
      expect(e.message).toContain('npm install @tensorflow/tfjs-node@4.22.0');
    }
  });
});
