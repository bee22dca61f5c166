import type { OptionValue } from '@prefopt/core';

/** One run an ablation will train: a label (also its folder name), an objective and its options. */
export interface RunPlan {
  name: string;
  objective: string;
  options: Record<string, OptionValue>;
  /** Run settings from the grid's RUN_AXES (LoRA, TR-DPO), as flag values; absent when none. */
  settings?: Record<string, OptionValue>;
}
