import type { OptionValue, StepMetrics } from '@prefopt/core';
import type { JsonValue } from '@prefopt/core';
import type { AdamWSettings } from '../optim/AdamW';

/** `trainer_state.json` of a checkpoint: everything besides the weights a resume needs. */
export interface TrainerState {
  format: 'prefopt-trainer/1';
  /** Optimiser steps done. */
  step: number;
  epoch: number;
  totalSteps: number;
  /** The batch stream's position (epoch, index, RNG state). */
  data: JsonValue;
  optimizer: { step: number; names: string[]; sizes: number[]; settings: AdamWSettings };
  objective: { name: string; options: Record<string, OptionValue> };
  /** The run's settings (the CLI's resolved flags), so a resume can use and check them. */
  run: JsonValue;
  lastMetrics?: StepMetrics;
  /** sha256 (hex) of every other file of the checkpoint folder, by file name. */
  files?: Record<string, string>;
  /** A stateful objective's state after `step` (e.g. BCO's running moments), restored on resume. */
  objectiveState?: Record<string, number>;
}
