import * as tf from '@tensorflow/tfjs';
import { createRegistry, PrefoptError } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/args/parseArgs';
import { activateBackend } from '../../src/backend/activateBackend';
import type { CommandContext } from '../../src/commands/Command';
import { cpuBackendPlugin } from '@prefopt/backend-cpu';
import { nodeAdapter, nodeBackendPlugin } from '@prefopt/backend-node';
import { nodeGpuBackendPlugin } from '@prefopt/backend-node-gpu';
import { wasmBackendPlugin } from '@prefopt/backend-wasm';
import { webgpuBackendPlugin } from '@prefopt/backend-webgpu';

/** tfjs-node's binding is set up here (npm ci's setup step): auto then picks node. */
const nodeReady = await nodeAdapter.isAvailable();

/** A registry of five bundled backend adapters (not native), so `auto` is deterministic here. */
function context(): { ctx: CommandContext; stderr: () => string } {
  let err = '';
  const io = {
    stdout: { write: () => true },
    stderr: { write: (t: string) => (err += t) },
    cwd: process.cwd(),
  };
  const registry = () =>
    Promise.resolve(
      createRegistry([
        nodeGpuBackendPlugin,
        webgpuBackendPlugin,
        nodeBackendPlugin,
        wasmBackendPlugin,
        cpuBackendPlugin,
      ]),
    );
  return { ctx: { io, registry }, stderr: () => err };
}

async function failure(promise: Promise<unknown>): Promise<PrefoptError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(PrefoptError.is(e)).toBe(true);
  return e as PrefoptError;
}

describe('activateBackend', () => {
  it('--backend cpu activates tfjs cpu', async () => {
    const { ctx, stderr } = context();
    const adapter = await activateBackend(parseArgs(['--backend', 'cpu']), ctx);
    expect(adapter.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(stderr()).toBe('');
  });

  it('--backend wasm --threads 2 activates wasm and says threads do not apply', async () => {
    const { ctx, stderr } = context();
    const adapter = await activateBackend(parseArgs(['--backend', 'wasm', '--threads', '2']), ctx);
    expect(adapter.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(stderr()).toContain('wasm ignores it');
  });

  it('auto (the default) on this CPU-only machine picks node where set up, else wasm, and says why', async () => {
    const { ctx, stderr } = context();
    const adapter = await activateBackend(parseArgs([]), ctx);
    // No tfjs-node-gpu here; webgpu is absent or a software (lavapipe) adapter.
    const passed = 'node-gpu \\(not available\\), webgpu \\((not available|software device: .*)\\)';
    if (nodeReady) {
      expect(adapter.name).toBe('node');
      expect(stderr()).toMatch(
        new RegExp(
          `^prefopt: --backend auto picked node on libtensorflow \\(native, CPU\\); passed over ${passed}\n$`,
        ),
      );
    } else {
      expect(adapter.name).toBe('wasm');
      expect(stderr()).toMatch(
        new RegExp(
          `^prefopt: --backend auto picked wasm on WebAssembly SIMD, 1 thread; passed over ${passed}, node \\(not available\\)`,
        ),
      );
    }
  });

  it.skipIf(nodeReady)(
    '--backend node without @tensorflow/tfjs-node says exactly what to install',
    async () => {
      const e = await failure(activateBackend(parseArgs(['--backend', 'node']), context().ctx));
      expect(e.kind).toBe('backend');
      expect(e.message).toContain('npm install @tensorflow/tfjs-node@4.22.0');
    },
  );

  it('--backend node-gpu without the package names CUDA 11.2 and cuDNN 8.1', async () => {
    const e = await failure(activateBackend(parseArgs(['--backend', 'node-gpu']), context().ctx));
    expect(e.kind).toBe('backend');
    expect(e.message).toMatch(/CUDA 11\.2 and cuDNN 8\.1/);
  });

  it('an unknown name or a bad --threads is a config error naming the flag', async () => {
    const unknown = await failure(activateBackend(parseArgs(['--backend', 'tpu']), context().ctx));
    expect(unknown.kind).toBe('config');
    expect(unknown.message).toContain(
      "--backend 'tpu' is not a backend. Choose auto, node-gpu, webgpu, node",
    );
    const threads = await failure(
      activateBackend(parseArgs(['--backend', 'cpu', '--threads', '0']), context().ctx),
    );
    expect(threads.kind).toBe('config');
    expect(threads.message).toContain('--threads must be an integer >= 1');
  });
});
