import { join } from 'node:path';
import type { LoraSettings } from '../lora/LoraSettings';
import type { SavedRun } from '../train/savedRun';
import type { TrainSettings } from '../train/TrainSettings';
import type { ResumedCheckpoint, TrainingSettings } from './TrainingSettings';

/**
 * `prefopt train`'s settings as the recipe's: data files, a checkpointed `--out` with its
 * run record, metrics.jsonl (and TensorBoard with `--report-to`), progress on `progress`.
 */
export function trainRecipeSettings(
  s: TrainSettings,
  o: {
    lora: LoraSettings;
    run: SavedRun;
    resume?: ResumedCheckpoint;
    progress?: NonNullable<TrainingSettings['reporters']>['progress'];
  },
): TrainingSettings {
  return {
    objective: s.objective,
    model: s.model,
    seed: s.seed,
    lora: o.lora,
    data: { files: s },
    batchSize: s.batchSize,
    lr: s.lr,
    lrScheduler: s.lrScheduler,
    warmupRatio: s.warmupRatio,
    weightDecay: s.weightDecay,
    maxGradNorm: s.maxGradNorm,
    gradAccum: s.gradAccum,
    maxSteps: s.maxSteps,
    epochs: s.epochs,
    evalEvery: s.evalEvery,
    saveEvery: s.saveEvery,
    precomputeRef: s.precomputeRef,
    checkpoints: {
      out: s.out,
      saveTotalLimit: s.saveTotalLimit,
      overwrite: s.overwrite,
      baseModel: s.model,
      run: o.run,
      resume: o.resume,
    },
    reporters: {
      metrics: join(s.out, 'metrics.jsonl'),
      tensorboard: s.reportTo.includes('tensorboard') ? s.loggingDir : undefined,
      progress: o.progress,
    },
  };
}
