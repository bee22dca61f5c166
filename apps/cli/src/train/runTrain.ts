import { join, resolve } from 'node:path';
import { PrefoptError } from '@prefopt/core';
import { assertTokenizerFits, loadTokenizer } from '@prefopt/data';
import type { LoraModel } from '@prefopt/lora';
import { loadModel, type LlamaModel } from '@prefopt/model';
import {
  attachMetricsLog,
  attachPlainLog,
  attachProgressBar,
  attachTensorboard,
  CheckpointStore,
  Trainer,
} from '@prefopt/trainer';
import { stringFlag } from '../args/flagReaders';
import type { ParsedArgs } from '../args/parseArgs';
import { activateBackend } from '../backend/activateBackend';
import type { CommandContext } from '../commands/Command';
import { readLoraSettings } from '../lora/readLoraSettings';
import { savedSyncedReference, savePolicy, trainPolicy } from '../lora/trainPolicy';
import { resolveAnyObjective } from '../objectives/resolveAnyObjective';
import { buildPolicy } from './buildPolicy';
import { chooseTokenizer } from './chooseTokenizer';
import { mergeConfigFile } from './mergeConfigFile';
import { readTrainSettings } from './readTrainSettings';
import { referenceFactory } from './referenceFactory';
import { trainFlags } from './trainFlags';
import { TRL_ALIASES } from './trlNames';
import { acquireRunLock } from './runLock';
import { prepareRunFolder } from './prepareRunFolder';
import { allowedChanges, assertSameMeaning } from './resumeDiffs';
import { dataSha256, flagsToSave, readSavedRun, resumeBase, type SavedRun } from './savedRun';
import { assertFinitePolicy } from './assertFinitePolicy';
import { onStopSignals, SIGNAL_EXIT } from './stopSignals';
import { trainStreams } from './trainStreams';

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
  const saved = ckpt ? readSavedRun(ckpt.state.run, ckpt.dir) : { flags: {} };
  const given = mergeConfigFile(args, io.cwd); // without the checkpoint's flags
  const merged = mergeConfigFile(args, io.cwd, resumeBase(saved.flags, given.flags.objective), log);
  const s = readTrainSettings(merged, io.cwd);
  const loraSettings = readLoraSettings(merged, io.cwd);
  const lora = loraSettings.lora !== undefined || loraSettings.adapter !== undefined;
  const objective = await resolveAnyObjective(s.objective, merged, {
    registry: await ctx.registry(),
    ownFlags: new Set([...trainFlags, ...Object.keys(TRL_ALIASES), 'lossType']),
  });
  const dataHash = dataSha256(s.data);
  if (ckpt) {
    const before = readTrainSettings({ ...merged, flags: saved.flags }, ckpt.dir);
    assertSameMeaning(
      ckpt.dir,
      { settings: before, objective: ckpt.state.objective, dataSha256: saved.dataSha256 },
      { settings: s, objective, dataSha256: dataHash },
      allowedChanges(args.repeated.allowChanged),
    );
  }
  await activateBackend(merged, ctx);
  const tokenizerPath = chooseTokenizer(s.tokenizer, s.model);
  const tokenizer = loadTokenizer(tokenizerPath);
  const release = acquireRunLock(s.out); // released in the last finally
  let policy: LlamaModel | LoraModel;
  let syncedReference: LlamaModel | undefined;
  try {
    // LoRA checkpoints hold the adapter only: the base comes from --model again
    const base = ckpt && !lora ? loadModel(ckpt.dir) : buildPolicy(s.model, s.seed);
    policy = trainPolicy(base, loraSettings, ckpt?.dir, s.seed);
  } catch (e) {
    release();
    throw e;
  }
  try {
    if (ckpt) await assertFinitePolicy(policy, ckpt.dir);
    assertTokenizerFits(tokenizer, policy);
    if (s.maxLength > policy.maxSeqLen) {
      throw new PrefoptError(
        'config',
        `--max-length ${s.maxLength} exceeds the model's context of ${policy.maxSeqLen} tokens; pass --max-length ${policy.maxSeqLen} or less.`,
      );
    }
    const {
      data,
      train,
      eval: evalBatches,
    } = await trainStreams(objective, s, tokenizer, tokenizerPath, log); // pairs, or unpaired examples for kto / bco
    const totalSteps =
      s.maxSteps || Math.max(1, Math.ceil((s.epochs * train.batchesPerEpoch) / s.gradAccum));
    if (ckpt && ckpt.state.totalSteps !== totalSteps) {
      log(
        `note: the checkpoint's run had ${ckpt.state.totalSteps} steps, this one has ${totalSteps}: the learning-rate schedule differs from the original run.`,
      );
    }
    // `run` is stored by reference in every checkpoint; the reference factory fills referenceWeights.
    const run: SavedRun = {
      flags: flagsToSave(merged.flags, s),
      referenceWeights: saved.referenceWeights,
      dataSha256: dataHash,
    };
    // checkpoints carry the tokenizer and its special-token ids (docs/model.md, Checkpoints)
    const saveCheckpointModel = (dir: string) =>
      savePolicy(policy, dir, s.model, syncedReference, {
        tokenizer: tokenizerPath,
        tokens: { bosId: tokenizer.bosId, eosId: tokenizer.eosId },
      });
    const store = new CheckpointStore(s.out, saveCheckpointModel, {
      saveTotalLimit: s.saveTotalLimit,
    });
    prepareRunFolder(store, { resuming: !!ckpt, overwrite: s.overwrite, log });
    const trainer = new Trainer({
      policy,
      objective,
      train,
      eval: evalBatches,
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
      checkpoints: store,
      run: run as unknown as Record<string, string>,
      resume: ckpt,
    });
    attachMetricsLog(trainer, join(s.out, 'metrics.jsonl'), log);
    if (s.reportTo.includes('tensorboard')) attachTensorboard(trainer, s.loggingDir);
    if (io.stderr.isTTY) attachProgressBar(trainer, io.stderr);
    else attachPlainLog(trainer, io.stderr, Math.max(1, Math.floor(totalSteps / 50)));
    let checkpoint: string | undefined;
    trainer.on('checkpoint', (c) => (checkpoint = c.dir));
    const signals = onStopSignals(() => trainer.requestStop(), io.stderr);
    try {
      const last = await trainer.run();
      io.stdout.write(
        `${JSON.stringify({ out: s.out, steps: last?.step ?? 0, loss: last?.loss ?? null, checkpoint: checkpoint ?? null })}\n`,
      );
      return 0;
    } catch (e) {
      const signal = signals.received(); // SIGTERM: the same checkpoint as SIGINT, exit 143
      if (signal === 'SIGTERM' && PrefoptError.is(e, 'interrupted')) {
        io.stderr.write(`prefopt: ${e.message}\n`);
        return SIGNAL_EXIT[signal];
      }
      throw e;
    } finally {
      signals.dispose();
      trainer.dispose();
    }
  } finally {
    policy.dispose();
    release();
  }
}
