import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import nx from '@nx/eslint-plugin';
import jsoncParser from 'jsonc-eslint-parser';
import {
  layerConstraints,
  specFiles,
  specFilesInProject,
  specLayerConstraints,
} from './tools/lint/moduleBoundaries.js';

const sourceFiles = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'];
const boundaries = (depConstraints, banTransitiveDependencies = true) => [
  'error',
  // webgpu: an optionalDependency of backend-webgpu (the rule reads only deps, dev, peer)
  { banTransitiveDependencies, allow: ['webgpu'], depConstraints },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.nx/**',
      'runs/**',
      'coverage/**',
      '**/.venv/**',
      '.gpubench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: sourceFiles,
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-exports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  // the package graph (tools/lint/moduleBoundaries.js, docs/architecture.md)
  { files: sourceFiles, plugins: { '@nx': nx } },
  {
    files: sourceFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries(layerConstraints) },
  },
  {
    files: specFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries(specLayerConstraints) },
  },
  // tools/ has no package.json: its scripts run in a checkout, where every package is installed
  {
    files: ['tools/**'],
    rules: { '@nx/enforce-module-boundaries': boundaries(layerConstraints, false) },
  },
  // a package's build setup reads the shared root one (tsup.base.ts), outside every project
  { files: ['**/tsup.config.ts'], rules: { '@nx/enforce-module-boundaries': 'off' } },
  // every package.json declares what its (non-spec) src imports, and nothing more
  {
    files: ['packages/*/package.json', 'apps/*/package.json', 'examples/*/package.json'],
    plugins: { '@nx': nx },
    languageOptions: { parser: jsoncParser },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          buildTargets: ['build'],
          checkMissingDependencies: true,
          checkObsoleteDependencies: true,
          checkVersionMismatches: false,
          ignoredFiles: specFilesInProject,
          // tfjs: peers the host provides (one engine), native packages located by path
          // and loaded on demand; their imports are still checked by banTransitiveDependencies
          ignoredDependencies: [
            '@tensorflow/tfjs',
            '@tensorflow/tfjs-core',
            '@tensorflow/tfjs-backend-cpu',
            '@tensorflow/tfjs-node',
            '@tensorflow/tfjs-node-gpu',
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
