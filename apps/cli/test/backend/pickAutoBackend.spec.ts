import { PrefoptError, type BackendAdapter, type BackendDeviceInfo } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { pickAutoBackend } from '../../src/backend/pickAutoBackend';

function fake(
  name: string,
  priority: number,
  available: boolean | 'throws',
  device?: BackendDeviceInfo,
): BackendAdapter {
  return {
    name,
    priority,
    isAvailable: async () => {
      if (available === 'throws') throw new Error('broken probe');
      return available;
    },
    activate: async () => {},
    deviceInfo: async () => device,
  };
}

describe('pickAutoBackend', () => {
  it('takes node-gpu over everything when available', async () => {
    const choice = await pickAutoBackend([
      fake('cpu', 10, true),
      fake('wasm', 20, true),
      fake('node-gpu', 50, true, { description: 'CUDA', software: false }),
      fake('webgpu', 40, true, { description: 'RTX', software: false }),
    ]);
    expect(choice.adapter.name).toBe('node-gpu');
    expect(choice.skipped).toEqual([]);
  });

  it('takes webgpu on a hardware adapter, passes over it on a software one', async () => {
    const hw = await pickAutoBackend([
      fake('wasm', 20, true),
      fake('webgpu', 40, true, { description: 'RTX', software: false }),
    ]);
    expect(hw.adapter.name).toBe('webgpu');
    const sw = await pickAutoBackend([
      fake('wasm', 20, true),
      fake('node', 30, false),
      fake('webgpu', 40, true, { description: 'llvmpipe (software)', software: true }),
      fake('node-gpu', 50, 'throws'),
    ]);
    expect(sw.adapter.name).toBe('wasm');
    expect(sw.skipped).toEqual([
      { name: 'node-gpu', reason: 'not available' },
      { name: 'webgpu', reason: 'software device: llvmpipe (software)' },
      { name: 'node', reason: 'not available' },
    ]);
  });

  it('prefers node over wasm over cpu', async () => {
    expect(
      (
        await pickAutoBackend([
          fake('cpu', 10, true),
          fake('node', 30, true),
          fake('wasm', 20, true),
        ])
      ).adapter.name,
    ).toBe('node');
    expect(
      (await pickAutoBackend([fake('cpu', 10, true), fake('wasm', 20, true)])).adapter.name,
    ).toBe('wasm');
    expect(
      (await pickAutoBackend([fake('cpu', 10, true), fake('wasm', 20, false)])).adapter.name,
    ).toBe('cpu');
  });

  it('fails with a backend error when nothing is usable', async () => {
    const e = await pickAutoBackend([fake('wasm', 20, false)]).catch((err: unknown) => err);
    expect(PrefoptError.is(e, 'backend')).toBe(true);
    expect((e as Error).message).toContain('among wasm');
  });
});
