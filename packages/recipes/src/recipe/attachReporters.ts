import {
  attachMetricsLog,
  attachPlainLog,
  attachProgressBar,
  attachTensorboard,
  type Trainer,
} from '@prefopt/trainer';
import type { ReporterSettings } from './TrainingSettings';

/** Subscribes the run's metric sinks and progress display to the Trainer's events. */
export function attachReporters(
  trainer: Trainer,
  r: ReporterSettings,
  totalSteps: number,
  log: ((text: string) => void) | undefined,
): void {
  if (r.metrics) attachMetricsLog(trainer, r.metrics, log);
  if (r.tensorboard) attachTensorboard(trainer, r.tensorboard);
  if (!r.progress) return;
  if (r.progress.isTTY) attachProgressBar(trainer, r.progress);
  else attachPlainLog(trainer, r.progress, Math.max(1, Math.floor(totalSteps / 50)));
}
