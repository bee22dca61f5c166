import { join, resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { assertTokenizerFits, loadTokenizer } from '@prefopt/data';
import { loadModel, type LlamaModel } from '@prefopt/model';
import {
  attachMetricsLog,
  attachPlainLog,
  attachProgressBar,
  CheckpointStore,
  PairBatchStream,
  Trainer,
} from '@prefopt/trainer';
import { stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';
import { activateBackend } from '../backend/activateBackend';
import type { CommandContext } from '../commands/Command';
import { bundledModules } from '../container/bundledModules';
import { readLoraSettings } from '../lora/readLoraSettings';
import { savedSyncedReference, savePolicy, trainPolicy } from '../lora/trainPolicy';
import { boundObjectiveNames } from '../objectives/boundObjectiveNames';
import { resolveObjective } from '../objectives/resolveObjective';
import { buildPolicy } from './buildPolicy';
import { chooseTokenizer } from './chooseTokenizer';
import { loadTrainData } from './loadTrainData';
import { mergeConfigFile } from './mergeConfigFile';
import { readTrainSettings } from './readTrainSettings';
import { referenceFactory } from './referenceFactory';
import { trainFlags } from './trainFlags';

/** What a checkpoint keeps of the command line (`trainer_state.json` → `run`). */
interface SavedRun {
  flags: Record<string, string>;
  /** hashWeights of the reference, once a log-prob cache was keyed by it. */
  referenceWeights?: string;
}

/**
 * `prefopt train`: flags (over --config, over a resumed checkpoint's settings) → objective,
 * backend, tokenizer, data, policy → a Trainer with a metrics file and a progress reporter
 * subscribed, SIGINT wired to `requestStop`. Prints one JSON summary line on stdout.
 */
export async function runTrain(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const log = (text: string) => io.stderr.write(`${text}\n`);
  const resumeFlag = stringFlag(args, 'resume');
  const ckpt = resumeFlag ? CheckpointStore.read(resolve(io.cwd, resumeFlag)) : undefined;
  const saved = (ckpt?.state.run ?? { flags: {} }) as unknown as SavedRun;
  const merged = mergeConfigFile(args, io.cwd, saved.flags);
  const s = readTrainSettings(merged, io.cwd);
  const loraSettings = readLoraSettings(merged, io.cwd);
  const lora = loraSettings.lora !== undefined || loraSettings.adapter !== undefined;
  const container = await ctx.container();
  const objective = await resolveObjective(s.objective, merged, {
    container,
    available: () => boundObjectiveNames(bundledModules()),
    ownFlags: new Set(trainFlags),
  });
  await activateBackend(merged, ctx);
  const tokenizerPath = chooseTokenizer(s.tokenizer, s.model);
  const tokenizer = loadTokenizer(tokenizerPath);
  // LoRA checkpoints hold the adapter only: the base comes from --model again
  const base = ckpt && !lora ? loadModel(ckpt.dir) : buildPolicy(s.model, s.seed);
  const policy = trainPolicy(base, loraSettings, ckpt?.dir, s.seed);
  let syncedReference: LlamaModel | undefined;
  try {
    assertTokenizerFits(tokenizer, policy);
    if (s.maxLength > policy.maxSeqLen) {
      throw new PrefoptError(
        'config',
        `--max-length ${s.maxLength} exceeds the model's context of ${policy.maxSeqLen} tokens; pass --max-length ${policy.maxSeqLen} or less.`,
      );
    }
    const data = await loadTrainData(s, tokenizer, tokenizerPath, log);
    const train = new PairBatchStream(data.train, { batchSize: s.batchSize, seed: s.seed });
    const totalSteps =
      s.maxSteps || Math.max(1, Math.ceil((s.epochs * train.batchesPerEpoch) / s.gradAccum));
    if (ckpt && ckpt.state.totalSteps !== totalSteps) {
      log(
        `note: the checkpoint's run had ${ckpt.state.totalSteps} steps, this one has ${totalSteps}: the learning-rate schedule differs from the original run.`,
      );
    }
    const { resume: _r, config: _c, help: _h, ...kept } = merged.flags;
    // `run` is stored by reference in every checkpoint; the reference factory fills referenceWeights.
    const run: SavedRun = {
      flags: kept as Record<string, string>,
      referenceWeights: saved.referenceWeights,
    };
    const trainer = new Trainer({
      policy,
      objective,
      train,
      eval: data.eval.length ? () => PairBatchStream.inOrder(data.eval, s.batchSize) : undefined,
      reference: referenceFactory({
        policy,
        original: ckpt ? () => buildPolicy(s.model, s.seed) : undefined,
        data,
        batchSize: s.batchSize,
        cacheDir: s.precomputeRef,
        sync: loraSettings.sync,
        syncedFrom: savedSyncedReference(ckpt?.dir),
        onSynced: (model) => (syncedReference = model),
        weightsHash: saved.referenceWeights,
        onWeightsHash: (hash) => (run.referenceWeights = hash),
        log,
      }),
      optimizer: { weightDecay: s.weightDecay },
      schedule: {
        lr: s.lr,
        warmupSteps: Math.ceil(s.warmupRatio * totalSteps),
        decay: s.lrScheduler,
      },
      totalSteps,
      gradAccum: s.gradAccum,
      maxGradNorm: s.maxGradNorm,
      evalEvery: s.evalEvery,
      saveEvery: s.saveEvery,
      checkpoints: new CheckpointStore(s.out, (dir) =>
        savePolicy(policy, dir, s.model, syncedReference),
      ),
      run: run as unknown as Record<string, string>,
      resume: ckpt,
    });
    attachMetricsLog(trainer, join(s.out, 'metrics.jsonl'));
    if (io.stderr.isTTY) attachProgressBar(trainer, io.stderr);
    else attachPlainLog(trainer, io.stderr, Math.max(1, Math.floor(totalSteps / 50)));
    let checkpoint: string | undefined;
    trainer.on('checkpoint', (c) => (checkpoint = c.dir));
    const stop = () => trainer.requestStop();
    process.once('SIGINT', stop);
    try {
      const last = await trainer.run();
      io.stdout.write(
        `${JSON.stringify({ out: s.out, steps: last?.step ?? 0, loss: last?.loss ?? null, checkpoint: checkpoint ?? null })}\n`,
      );
      return 0;
    } finally {
      process.off('SIGINT', stop);
      trainer.dispose();
    }
  } finally {
    policy.dispose();
  }
}
