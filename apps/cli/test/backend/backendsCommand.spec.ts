import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main';

interface Listing {
  backends: {
    name: string;
    priority: number;
    available: boolean;
    device: string | null;
    software: boolean;
  }[];
  auto: string;
}

const bin = resolve(import.meta.dirname, '../../bin/prefopt.mjs');

describe('prefopt backends', () => {
  it('lists every bundled backend by priority, and auto is the first available hardware one', async () => {
    let out = '';
    const io = {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
      cwd: process.cwd(),
    };
    expect(await main(['backends', '--json'], io)).toBe(0);
    const listing = JSON.parse(out) as Listing;
    const names = listing.backends.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['node-gpu', 'webgpu', 'node', 'wasm', 'cpu']));
    const priorities = listing.backends.map((b) => b.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(listing.backends.find((b) => b.name === 'wasm')).toMatchObject({
      available: true,
      device: 'WebAssembly SIMD, 1 thread',
    });
    expect(listing.backends.find((b) => b.name === 'cpu')?.available).toBe(true);
    expect(listing.auto).toBe(listing.backends.find((b) => b.available && !b.software)?.name);
  });

  it('runs as a real process and exits (Dawn leaves no handle open)', () => {
    const run = spawnSync(process.execPath, [bin, 'backends'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^backend +priority +available +device\n/);
    expect(run.stdout).toMatch(/\n--backend auto → [a-z-]+\n$/);
    // Probing webgpu for auto must not start Dawn where it can only fail (no Vulkan loader).
    expect(run.stderr).not.toMatch(/Couldn't load Vulkan/);
  });

  it('without a Vulkan driver, webgpu is listed as unavailable (the "no adapter" path)', () => {
    const none = '/nonexistent/prefopt_icd.json';
    const run = spawnSync(process.execPath, [bin, 'backends', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, VK_DRIVER_FILES: none, VK_ICD_FILENAMES: none },
    });
    expect(run.status).toBe(0);
    const listing = JSON.parse(run.stdout) as Listing;
    expect(listing.backends.find((b) => b.name === 'webgpu')).toMatchObject({
      available: false,
      device: null,
    });
  });
});
