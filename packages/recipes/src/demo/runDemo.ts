import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainerEvents } from '@prefopt/core';
import { attachPlainLog, attachProgressBar } from '@prefopt/trainer';
import { EventEmitter } from 'eventemitter3';
import { runAblation, type JobRunner } from '../ablate/runAblation';
import type { AblationSummary } from '../report/RunSummary';
import type { AblationIo } from '../ablate/AblationIo';
import type { DemoPreset } from './demoPresets';
import { biggerNumberTask } from './task/biggerNumberTask';
import { seedList } from '../ablate/seeds/seedList';
import { checkBiggerNumber } from './task/checkBiggerNumber';
import { sftSplit } from './task/sftSplit';
import { taskStats } from './task/taskStats';
import { writeTaskFiles } from './writeTaskFiles';

export interface DemoSettings {
  preset: DemoPreset;
  seed: number;
  /** Preference runs per objective: seeds seed, seed+1, … from the one SFT checkpoint. */
  seeds: number;
  /** Worker processes at a time. */
  parallel: number;
  out: string;
  backend: string;
  /** Threads for backends that use them (native). */
  threads?: number;
  command: string;
}

/**
 * `prefopt demo`: draws the embedded task, trains a small Llama with the byte tokenizer
 * from scratch with `sft` on chosen and rejected responses alike, then runs the preset's
 * objectives from that one checkpoint through the ablation pipeline (same data and steps),
 * each once per seed.
 */
export async function runDemo(
  s: DemoSettings,
  io: AblationIo,
  runJob: JobRunner,
): Promise<AblationSummary> {
  const started = performance.now();
  const p = s.preset;
  const drawn = biggerNumberTask({ seed: s.seed, ...p.task });
  const task = { ...drawn, sft: sftSplit(drawn.train, s.seed, p.sftRuleRate) };
  const files = writeTaskFiles(join(s.out, 'data'), task);
  const sftRule = ruleShare(task.sft);
  const modelConfig = join(s.out, 'model-config.json');
  writeFileSync(modelConfig, JSON.stringify(p.model, null, 2) + '\n');
  const stats = taskStats(task.train);
  io.stderr.write(
    `prefopt demo (preset ${p.name}, seed ${s.seed}, backend ${s.backend}): ${task.train.length} train / ${task.heldout.length} held-out pairs; ` +
      `chosen ${stats.meanChosenChars.toFixed(1)} vs rejected ${stats.meanRejectedChars.toFixed(1)} chars on average\n` +
      `stage 1: sft from scratch (${p.sft.steps} steps) on chosen and rejected responses alike (the rule holds in ${(100 * sftRule).toFixed(0)}% of them)\n`,
  );
  const events = new EventEmitter<TrainerEvents>();
  if (io.stderr.isTTY) attachProgressBar(events, io.stderr);
  else attachPlainLog(events, io.stderr, Math.max(1, Math.round(p.sft.steps / 5)));
  const generation = { ...p.generation, annotator: { name: 'bigger-number', options: {} } };
  const sft = await runJob(
    {
      name: 'sft',
      out: join(s.out, 'sft'),
      backend: s.backend,
      threads: s.threads,
      plugins: [],
      model: modelConfig,
      tokenizer: 'bytes',
      seed: s.seed,
      data: files.sft ?? files.train,
      evalData: files.heldout,
      maxLength: p.maxLength,
      train: { objective: 'sft', options: {}, ...p.sft, warmupRatio: 0.05, saveModel: true },
      generation,
    },
    events,
  );
  io.stderr.write(
    `stage 2: ${p.runs.map((r) => r.name).join(', ')} from the sft checkpoint (${p.preference.steps} steps each, seeds ${seedList(s.seed, s.seeds).join(', ')}, ${s.parallel} at a time)\n`,
  );
  const params =
    (p.model.vocab * p.model.dim * 1 +
      p.model.layers * (4 * p.model.dim ** 2 + 3 * p.model.dim * p.model.hiddenDim)) /
    1000;
  const summary = await runAblation(
    {
      title: `prefopt demo: the bigger-number task (preset ${p.name})`,
      command: s.command,
      out: s.out,
      backend: s.backend,
      threads: s.threads,
      plugins: [],
      model: sft.modelDir!,
      tokenizer: 'bytes',
      data: files.train,
      evalData: files.heldout,
      seed: s.seed,
      seeds: s.seeds,
      parallel: s.parallel,
      maxLength: p.maxLength,
      runs: p.runs,
      ...p.preference,
      generation,
      notes: [
        `Task: "Max 3 7 1?" → the chosen response names the biggest number, the rejected one ${p.task.rejectedAnswer === 'first-listed' ? 'the first number listed where that is not the biggest (another where it is)' : 'another number of the prompt'}; filler sentences make chosen longer on average (${stats.meanChosenChars.toFixed(1)} vs ${stats.meanRejectedChars.toFixed(1)} chars, chosen longer in ${(100 * stats.chosenLongerFraction).toFixed(0)}% of pairs), a bias the true rule ignores.`,
        `${task.train.length} train pairs, ${task.heldout.length} held-out pairs (held-out prompts never in train).`,
        `Model: Llama ${p.model.layers} layers, dim ${p.model.dim}, ${p.model.heads} heads, byte tokenizer (~${Math.round(params)}k parameters), trained from scratch with sft for ${p.sft.steps} steps (batch ${p.sft.batchSize}, lr ${p.sft.lr}) on the train pairs' chosen and rejected responses alike (the rule holds in ${(100 * sftRule).toFixed(1)}% of the SFT targets).`,
        `Every run: ${p.preference.steps} steps from the one sft checkpoint, batch ${p.preference.batchSize}, lr ${p.preference.lr}, cosine decay, once per seed (${seedList(s.seed, s.seeds).join(', ')}: the seed orders the batches); win rate = true rule on greedy generations of ${p.generation.prompts} held-out prompts vs the sft model (ties ½); LC win rate = AlpacaEval 2's length-controlled estimator on the same judgements with the generation lengths.`,
      ],
      baselineName: 'sft',
    },
    io,
    { baseline: sft, runJob },
  );
  io.stderr.write(`demo finished in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return summary;
}

/** Share of pairs whose `chosen` field follows the rule (the SFT targets' rule rate). */
function ruleShare(pairs: readonly { prompt: string; chosen: string }[]): number {
  return pairs.length
    ? pairs.filter((p) => checkBiggerNumber(p.prompt, p.chosen)).length / pairs.length
    : 0;
}
