import { describe, expect, it } from 'vitest';
import { defineAnnotator } from '../annotator/defineAnnotator';
import type { BackendAdapter } from '../backend/BackendAdapter';
import { defineObjective } from '../objective/defineObjective';
import { createRegistry } from './createRegistry';
import type { PluginManifest } from './PluginManifest';

const objective = (name: string) =>
  defineObjective({
    name,
    requiresReference: false,
    description: name,
    options: {},
    compute: () => {
      throw new Error('not called here');
    },
  });
const backend = (name: string, priority: number): BackendAdapter => ({
  name,
  priority,
  isAvailable: () => Promise.resolve(true),
  activate: () => Promise.resolve(),
});
const annotator = (name: string) =>
  defineAnnotator({ name, description: name, options: {}, score: (_p, r) => r.map(() => 0) });

const bundled: PluginManifest = {
  name: 'bundled',
  objectives: [objective('dpo'), objective('simpo')],
  backends: [backend('cpu', 10), backend('node', 30)],
  annotators: [annotator('regex')],
};

describe('createRegistry', () => {
  it('lists every kind by name in manifest order, with each source', () => {
    const extra: PluginManifest = { name: 'extra', objectives: [objective('tanh-margin')] };
    const r = createRegistry([bundled, { manifest: extra, source: "plugin 'extra' (./x.mjs)" }]);
    expect(r.names('objective')).toEqual(['dpo', 'simpo', 'tanh-margin']);
    expect(r.names('backend')).toEqual(['cpu', 'node']);
    expect(r.names('annotator')).toEqual(['regex']);
    expect(r.get('backend', 'node').priority).toBe(30);
    expect(r.get('objective', 'tanh-margin')).toBe(extra.objectives![0]);
    expect(r.entry('objective', 'dpo')!.source).toBe("plugin 'bundled'");
    expect(r.entry('objective', 'tanh-margin')!.source).toBe("plugin 'extra' (./x.mjs)");
    expect(r.has('annotator', 'regex')).toBe(true);
    expect(r.has('annotator', 'dpo')).toBe(false);
  });

  it('an unknown name is one config error listing the known names and the nearest', () => {
    const r = createRegistry([bundled]);
    expect(() => r.get('objective', 'simop')).toThrow(
      expect.objectContaining({
        kind: 'config',
        message:
          "unknown objective 'simop'. Available: dpo, simpo. Did you mean 'simpo'? (A third-party objective needs --plugin <package or path>.)",
      }),
    );
    expect(() => r.get('backend', 'tpu-pod-v5')).toThrow(
      "unknown backend 'tpu-pod-v5'. Available: cpu, node. (A third-party backend needs --plugin <package or path>.)",
    );
  });

  it('a duplicate name is one plugin error naming both sources', () => {
    const clash: PluginManifest = { name: 'clash', backends: [backend('node', 99)] };
    expect(() =>
      createRegistry([bundled, { manifest: clash, source: "plugin 'clash' (./c.mjs)" }]),
    ).toThrow(
      expect.objectContaining({
        kind: 'plugin',
        message:
          "backend 'node' is in both plugin 'bundled' and plugin 'clash' (./c.mjs). Rename it in the plugin, or pass --override node to use plugin 'clash' (./c.mjs)'s.",
      }),
    );
  });

  it('overrides lets the later manifest win, and only for the names given', () => {
    const later: PluginManifest = { name: 'later', objectives: [objective('simpo')] };
    const r = createRegistry([bundled, later], { overrides: ['simpo'] });
    expect(r.get('objective', 'simpo')).toBe(later.objectives![0]);
    expect(r.names('objective')).toEqual(['dpo', 'simpo']);
    expect(r.entry('objective', 'simpo')!.source).toBe("plugin 'later'");
    expect(() => createRegistry([bundled, later], { overrides: ['dpo'] })).toThrow(
      /objective 'simpo' is in both plugin 'bundled' and plugin 'later'/,
    );
  });

  it('rejects two manifests of one name, a name listed twice, and malformed manifests', () => {
    expect(() => createRegistry([bundled, { name: 'bundled' }])).toThrow(
      "plugin name 'bundled' is used by both plugin 'bundled' and plugin 'bundled'. Load each plugin once, or rename one.",
    );
    expect(() =>
      createRegistry([{ name: 'twice', annotators: [annotator('a'), annotator('a')] }]),
    ).toThrow("plugin 'twice' lists annotator 'a' twice. List it once.");
    expect(() => createRegistry([{ name: '' }])).toThrow(
      expect.objectContaining({ kind: 'plugin', message: expect.stringMatching(/has no name/) }),
    );
    const noPriority = { name: 'bad', backends: [{ name: 'x', isAvailable: () => 1 }] };
    expect(() => createRegistry([noPriority as unknown as PluginManifest])).toThrow(
      /plugin 'bad': backends\[0\] is not a BackendAdapter/,
    );
    const notAFactory = { name: 'bad', objectives: [() => 1] };
    expect(() => createRegistry([notAFactory as unknown as PluginManifest])).toThrow(
      /plugin 'bad': objectives\[0\] is not an objective factory/,
    );
  });
});
