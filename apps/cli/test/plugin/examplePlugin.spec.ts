import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { createModel, saveModel } from '@prefopt/model';
import { repoRoot, useCpuBackend } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import type { AblationSummary } from '@prefopt/recipes';
import { biggerNumberTask } from '@prefopt/recipes';
import { writeTaskFiles } from '@prefopt/recipes';
import { moderateInput, tempFile } from '../objectives/runCli';
import { writeTinyModelConfig } from '../support/writeTinyModelConfig';
import { runMain } from '../support/runMain';
import { fixtureArgs, trainFixture } from '../train/trainFixture';

/**
 * examples/objective-plugin, loaded by path: one manifest adding two objectives, a backend
 * (`example-cpu`, priority 45) and an annotator (`fewest-words`). Every verb that takes
 * `--plugin` sees all three; nothing in core, trainer or cli names them.
 */
const plugin = join(repoRoot(), 'examples/objective-plugin');
const withPlugin = (argv: string[], cwd?: string) => runMain([...argv, '--plugin', plugin], cwd);

interface Listing {
  backends: { name: string; priority: number; available: boolean; software: boolean }[];
  auto: string;
}

const rows = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, number>);

describe('examples/objective-plugin in every verb', () => {
  it('objectives lists its objectives after the bundled ones', async () => {
    const r = await withPlugin(['objectives', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const names = (JSON.parse(r.stdout) as { name: string }[]).map((l) => l.name);
    expect(names.slice(-2)).toEqual(['tanh-margin', 'weakest-token']);
    expect(names).toContain('dpo');
  });

  it('backends lists example-cpu by its priority, and auto ranks it with the bundled ones', async () => {
    const r = await withPlugin(['backends', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const listing = JSON.parse(r.stdout) as Listing;
    expect(listing.backends.find((b) => b.name === 'example-cpu')).toMatchObject({
      priority: 45,
      available: true,
      software: false,
    });
    const names = listing.backends.map((b) => b.name);
    expect(names.indexOf('example-cpu')).toBeLessThan(names.indexOf('node'));
    // auto: the first available hardware backend by priority; example-cpu unless a GPU beats it
    const better = listing.backends.find((b) => b.available && !b.software && b.priority > 45);
    expect(listing.auto).toBe(better?.name ?? 'example-cpu');
  });

  it('loss on the example-cpu backend gives exactly what the cpu backend gives', async () => {
    const input = tempFile(moderateInput);
    const argv = ['loss', '--objective', 'tanh-margin', '--beta', '2', '--input', input];
    const onPlugin = await withPlugin([...argv, '--backend', 'example-cpu']);
    expect(onPlugin.code, onPlugin.stderr).toBe(0);
    expect(tf.getBackend()).toBe('example-cpu');
    const onCpu = await withPlugin([...argv, '--backend', 'cpu']);
    expect(onCpu.code, onCpu.stderr).toBe(0);
    expect(JSON.parse(onPlugin.stdout)).toEqual(JSON.parse(onCpu.stdout));
  });

  it('train runs the plugin objective on the plugin backend, step for step as on cpu', async () => {
    const f = trainFixture(8);
    const extra = ['--objective', 'tanh-margin', '--max-steps', '2'];
    // The flatAdamW lever runs on the built-in host backends only (by name), so both runs take
    // the plain optimiser path here: then the plugin backend must match cpu bit for bit.
    const levers = process.env.PREFOPT_LEVERS;
    process.env.PREFOPT_LEVERS = 'flatAdamW';
    let cpu: Awaited<ReturnType<typeof withPlugin>>;
    let r: Awaited<ReturnType<typeof withPlugin>>;
    try {
      cpu = await withPlugin(['train', ...fixtureArgs(f), ...extra, '--out', 'cpu'], f.dir);
      const args = fixtureArgs(f).map((a) => (a === 'cpu' ? 'example-cpu' : a));
      r = await withPlugin(['train', ...args, ...extra, '--out', 'plugin'], f.dir);
    } finally {
      if (levers === undefined) delete process.env.PREFOPT_LEVERS;
      else process.env.PREFOPT_LEVERS = levers;
    }
    expect(cpu.code, cpu.stderr).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    expect(tf.getBackend()).toBe('example-cpu');
    const onPlugin = rows(join(f.dir, 'plugin', 'metrics.jsonl'));
    const onCpu = rows(join(f.dir, 'cpu', 'metrics.jsonl'));
    expect(onPlugin.map((m) => m.step)).toEqual([1, 2]);
    expect(onPlugin.map((m) => m.loss)).toEqual(onCpu.map((m) => m.loss));
    expect(onPlugin.map((m) => m.grad_norm)).toEqual(onCpu.map((m) => m.grad_norm));
    expect(onPlugin[0].loss).toBeGreaterThan(0);
  });

  it('train --backend auto picks the plugin backend where no GPU outranks it', async () => {
    const listing = JSON.parse((await withPlugin(['backends', '--json'])).stdout) as Listing;
    const f = trainFixture(8);
    const args = fixtureArgs(f).map((a) => (a === 'cpu' ? 'auto' : a));
    const r = await withPlugin(
      ['train', ...args, '--objective', 'tanh-margin', '--max-steps', '1', '--out', 'run'],
      f.dir,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`prefopt: --backend auto picked ${listing.auto}`);
    console.log(`[examplePlugin] --backend auto with the plugin picked ${listing.auto}`);
    expect(rows(join(f.dir, 'run', 'metrics.jsonl'))).toHaveLength(1);
  });

  it('bench times the plugin objective on the plugin backend', async () => {
    const model = JSON.stringify({
      dim: 16,
      hiddenDim: 40,
      layers: 2,
      heads: 4,
      kvHeads: 2,
      vocab: 32,
      seqLen: 16,
    });
    const r = await withPlugin([
      'bench',
      '--model-config',
      model,
      '--batch',
      '2',
      '--seq',
      '12',
      '--objective',
      'tanh-margin',
      '--steps',
      '2',
      '--warmup',
      '1',
      '--backend',
      'example-cpu',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      backend: 'example-cpu',
      tfBackend: 'example-cpu',
      objective: 'tanh-margin',
      steps: 2,
    });
  });

  it("train --objective with a typo lists the plugin's objectives and the nearest", async () => {
    const f = trainFixture(4);
    const r = await withPlugin(
      ['train', ...fixtureArgs(f), '--objective', 'tanh-margn', '--out', 'run'],
      f.dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^prefopt: unknown objective 'tanh-margn'\. Available: dpo, .*, tanh-margin, weakest-token\. Did you mean 'tanh-margin'\? \(A third-party objective needs --plugin <package or path>\.\)\n$/,
    );
  });

  it('pairs keeps the tersest sample as chosen by the fewest-words annotator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-plugin-pairs-'));
    await useCpuBackend();
    const model = createModel(
      { dim: 16, hiddenDim: 32, layers: 1, heads: 2, kvHeads: 2, vocab: 259, seqLen: 64 },
      { seed: 3 },
    );
    await saveModel(model, join(dir, 'model'));
    model.dispose();
    writeFileSync(join(dir, 'prompts.txt'), 'The cat\nA dog\n');
    const out = join(dir, 'pairs.jsonl');
    const r = await withPlugin([
      'pairs',
      '--model',
      join(dir, 'model'),
      '--tokenizer',
      'bytes',
      '--prompts',
      join(dir, 'prompts.txt'),
      '--annotator',
      'fewest-words',
      '--k',
      '6',
      '--max-new-tokens',
      '12',
      '--backend',
      'example-cpu',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const pairs = rows(out) as unknown as {
      chosen: string;
      rejected: string;
      score_chosen: number;
      score_rejected: number;
    }[];
    expect(pairs.length).toBeGreaterThan(0);
    const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
    for (const p of pairs) {
      expect(p.score_chosen).toBe(-words(p.chosen));
      expect(p.score_rejected).toBe(-words(p.rejected));
      expect(p.score_chosen).toBeGreaterThan(p.score_rejected);
    }
  });

  it('ablate trains the plugin objective in a worker on the plugin backend, scored by its annotator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-plugin-ablate-'));
    const files = writeTaskFiles(
      join(dir, 'data'),
      biggerNumberTask({ seed: 1, trainPairs: 8, heldoutPairs: 4 }),
    );
    const out = join(dir, 'out');
    const r = await withPlugin([
      'ablate',
      '--grid',
      '{"objective":["tanh-margin"],"beta":[2]}',
      '--model',
      writeTinyModelConfig(dir),
      '--data',
      files.train,
      '--eval-data',
      files.heldout,
      '--steps',
      '1',
      '--batch-size',
      '2',
      '--gen-prompts',
      '2',
      '--max-new-tokens',
      '4',
      '--annotator',
      'fewest-words',
      '--backend',
      'example-cpu',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AblationSummary;
    expect(summary.runs.map((run) => run.name)).toEqual(['tanh-margin']);
    expect(summary.runs[0].options).toMatchObject({ beta: 2 });
    expect(summary.backend).toBe('example-cpu');
    // fewest-words scores minus the word count: the mean over greedy generations is <= 0
    expect(typeof summary.runs[0].ruleRate).toBe('number');
    expect(summary.runs[0].ruleRate).toBeLessThanOrEqual(0);
  }, 180_000);

  it('a second manifest giving a name the plugin gives is one error naming both', async () => {
    const copy = tempFile(
      `function factory() { throw new Error('never called'); }
factory.objectiveName = 'tanh-margin';
factory.options = {};
export default { name: 'tanh-margin-copy', objectives: [factory] };
`,
      'copy.mjs',
    );
    const r = await runMain(['objectives', '--plugin', plugin, '--plugin', copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `prefopt: objective 'tanh-margin' is in both plugin 'prefopt-objective-tanh-margin' (${plugin}) ` +
        `and plugin 'tanh-margin-copy' (${copy}). Rename it in the plugin, or pass --override tanh-margin ` +
        `to use plugin 'tanh-margin-copy' (${copy})'s.\n`,
    );
    const twice = await runMain(['backends', '--plugin', plugin, '--plugin', plugin]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(
      `prefopt: plugin name 'prefopt-objective-tanh-margin' is used by both plugin 'prefopt-objective-tanh-margin' (${plugin}) ` +
        `and plugin 'prefopt-objective-tanh-margin' (${plugin}). Load each plugin once, or rename one.\n`,
    );
  });
});
