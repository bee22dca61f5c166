#!/usr/bin/env node
// On-policy pairs, as in the SimPO paper's Instruct setting, on stories260K (fixtures/stories260K):
//   1. `prefopt pairs`: k samples per prompt, annotator "mentions a dog" (contains-word), best → chosen,
//      worst → rejected;
//   2. `prefopt train --objective simpo` on those pairs (a short run);
//   3. `prefopt pairs` again on FRESH prompts, with the base and the trained model: its `meanScore` is the
//      share of samples that mention a dog.
// Usage: node tools/demo/pairs-dog.mjs [--out runs/pairs-dog] [--steps 40] [--k 8] [--lr 1e-3] [--seed 1]
// Prints one JSON line: the rule's rate on fresh samples before and after, and the commands.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = resolve(root, 'fixtures/stories260K');
const model = join(fixtures, 'stories260K.bin');
const tokenizer = join(fixtures, 'tok512.bin');
const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const out = resolve(flag('out', join(root, 'runs/pairs-dog')));
const steps = flag('steps', '40');
const k = flag('k', '8');
const seed = flag('seed', '1');
const backend = flag('backend', 'auto');
const lr = flag('lr', '1e-3');
mkdirSync(out, { recursive: true });

// Story openers; the first half makes training pairs, the second half is only ever sampled fresh.
const names = ['Lily', 'Tom', 'Sue', 'Ben', 'Mia', 'Max', 'Anna', 'Sam'];
const openers = [
  (n) => `Once upon a time, there was a little girl named ${n}. She`,
  (n) => `One day, ${n} went to the park. ${n}`,
  (n) => `${n} was very happy. ${n} saw a`,
  (n) => `Once upon a time, ${n} had a big`,
  (n) => `${n} and mom went for a walk. They`,
  (n) => `It was a sunny day. ${n} wanted to`,
  (n) => `${n} liked to play outside. One day,`,
  (n) => `In a small house lived ${n}. Every day,`,
];
const prompts = names.flatMap((n) => openers.map((o) => o(n)));
const trainPrompts = prompts.filter((_, i) => i % 2 === 0);
const freshPrompts = prompts.filter((_, i) => i % 2 === 1);
writeFileSync(join(out, 'train-prompts.txt'), trainPrompts.join('\n') + '\n');
writeFileSync(join(out, 'fresh-prompts.txt'), freshPrompts.join('\n') + '\n');

const bin = join(root, 'apps/cli/bin/prefopt.mjs');
const commands = [];
function prefopt(args) {
  commands.push(
    `prefopt ${args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(' ')}`,
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    console.error(`failed (${r.status}): ${commands.at(-1)}`);
    process.exit(r.status ?? 1);
  }
  const lines = r.stdout.trim().split('\n');
  return { ...JSON.parse(lines[lines.length - 1]), seconds: (Date.now() - started) / 1000 };
}
const rule = ['--annotator', 'contains-word', '--annotator-options', '{"word":"dog"}'];
const sample = ['--temperature', '1', '--max-new-tokens', '48', '--backend', backend];

const pairs = prefopt([
  'pairs',
  '--model',
  model,
  '--tokenizer',
  tokenizer,
  '--prompts',
  join(out, 'train-prompts.txt'),
  ...rule,
  '--k',
  k,
  '--seed',
  seed,
  ...sample,
  '--out',
  join(out, 'pairs.jsonl'),
]);
const train = prefopt([
  'train',
  '--model',
  model,
  '--tokenizer',
  tokenizer,
  '--data',
  join(out, 'pairs.jsonl'),
  '--objective',
  'simpo',
  '--beta',
  '2',
  '--gamma',
  '1',
  '--max-steps',
  steps,
  '--batch-size',
  '4',
  '--lr',
  lr,
  '--max-length',
  '128',
  '--eval-split',
  '0',
  '--seed',
  seed,
  '--backend',
  backend,
  '--out',
  join(out, 'simpo'),
]);
const fresh = (m, name) =>
  prefopt([
    'pairs',
    '--model',
    m,
    '--tokenizer',
    tokenizer,
    '--prompts',
    join(out, 'fresh-prompts.txt'),
    ...rule,
    '--k',
    k,
    '--seed',
    String(Number(seed) + 1000),
    ...sample,
    '--out',
    join(out, `fresh-${name}.jsonl`),
  ]);
const before = fresh(model, 'base');
const after = fresh(train.checkpoint, 'simpo');
const result = {
  pairs: pairs.pairs,
  skippedPrompts: pairs.skipped,
  trainRuleRate: pairs.meanScore,
  freshSamples: before.samples,
  freshRuleRateBase: before.meanScore,
  freshRuleRateSimpo: after.meanScore,
  steps: Number(steps),
  lr: Number(lr),
  seed: Number(seed),
  seconds: {
    pairs: pairs.seconds,
    train: train.seconds,
    freshBase: before.seconds,
    freshSimpo: after.seconds,
  },
  commands,
};
writeFileSync(join(out, 'result.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result));
