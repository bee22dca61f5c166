/** Every setting of `prefopt train` after flags, --config and defaults are merged. */
export interface TrainSettings {
  objective: string;
  /** A llama2.c .bin, an HF folder, or a model-config .json for a fresh random model. */
  model: string;
  tokenizer: string | undefined;
  data: string;
  evalData: string | undefined;
  /** Fraction of --data held out for eval (when no --eval-data). */
  evalSplit: number;
  format: string | undefined;
  skipInvalid: boolean;
  /** Chat template for message data; undefined = auto (the tokenizer's own, else plain). */
  template: string | undefined;
  batchSize: number;
  gradAccum: number;
  lr: number;
  lrScheduler: 'cosine' | 'linear' | 'constant';
  warmupRatio: number;
  weightDecay: number;
  maxGradNorm: number;
  /** Optimiser steps; 0 = from --epochs. */
  maxSteps: number;
  epochs: number;
  maxLength: number;
  maxPromptLength: number | undefined;
  seed: number;
  evalEvery: number;
  saveEvery: number;
  /** Keep only the newest N checkpoints (0 = all), as HF's save_total_limit. */
  saveTotalLimit: number;
  /** A fresh run may replace another run's checkpoints and metrics in --out. */
  overwrite: boolean;
  resume: string | undefined;
  /** Folder of the reference log-prob cache, or undefined for a frozen reference copy. */
  precomputeRef: string | undefined;
  out: string;
  /** Extra metric sinks besides metrics.jsonl (TRL's report_to): 'tensorboard'. */
  reportTo: 'tensorboard'[];
  /** Where TensorBoard event files go (default <out>/runs, as HF's logging_dir). */
  loggingDir: string;
}
