import type { EvalMetrics, OptionValue, StepMetrics, TrainerEvents } from '@prefopt/core';

/** Training part of a job: one objective from the job's model, on the job's data. */
export interface JobTraining {
  objective: string;
  options: Record<string, OptionValue>;
  /** LoRA / TR-DPO settings of the grid (RUN_AXES), as flag values. */
  settings?: Record<string, OptionValue>;
  steps: number;
  batchSize: number;
  lr: number;
  warmupRatio: number;
  /** Write the trained model to `<out>/model` (the demo's SFT stage does; the others need not). */
  saveModel: boolean;
}

/** What one worker process does: optionally train, then evaluate on held-out data. */
export interface AblationJob {
  name: string;
  /** The run's folder: metrics.jsonl, generations.jsonl, model/. */
  out: string;
  backend: string;
  /** Threads for backends that use them (native); undefined: the backend's default. */
  threads?: number;
  plugins: string[];
  /** llama2.c .bin, HF / prefopt folder, or a model-config .json (fresh model from `seed`). */
  model: string;
  /** A tokenizer path, or 'bytes'. */
  tokenizer: string;
  seed: number;
  /** Preference data, TRL format (or any @prefopt/data reads). */
  data: string;
  /** Held-out preference data: reward accuracy / margin, and the prompts generated from. */
  evalData: string;
  maxLength: number;
  train: JobTraining | undefined;
  generation: {
    /** Held-out prompts to continue greedily (the first N of evalData). */
    prompts: number;
    maxNewTokens: number;
    /** Scores generations (win rate, rule rate); undefined = lengths only. */
    annotator: { name: string; options: Record<string, unknown> } | undefined;
  };
}

/** One greedy generation, scored. */
export interface Generation {
  prompt: string;
  text: string;
  /** Generated tokens, EOS included when the model stopped. */
  tokens: number;
  score: number | null;
}

export interface JobResult {
  name: string;
  /** Held-out metrics of the trained objective; null when the job did not train. */
  eval: EvalMetrics | null;
  objectiveOptions: Record<string, OptionValue> | null;
  /** Median wall time of an optimiser step; null without training. */
  stepMs: number | null;
  /** Median CPU time (user + system, all threads) of a step: steadier than wall time on a busy machine. */
  stepCpuMs: number | null;
  /** Held-out reward accuracy on pairs whose chosen completion is not longer than the rejected. */
  accuracyNotLonger: { accuracy: number | null; pairs: number } | null;
  peakRssMiB: number;
  wallSec: number;
  generations: Generation[];
  /** Where the trained model was written, when `saveModel`. */
  modelDir: string | null;
  /** Per held-out pair (in file order) after training, for intervals over pairs; absent without training. */
  pairResults?: PairResult[];
}

/** One held-out pair judged by the trained objective's implicit reward. */
export interface PairResult {
  /** The reward ranks chosen over rejected. */
  correct: boolean;
  /** The chosen completion is not longer (in tokens) than the rejected one. */
  chosenNotLonger: boolean;
  /** Chosen minus rejected reward. */
  margin: number;
}

/** Messages a worker sends its parent over IPC. */
export type WorkerMessage =
  | { type: 'event'; event: 'start'; payload: TrainerEvents['start'][0] }
  | { type: 'event'; event: 'step'; payload: StepMetrics }
  | { type: 'event'; event: 'eval'; payload: EvalMetrics }
  | { type: 'event'; event: 'message'; payload: string }
  | { type: 'event'; event: 'end'; payload: TrainerEvents['end'][0] }
  | { type: 'result'; result: JobResult }
  | { type: 'error'; kind: string | undefined; message: string };
