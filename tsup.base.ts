import { defineConfig, type Options } from 'tsup';

/** The one tsup setup every package shares: ESM + CJS + d.ts from src/index.ts. */
export function packageConfig(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    ...overrides,
  });
}
