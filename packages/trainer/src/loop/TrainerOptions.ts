import type { CausalLM, PreferenceBatch } from '@prefopt/core';
import type { CheckpointStore } from '../checkpoint/CheckpointStore';
import type { TrainerState } from '../checkpoint/TrainerState';
import type { BatchStream, JsonValue } from '@prefopt/core';
import type { AdamWSettings, AdamWState } from '../optim/AdamW';
import type { LrSchedule } from '../optim/learningRate';
import type { ReferenceSource } from '../reference/ReferenceSource';
import type { AnyObjective } from './objectiveForward';

/** Everything a Trainer needs, as plain values: no container, no flags. */
export interface TrainerOptions {
  policy: CausalLM;
  /** A paired objective, or an unpaired one (then `train` yields UnpairedBatches). */
  objective: AnyObjective;
  train: BatchStream;
  /** Held-out batches, iterated afresh at every evaluation. */
  eval?: () => Iterable<PreferenceBatch>;
  /**
   * Makes the reference. Called once, before the first step, and only when
   * `objective.requiresReference`; never called for a reference-free objective.
   */
  reference?: () => ReferenceSource | Promise<ReferenceSource>;
  optimizer?: Partial<AdamWSettings>;
  schedule: Omit<LrSchedule, 'totalSteps'>;
  /** Optimiser steps of the whole run (a resumed run keeps the original count). */
  totalSteps: number;
  /** Micro-batches per optimiser step (default 1). */
  gradAccum?: number;
  /** Global-norm clipping (default 1, as TRL); 0 = off. */
  maxGradNorm?: number;
  /** Evaluate every N steps (0 = never; also after the last step when N > 0). */
  evalEvery?: number;
  /** Checkpoint every N steps (0 = only at the end and on interrupt). Needs `checkpoints`. */
  saveEvery?: number;
  checkpoints?: CheckpointStore;
  /** The run's settings, stored in checkpoints. */
  run?: JsonValue;
  /** Continue from a checkpoint read with CheckpointStore.read (the policy already holds its weights). */
  resume?: { state: TrainerState; optimizer: AdamWState };
}
