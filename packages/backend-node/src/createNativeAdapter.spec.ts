import { describe, expect, it } from 'vitest';
import { createNativeAdapter, type NativeAdapterSpec } from './createNativeAdapter';
import { backendError } from './specSupport/backendError';

/** The message of the 'backend' PrefoptError that `promise` rejects with. */
const backendMessage = async (promise: Promise<unknown>) => (await backendError(promise)).message;

/** A spec over a made-up package; `calls` records which checks ran, in order. */
function fake(overrides: Partial<NativeAdapterSpec> = {}) {
  const calls: string[] = [];
  const spec: NativeAdapterSpec = {
    name: 'fake',
    priority: 7,
    packageName: '@x/native',
    description: 'fake device',
    locate: () => (calls.push('locate'), { dir: '/x/native', bindingBuilt: true }),
    load: () => Promise.reject(new Error('no such library')),
    notInstalled: 'not installed: install @x/native',
    importFailedHint: 'IMPORT HINT',
    notStartedHint: 'START HINT',
    ...overrides,
  };
  return { adapter: createNativeAdapter(spec), calls };
}

describe('createNativeAdapter', () => {
  it('takes name and priority from the spec, and is frozen', () => {
    const { adapter } = fake();
    expect([adapter.name, adapter.priority]).toEqual(['fake', 7]);
    expect(Object.isFrozen(adapter)).toBe(true);
  });

  it('checks first, then looks for the package, then checks last', async () => {
    const first = fake({ checkFirst: () => 'FIRST', checkLast: () => 'LAST' });
    expect(await backendMessage(first.adapter.activate())).toBe('FIRST');
    expect(first.calls).toEqual([]);

    const absent = fake({ locate: () => undefined, checkLast: () => 'LAST' });
    expect(await backendMessage(absent.adapter.activate())).toBe(
      'not installed: install @x/native',
    );

    const last = fake({ checkFirst: () => undefined, checkLast: () => 'LAST' });
    expect(await last.adapter.isAvailable()).toBe(false);
    expect(await backendMessage(last.adapter.activate())).toBe('LAST');
    expect(last.calls).toEqual(['locate', 'locate']);
  });

  it('an unbuilt addon: names the folder and the rebuild, then the tail', async () => {
    const { adapter } = fake({
      locate: () => ({ dir: '/x/native', bindingBuilt: false }),
      checkLast: () => 'LAST',
      notBuiltTail: ' Or use --backend wasm.',
    });
    const message = await backendMessage(adapter.activate());
    expect(message).toMatch(/^backend 'fake': @x\/native is installed \(\/x\/native\)/);
    expect(message).toMatch(/npm rebuild @x\/native\. Or use --backend wasm\.$/);
  });

  it('a failing import and a backend that does not start end with their hints', async () => {
    const failing = fake();
    expect(await failing.adapter.isAvailable()).toBe(true);
    expect(await backendMessage(failing.adapter.activate())).toBe(
      "backend 'fake': importing @x/native failed: no such library. IMPORT HINT",
    );
    const silent = fake({ load: async () => undefined });
    expect(await backendMessage(silent.adapter.activate())).toBe(
      "backend 'fake': @x/native loaded but its 'tensorflow' backend did not start. START HINT",
    );
  });

  it('deviceInfo: the description when available, undefined otherwise', async () => {
    expect(await fake().adapter.deviceInfo?.()).toEqual({
      description: 'fake device',
      software: false,
    });
    expect(await fake({ locate: () => undefined }).adapter.deviceInfo?.()).toBeUndefined();
  });

  it('a locate that throws makes it unavailable, not a crash', async () => {
    const { adapter } = fake({
      locate: () => {
        throw new Error('boom');
      },
    });
    expect(await adapter.isAvailable()).toBe(false);
  });
});
