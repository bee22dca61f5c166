import { readdirSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Tests run against `src`: `@prefopt/x` resolves through the workspace link in node_modules to
 * the package, whose `exports` map the `@prefopt/source` condition to `src/index.ts` (as
 * tsconfig's `customConditions` and `tsx --conditions=@prefopt/source` do). No alias: a spec
 * resolves packages as a user would, so a package that is not installed fails here too.
 */
const conditions = ['@prefopt/source', 'module', 'node', 'development|production']; // + vite's server defaults
const resolveSource = { resolve: { conditions }, ssr: { resolve: { conditions } } };

/** One vitest project per workspace folder that has specs. */
const projectDirs = ['packages', 'apps', 'examples'].flatMap((group) =>
  existsSync(resolve(root, group))
    ? readdirSync(resolve(root, group), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(resolve(root, group, d.name, 'package.json')))
        .map((d) => `${group}/${d.name}`)
    : [],
);

/**
 * tfjs-node's binding is set up (npm ci's tools/install/setup-tfjs-node.mjs): the objective
 * conformance specs then run a second time on it, in one process (libtensorflow loads once).
 */
const tfjsNodeBinding = resolve(
  root,
  'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node',
);
const objectivesOnNode = existsSync(tfjsNodeBinding)
  ? [
      {
        ...resolveSource,
        test: {
          name: 'objectives@node',
          root: resolve(root, 'packages'),
          include: ['objective-*/src/**/*.spec.ts'],
          environment: 'node',
          env: { PREFOPT_SPEC_BACKEND: 'node' },
          setupFiles: [
            resolve(root, 'packages/backend-node/src/specSupport/objectivesOnNode.setup.ts'),
          ],
          isolate: false,
          fileParallelism: false,
          // one worker, in a group of its own after the others (vitest needs groups for that)
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks' as const,
        },
      },
    ]
  : [];
if (!objectivesOnNode.length && !process.env.VITEST_WORKER_ID)
  console.log(
    '[skip] objectives@node: @tensorflow/tfjs-node is not set up here (docs/backends.md).',
  );

const config = defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: one on a 2-core machine. Most spec
    // time is single-threaded (module imports, small tensors), so two workers keep both busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: projectDirs.map((dir) => ({
      ...resolveSource,
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
config.test!.projects!.push(...objectivesOnNode);
// the repository's own checks (the package graph's lint rule)
config.test!.projects!.push({
  ...resolveSource,
  test: {
    name: 'tools',
    root: resolve(root, 'tools'),
    include: ['lint/**/*.spec.ts', 'bench/**/*.spec.mjs'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

export default config;
