import type { EventEmitter } from 'eventemitter3';
import type { TrainerEvents } from '@prefopt/core';
import { formatStep } from './formatStep';
import type { TextSink } from './TextSink';

/** Plain lines (for logs and pipes): start, every `every`-th step, evals, checkpoints, end. */
export function attachPlainLog(
  events: EventEmitter<TrainerEvents>,
  out: TextSink,
  every = 1,
): void {
  let total = 0;
  events.on('start', (info) => {
    total = info.totalSteps;
    const ref = info.requiresReference ? 'with a reference' : 'reference-free';
    const from = info.resumedFrom !== undefined ? `, resuming after step ${info.resumedFrom}` : '';
    out.write(`training ${info.objective} (${ref}) for ${info.totalSteps} steps${from}\n`);
  });
  events.on('step', (m) => {
    if (m.step % every === 0 || m.step === total) out.write(`${formatStep(m, total)}\n`);
  });
  events.on('eval', (m) =>
    out.write(
      `eval at step ${m.step}: loss ${m['eval/loss'].toFixed(4)} acc ${m['eval/rewards/accuracies'].toFixed(2)}\n`,
    ),
  );
  events.on('checkpoint', (c) =>
    out.write(`checkpoint (${c.reason}) at step ${c.step}: ${c.dir}\n`),
  );
  events.on('message', (text) => out.write(`${text}\n`));
  events.on('end', (e) => out.write(`${e.stopped} after ${e.steps} steps\n`));
}
