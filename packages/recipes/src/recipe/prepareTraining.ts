import { PrefoptError, type Tokenizer } from '@prefopt/core';
import { assertTokenizerFits, loadTokenizer } from '@prefopt/data';
import type { LoraModel } from '@prefopt/lora';
import type { LlamaModel } from '@prefopt/model';
import { CheckpointStore, type AnyObjective, type ReferenceSource } from '@prefopt/trainer';
import { NO_LORA } from '../lora/LoraSettings';
import { savedSyncedReference, savePolicy } from '../lora/trainPolicy';
import { assertFinitePolicy } from '../train/assertFinitePolicy';
import { buildPolicy } from '../train/buildPolicy';
import { chooseTokenizer } from '../train/chooseTokenizer';
import { prepareRunFolder } from '../train/prepareRunFolder';
import { referenceFactory } from '../train/referenceFactory';
import { acquireRunLock } from '../train/runLock';
import type { TrainStreams } from '../train/trainStreams';
import { isOpenModel, openPolicy } from './openPolicy';
import type { RecipeLookups } from './RecipeLookups';
import { trainingStreams } from './trainingStreams';
import type { TrainingSettings } from './TrainingSettings';

/** Everything a run needs but the Trainer: what `buildTraining` hands it, and bench's step timer uses. */
export interface TrainingParts {
  objective: AnyObjective;
  /** The model being optimised (a LoraModel with adapters). */
  policy: LlamaModel | LoraModel;
  /** Opened for data files; undefined for in-memory pairs or a repeated batch. */
  tokenizer: Tokenizer | undefined;
  streams: TrainStreams;
  /** Makes the reference (the Trainer calls it once, before step 1, if the objective needs one). */
  reference: () => Promise<ReferenceSource>;
  totalSteps: number;
  warmupSteps: number;
  checkpoints: CheckpointStore | undefined;
  /**
   * Writes the policy as a checkpoint holds it: a Hugging Face folder, or with LoRA the PEFT
   * adapter; the tokenizer files when the recipe opened one; a TR-DPO reference in reference/.
   */
  save(dir: string): Promise<void>;
  /**
   * Frees the policy when the recipe opened it (an open `settings.model` stays the caller's,
   * and so does a LoRA policy around it) and releases the run lock.
   */
  dispose(): void;
}

/**
 * The recipe up to the Trainer: objective, backend, tokenizer, policy (LoRA / resume), data
 * streams, reference factory, checkpoint store (run lock, `--out` readied).
 */
export async function prepareTraining(
  settings: TrainingSettings,
  lookups: RecipeLookups,
): Promise<TrainingParts> {
  const log = lookups.log ?? (() => {});
  const objective = await lookups.resolveObjective(settings.objective);
  await lookups.activateBackend?.();
  const files = 'files' in settings.data ? settings.data.files : undefined;
  const tokenizerPath = files && chooseTokenizer(files.tokenizer, files.model);
  const tokenizer = tokenizerPath ? loadTokenizer(tokenizerPath) : undefined;
  const ckpt = settings.checkpoints;
  const resume = ckpt?.resume;
  const release = ckpt ? acquireRunLock(ckpt.out) : () => undefined;
  const owned = !isOpenModel(settings.model);
  let policy: LlamaModel | LoraModel;
  try {
    policy = openPolicy(settings, resume);
  } catch (e) {
    release();
    throw e;
  }
  const free = () => {
    if (owned) policy.dispose();
    release();
  };
  try {
    if (resume) await assertFinitePolicy(policy, resume.dir);
    if (files && tokenizer) checkFits(tokenizer, policy, files.maxLength);
    const { batchSize, seed } = settings;
    const streams = await trainingStreams(
      objective,
      settings.data,
      { batchSize, seed, tokenizer, tokenizerPath },
      log,
    );
    const epochs = settings.epochs ?? 1;
    const gradAccum = settings.gradAccum ?? 1;
    const totalSteps =
      settings.maxSteps ||
      Math.max(1, Math.ceil((epochs * streams.train.batchesPerEpoch) / gradAccum));
    if (resume && resume.state.totalSteps !== totalSteps) {
      log(
        `note: the checkpoint's run had ${resume.state.totalSteps} steps, this one has ${totalSteps}: the learning-rate schedule differs from the original run.`,
      );
    }
    const lora = settings.lora ?? NO_LORA;
    let syncedReference: LlamaModel | undefined;
    const model = settings.model;
    const reference = referenceFactory({
      policy,
      original: resume && typeof model === 'string' ? () => buildPolicy(model, seed) : undefined,
      data: streams.data,
      batchSize,
      cacheDir: settings.precomputeRef,
      sync: lora.sync,
      syncedFrom: savedSyncedReference(resume?.dir),
      onSynced: (m) => (syncedReference = m),
      weightsHash: ckpt?.run.referenceWeights,
      onWeightsHash: (hash) => ckpt && (ckpt.run.referenceWeights = hash),
      log,
    });
    // as checkpoints hold it, with the tokenizer and its special-token ids (docs/model.md)
    const baseModel = ckpt?.baseModel ?? (typeof model === 'string' ? model : null);
    const save = (dir: string) =>
      savePolicy(policy, dir, baseModel, syncedReference, {
        tokenizer: tokenizerPath,
        tokens: tokenizer && { bosId: tokenizer.bosId, eosId: tokenizer.eosId },
      });
    let store: CheckpointStore | undefined;
    if (ckpt) {
      store = new CheckpointStore(ckpt.out, save, { saveTotalLimit: ckpt.saveTotalLimit });
      prepareRunFolder(store, { resuming: !!resume, overwrite: ckpt.overwrite, log });
    }
    const warmupSteps = settings.warmupSteps ?? Math.ceil((settings.warmupRatio ?? 0) * totalSteps);
    return {
      objective,
      policy,
      tokenizer,
      streams,
      reference,
      totalSteps,
      warmupSteps,
      checkpoints: store,
      save,
      dispose: free,
    };
  } catch (e) {
    free();
    throw e;
  }
}

/** The tokenizer's ids fit the model, and `--max-length` its context. */
function checkFits(tokenizer: Tokenizer, policy: LlamaModel | LoraModel, maxLength: number): void {
  assertTokenizerFits(tokenizer, policy);
  if (maxLength > policy.maxSeqLen) {
    throw new PrefoptError(
      'config',
      `--max-length ${maxLength} exceeds the model's context of ${policy.maxSeqLen} tokens; pass --max-length ${policy.maxSeqLen} or less.`,
    );
  }
}
