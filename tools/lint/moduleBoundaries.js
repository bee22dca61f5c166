/**
 * The package graph's layers, enforced by nx's `@nx/enforce-module-boundaries` (each project's
 * `nx.tags` in its package.json; tools/ has tools/project.json). docs/architecture.md draws it.
 *
 *   core ← plugins ← engines ← recipes ← app          (an arrow: "is imported by")
 *   testing (spec helpers) ← the specs of every layer
 *   tool (tools/) may import any library, never an app's files
 *
 * Specs (and spec-support folders) may also import @prefopt/testing, and a plugin's specs the
 * engines (a backend's conformance specs run the model) — as devDependencies.
 */
const below = {
  'layer:core': ['layer:core'],
  'layer:testing': ['layer:core'],
  'layer:plugin': ['layer:core', 'layer:plugin'],
  'layer:engine': ['layer:core', 'layer:plugin', 'layer:engine'],
  'layer:recipes': ['layer:core', 'layer:plugin', 'layer:engine', 'layer:recipes'],
  'layer:app': ['layer:core', 'layer:plugin', 'layer:engine', 'layer:recipes'],
  'layer:tool': [
    'layer:core',
    'layer:testing',
    'layer:plugin',
    'layer:engine',
    'layer:recipes',
    'layer:tool',
  ],
};

/** What each layer's library code may import. */
export const layerConstraints = Object.entries(below).map(([sourceTag, tags]) => ({
  sourceTag,
  onlyDependOnLibsWithTags: tags,
}));

/** What each layer's specs may import: the same, plus testing, plus engines for plugins. */
export const specLayerConstraints = Object.entries(below).map(([sourceTag, tags]) => ({
  sourceTag,
  onlyDependOnLibsWithTags: [
    ...new Set([
      ...tags,
      'layer:testing',
      ...(sourceTag === 'layer:plugin' ? ['layer:engine'] : []),
    ]),
  ],
}));

/** Files that are test code: their imports are devDependencies. */
export const specFiles = [
  '**/*.spec.ts',
  '**/specSupport/**',
  '**/test-support/**',
  'apps/*/test/**',
];

/** The same, as `@nx/dependency-checks` wants them (relative to each project). */
export const specFilesInProject = [
  '{projectRoot}/**/*.spec.ts',
  '{projectRoot}/**/specSupport/**',
  '{projectRoot}/**/test-support/**',
  '{projectRoot}/test/**',
  '{projectRoot}/tsup.config.ts',
];
