import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { locateNativePackage } from './locateNativePackage';

describe('locateNativePackage', () => {
  const root = mkdtempSync(join(tmpdir(), 'prefopt-native-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const from = pathToFileURL(join(root, 'index.js')).href;

  function fakePackage(name: string, withBinding: boolean): string {
    const dir = join(root, 'node_modules', ...name.split('/'));
    mkdirSync(join(dir, 'lib', 'napi-v8'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: '4.22.0', main: 'index.js' }),
    );
    if (withBinding) writeFileSync(join(dir, 'lib', 'napi-v8', 'tfjs_binding.node'), '');
    return dir;
  }

  it('is undefined when the package is not installed', () => {
    expect(locateNativePackage('@tensorflow/tfjs-node', from)).toBeUndefined();
  });

  it('finds the package and tells whether its addon was built', () => {
    const built = fakePackage('@tensorflow/tfjs-node', true);
    expect(locateNativePackage('@tensorflow/tfjs-node', from)).toEqual({
      dir: built,
      bindingBuilt: true,
    });
    const unbuilt = fakePackage('@tensorflow/tfjs-node-gpu', false);
    expect(locateNativePackage('@tensorflow/tfjs-node-gpu', from)).toEqual({
      dir: unbuilt,
      bindingBuilt: false,
    });
  });
});
