import type { EventEmitter } from 'eventemitter3';
import type { TrainerEvents } from '@prefopt/core';
import { EventFileWriter } from './EventFileWriter';

/**
 * Subscribes a TensorBoard event file in `dir` to a trainer, with the tags Hugging Face's
 * TensorBoardCallback gives TRL's logs: `train/loss`, `train/rewards/chosen`, …,
 * `train/learning_rate`, `train/grad_norm`, `train/epoch`, and `eval/…` for evaluations.
 * A resumed run appends a new file that opens with a SessionLog START at the resumed step,
 * so TensorBoard drops the old run's later points (its orphaned-data purge).
 */
export function attachTensorboard(events: EventEmitter<TrainerEvents>, dir: string): void {
  let writer: EventFileWriter | undefined;
  events.on('start', ({ resumedFrom }) => {
    writer = new EventFileWriter(dir);
    if (resumedFrom !== undefined) writer.write(resumedFrom + 1, { sessionStart: true });
  });
  events.on('step', (m) => {
    const { step, lr, ...rest } = m;
    const scalars: Record<string, number> = { 'train/learning_rate': lr };
    for (const [k, v] of Object.entries(rest)) scalars[`train/${k}`] = v;
    writer?.write(step, { scalars });
  });
  events.on('eval', (m) => {
    const { step, ...rest } = m;
    writer?.write(step, { scalars: rest });
  });
}
