// The package graph of library code (spec files left out), by layer, as a mermaid diagram for
// docs/architecture.md; exits 1 naming every edge that goes against the layers
// (tools/lint/moduleBoundaries.js). The lint enforces the same per file; this draws it.
//   node tools/lint/layerGraph.mjs            (prints the diagram)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { layerConstraints, specFiles } from './moduleBoundaries.js';

const root = resolve(import.meta.dirname, '../..');
const layers = ['layer:core', 'layer:testing', 'layer:plugin', 'layer:engine', 'layer:recipes'];
layers.push('layer:app');

/** Every workspace package: name, folder, layer tag. */
const projects = ['packages', 'apps', 'examples'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, group, d.name, 'package.json')))
    .map((d) => {
      const dir = join(root, group, d.name);
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const tag = (json.nx?.tags ?? []).find((t) => t.startsWith('layer:')) ?? 'untagged';
      return { name: json.name, dir, tag };
    }),
);
const byName = new Map(projects.map((p) => [p.name, p]));

const specPattern = new RegExp(
  specFiles
    .map((g) =>
      g
        .replace(/[.]/g, '\\.')
        .replace(/\*\*\//g, '(.*/)?')
        .replace(/\*/g, '[^/]*'),
    )
    .join('|'),
);
function* sourceFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'dist') yield* sourceFiles(p);
    else if (/\.(ts|mts|mjs|js)$/.test(e.name) && !specPattern.test(relative(root, p))) yield p;
  }
}

const importPattern = /(?:from\s+|import\s*\(\s*)['"](@?[^'"./][^'"]*)['"]/g;
const edges = new Map(); // "a → b" → a file that makes it
for (const p of projects) {
  if (!existsSync(join(p.dir, 'src'))) continue;
  for (const file of sourceFiles(join(p.dir, 'src'))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const target = byName.get(spec.split('/').slice(0, 2).join('/'));
      if (target && target !== p) edges.set(`${p.name} → ${target.name}`, relative(root, file));
    }
  }
}

const allowed = new Map(layerConstraints.map((c) => [c.sourceTag, c.onlyDependOnLibsWithTags]));
const against = [...edges].filter(([edge]) => {
  const [from, to] = edge.split(' → ').map((n) => byName.get(n));
  return !(allowed.get(from.tag) ?? []).includes(to.tag);
});

const id = (name) => name.replace(/^@prefopt\//, '').replace(/[^a-z0-9]/gi, '_');
const lines = ['flowchart BT'];
for (const layer of [...layers, 'untagged']) {
  const members = projects.filter((p) => p.tag === layer);
  if (!members.length) continue;
  lines.push(`  subgraph ${layer.replace('layer:', '')}`);
  for (const p of members) lines.push(`    ${id(p.name)}["${p.name}"]`);
  lines.push('  end');
}
for (const edge of [...edges.keys()].sort()) {
  const [from, to] = edge.split(' → ');
  lines.push(`  ${id(from)} --> ${id(to)}`);
}
console.log(lines.join('\n'));
for (const [edge, file] of against) console.error(`against the layers: ${edge} (${file})`);
process.exitCode = against.length ? 1 : 0;
