import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/** Tests run against `src`: every `@prefopt/x` import resolves to `packages/x/src/index.ts`. */
const alias = [
  {
    find: /^@prefopt\/([a-z0-9-]+)$/,
    replacement: resolve(root, 'packages/$1/src/index.ts'),
  },
];

/** One vitest project per workspace folder that has specs. */
const projectDirs = ['packages', 'apps', 'examples'].flatMap((group) =>
  existsSync(resolve(root, group))
    ? readdirSync(resolve(root, group), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(resolve(root, group, d.name, 'package.json')))
        .map((d) => `${group}/${d.name}`)
    : [],
);

export default defineConfig({
  test: {
    projects: projectDirs.map((dir) => ({
      resolve: { alias },
      test: {
        name: dir.split('/')[1],
        root: resolve(root, dir),
        include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
        environment: 'node',
        testTimeout: 60_000,
        hookTimeout: 120_000,
        pool: 'forks',
      },
    })),
  },
});
