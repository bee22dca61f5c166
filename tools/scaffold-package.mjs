#!/usr/bin/env node
// Creates the standard files of a workspace package: package.json, tsconfig.json,
// tsup.config.ts and src/index.ts. Usage: node tools/scaffold-package.mjs packages/objective-foo "One-line description"
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

const [dir, description = ''] = process.argv.slice(2);
if (!dir) {
  console.error(
    'usage: node tools/scaffold-package.mjs <packages/name|apps/name|examples/name> [description]',
  );
  process.exit(2);
}
if (existsSync(join(dir, 'package.json'))) {
  console.error(`${dir}/package.json exists already; nothing written.`);
  process.exit(2);
}
const up = relative(dir, '.') || '.';
const name = dir.startsWith('packages/')
  ? `@prefopt/${basename(dir)}`
  : `@prefopt/${basename(dir)}`;
mkdirSync(join(dir, 'src'), { recursive: true });
const pkg = {
  name,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  exports: {
    '.': {
      '@prefopt/source': './src/index.ts',
      types: './dist/index.d.ts',
      import: './dist/index.js',
      require: './dist/index.cjs',
    },
  },
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  files: ['dist'],
  sideEffects: false,
  scripts: {
    build: 'tsup',
    typecheck: 'tsc -p tsconfig.json',
    lint: 'eslint src && prettier --check src',
  },
  dependencies: {},
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: `${up}/tsconfig.base.json`, include: ['src'] }, null, 2) + '\n',
);
writeFileSync(
  join(dir, 'tsup.config.ts'),
  `import { packageConfig } from '${up}/tsup.base';\n\nexport default packageConfig();\n`,
);
if (!existsSync(join(dir, 'src/index.ts')))
  writeFileSync(join(dir, 'src/index.ts'), 'export {};\n');
console.log(`created ${name} in ${dir}`);
