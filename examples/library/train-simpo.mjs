#!/usr/bin/env node
// prefopt as a library, end to end (docs/library.md): activate a backend, load a model and its
// tokenizer, read preference pairs, train a few SimPO steps, save the result.
//
//   node examples/library/train-simpo.mjs [--backend auto|node|native|wasm|cpu] [--steps N] [--out DIR]
//
// Runs from a fresh clone after `npm ci` (which builds the packages' dist/, what a plain
// `node` import of @prefopt/* loads), on the repository's fixtures: llama2.c's stories260K
// model and 300 hh-rlhf pairs. Prints one line per step and a JSON summary last.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { cpuAdapter } from '@prefopt/backend-cpu';
import { nativeAdapter } from '@prefopt/backend-native';
import { nodeAdapter } from '@prefopt/backend-node';
import { wasmAdapter } from '@prefopt/backend-wasm';
import {
  assertTokenizerFits,
  loadTokenizer,
  PairBatchStream,
  readPreferences,
  tokenizeRecords,
} from '@prefopt/data';
import { loadModel, saveModel } from '@prefopt/model';
import { simpo } from '@prefopt/objective-simpo';
import { buildTraining } from '@prefopt/recipes';

const { values: flags } = parseArgs({
  options: {
    backend: { type: 'string', default: 'auto' },
    steps: { type: 'string', default: '3' },
    out: { type: 'string' },
  },
});
const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures');
const steps = Number(flags.steps);
const out = resolve(flags.out ?? mkdtempSync(join(tmpdir(), 'prefopt-library-')));

// 1. Backend: the fastest CPU engine that is installed here (as `--backend auto` on a CPU machine).
const adapters = [nodeAdapter, nativeAdapter, wasmAdapter, cpuAdapter];
const candidates =
  flags.backend === 'auto' ? adapters : adapters.filter((a) => a.name === flags.backend);
let backend;
for (const adapter of candidates) {
  if (await adapter.isAvailable()) {
    backend = adapter;
    break;
  }
}
if (!backend) {
  console.error(`backend '${flags.backend}' is not available here; try --backend wasm or cpu.`);
  process.exit(2);
}
await backend.activate({ threads: 1 });

// 2. Model and tokenizer: a llama2.c checkpoint and its tokenizer.bin (HF folders load the same way).
const policy = loadModel(join(fixtures, 'stories260K', 'stories260K.bin'));
const tokenizer = loadTokenizer(join(fixtures, 'stories260K', 'tok512.bin'));
assertTokenizerFits(tokenizer, policy);
const tensorsBefore = tf.memory().numTensors; // the model's weights

// 3. Pairs: hh-rlhf's gzipped JSONL (the format is detected), tokenised and truncated as TRL does.
const reader = readPreferences(join(fixtures, 'hh-rlhf', 'harmless-base-test-300.jsonl.gz'));
const data = await tokenizeRecords(reader, tokenizer, { maxLength: 64, maxPromptLength: 32 });
console.log(`data: ${reader.report.pairs} pairs read, ${data.pairs.length} kept at max length 64`);

// 4. Train: @prefopt/recipes wires the Trainer as `prefopt train` does (batches, schedule,
//    reference); SimPO is reference-free, so no reference model is made. The policy stays ours.
const objective = simpo({ beta: 2, gamma: 1 });
const training = await buildTraining(
  {
    objective: objective.name,
    model: policy,
    seed: 0,
    data: { pairs: data.pairs },
    batchSize: 2,
    lr: 1e-3,
    lrScheduler: 'linear',
    maxSteps: steps,
  },
  { resolveObjective: () => objective },
);
const losses = [];
training.trainer.on('step', (m) => {
  losses.push(m.loss);
  console.log(
    `step ${m.step}/${steps}  loss ${m.loss.toFixed(4)}  margin ${m['rewards/margins'].toFixed(4)}  grad_norm ${m.grad_norm.toFixed(3)}`,
  );
});
await training.run();
training.dispose(); // the optimiser's moments (the policy was given, so it is not freed)
const tensorsAfter = tf.memory().numTensors; // training leaves the count where it found it

// 5. Save: a Hugging Face style folder (config.json + model.safetensors); a path ending in
//    .bin writes llama2.c's format instead.
await saveModel(policy, out);
policy.dispose();

console.log(
  JSON.stringify({
    backend: backend.name,
    steps: losses.length,
    losses,
    out,
    tensorsBefore,
    tensorsAfter,
    tensorsAtExit: tf.memory().numTensors,
  }),
);
