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
const boundaries = (depConstraints) => [
  'error',
  { banTransitiveDependencies: true, allow: [], depConstraints },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'runs/**', 'coverage/**'] },
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
