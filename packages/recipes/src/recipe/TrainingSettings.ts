import type { PreferenceBatch, TokenizedPair } from '@prefopt/core';
import type { LlamaModel, ModelConfigInput } from '@prefopt/model';
import type { CheckpointStore, TextSink } from '@prefopt/trainer';
import type { LoraSettings } from '../lora/LoraSettings';
import type { SavedRun } from '../train/savedRun';
import type { TrainSettings } from '../train/TrainSettings';

/**
 * Where a run's batches come from: `prefopt train`'s data files (pairs, or unpaired examples
 * for kto / bco, with its held-out split), tokenized pairs already in memory (ablate, demo),
 * or one batch repeated forever (bench: the data loop costs nothing to measure).
 */
export type TrainingData =
  | { files: TrainSettings }
  | { pairs: readonly TokenizedPair[]; eval?: readonly TokenizedPair[]; evalBatchSize?: number }
  | { batch: PreferenceBatch };

/** A checkpoint read with `CheckpointStore.read`, to continue from. */
export type ResumedCheckpoint = NonNullable<ReturnType<typeof CheckpointStore.read>>;

/** `--out` with checkpoints (train only): the store, its run lock and the run record. */
export interface CheckpointSettings {
  out: string;
  saveTotalLimit: number;
  /** A fresh run may replace another run's checkpoints and metrics in `out`. */
  overwrite: boolean;
  /** The base model a LoRA checkpoint's adapter belongs to (PEFT's base_model_name_or_path). */
  baseModel: string;
  /** Stored in every checkpoint; `referenceWeights` is filled in when the reference is hashed. */
  run: SavedRun;
  resume?: ResumedCheckpoint;
}

/** The metric sinks and progress display subscribed to the Trainer. */
export interface ReporterSettings {
  /** metrics.jsonl path. */
  metrics?: string;
  /** TensorBoard event files folder (TRL's report_to=tensorboard, logging_dir). */
  tensorboard?: string;
  /** Progress: a bar on a TTY, else a plain line every ~2% of the run. */
  progress?: TextSink;
}

/**
 * Everything `buildTraining` needs, as plain values: what `prefopt train`'s flags, an
 * ablation job or a bench configuration come down to.
 */
export interface TrainingSettings {
  /** The objective spec, resolved by `RecipeLookups.resolveObjective`. */
  objective: string;
  /**
   * A model path (llama2.c .bin, HF folder, checkpoint, or a model-config .json for a random
   * one), a model config (random from `seed`), or an open model the caller keeps owning.
   */
  model: string | ModelConfigInput | LlamaModel;
  seed: number;
  /** LoRA / TR-DPO; default full fine-tuning against a fixed reference. */
  lora?: LoraSettings;
  data: TrainingData;
  batchSize: number;
  lr: number;
  lrScheduler?: 'cosine' | 'linear' | 'constant';
  /** Warmup as a fraction of the steps (rounded up), unless `warmupSteps` is given. */
  warmupRatio?: number;
  warmupSteps?: number;
  weightDecay?: number;
  maxGradNorm?: number;
  gradAccum?: number;
  /** Optimiser steps; 0 or absent = from `epochs` (default 1) over the training data. */
  maxSteps?: number;
  epochs?: number;
  evalEvery?: number;
  saveEvery?: number;
  /** Folder of the reference log-prob cache (`--precompute-ref`). */
  precomputeRef?: string;
  checkpoints?: CheckpointSettings;
  reporters?: ReporterSettings;
  /** The run's record stored in checkpoints when there is no `checkpoints.run`. */
  run?: Record<string, string>;
}
