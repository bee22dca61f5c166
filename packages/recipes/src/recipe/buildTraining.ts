import { Trainer } from '@prefopt/trainer';
import { attachReporters } from './attachReporters';
import { prepareTraining, type TrainingParts } from './prepareTraining';
import type { RecipeLookups } from './RecipeLookups';
import type { TrainingSettings } from './TrainingSettings';

/** A run, built and ready: `run()` trains, `dispose()` frees what the recipe made. */
export interface Training extends TrainingParts {
  trainer: Trainer;
  run(): ReturnType<Trainer['run']>;
  /** Frees the trainer, then what `TrainingParts.dispose` frees. */
  dispose(): void;
}

/**
 * The one training recipe (train, ablate, demo, bench) and the one place that builds a
 * Trainer: `prepareTraining`'s parts, the Trainer over them, and the reporters subscribed.
 */
export async function buildTraining(
  settings: TrainingSettings,
  lookups: RecipeLookups,
): Promise<Training> {
  const parts = await prepareTraining(settings, lookups);
  let trainer: Trainer;
  try {
    const ckpt = settings.checkpoints;
    trainer = new Trainer({
      policy: parts.policy,
      objective: parts.objective,
      train: parts.streams.train,
      eval: parts.streams.eval,
      reference: parts.reference,
      optimizer:
        settings.weightDecay === undefined ? undefined : { weightDecay: settings.weightDecay },
      schedule: {
        lr: settings.lr,
        warmupSteps: parts.warmupSteps,
        decay: settings.lrScheduler ?? 'cosine',
      },
      totalSteps: parts.totalSteps,
      gradAccum: settings.gradAccum,
      maxGradNorm: settings.maxGradNorm,
      evalEvery: settings.evalEvery,
      saveEvery: settings.saveEvery,
      checkpoints: parts.checkpoints,
      // `run` is stored by reference: the reference factory fills in referenceWeights
      run: ckpt ? (ckpt.run as unknown as Record<string, string>) : settings.run,
      resume: ckpt?.resume,
    });
    attachReporters(trainer, settings.reporters ?? {}, parts.totalSteps, lookups.log);
  } catch (e) {
    parts.dispose();
    throw e;
  }
  return {
    ...parts,
    trainer,
    run: () => trainer.run(),
    dispose: () => {
      try {
        trainer.dispose();
      } finally {
        parts.dispose();
      }
    },
  };
}
