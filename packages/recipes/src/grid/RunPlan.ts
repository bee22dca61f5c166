import type { OptionValue } from '@prefopt/core';
import type { TrainerOverrides } from './trainerAxes';

/** One run an ablation will train: a label (also its folder name), an objective, its options and trainer overrides. */
export interface RunPlan {
  name: string;
  objective: string;
  options: Record<string, OptionValue>;
  /** Trainer settings this run sweeps (lr, steps, batchSize, warmupRatio, seed); the rest are the ablation's. */
  training?: TrainerOverrides;
  /** Run settings from the grid's RUN_AXES (LoRA, TR-DPO), as flag values; absent when none. */
  settings?: Record<string, OptionValue>;
}
