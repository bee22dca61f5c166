import type { EventEmitter } from 'eventemitter3';
import type { TrainerEvents } from '@prefopt/core';
import type { TextSink } from './TextSink';

/**
 * A one-line progress bar for a TTY, redrawn with `\r` on every step; other events print
 * on their own line above it.
 */
export function attachProgressBar(
  events: EventEmitter<TrainerEvents>,
  out: TextSink,
  width = 30,
): void {
  let total = 0;
  let drawn = false;
  const line = (text: string) => {
    out.write(`${drawn ? '\r\x1b[2K' : ''}${text}\n`);
    drawn = false;
  };
  events.on('start', (info) => {
    total = info.totalSteps;
    line(
      `training ${info.objective} (${info.requiresReference ? 'with a reference' : 'reference-free'})`,
    );
  });
  events.on('step', (m) => {
    const filled = Math.round((width * m.step) / Math.max(1, total));
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    out.write(
      `\r\x1b[2K${bar} ${m.step}/${total} loss ${m.loss.toFixed(4)} acc ${m['rewards/accuracies'].toFixed(2)} ${Math.round(m.tokens_per_sec)} tok/s`,
    );
    drawn = true;
  });
  events.on('eval', (m) => line(`eval at step ${m.step}: loss ${m['eval/loss'].toFixed(4)}`));
  events.on('checkpoint', (c) => line(`checkpoint (${c.reason}) at step ${c.step}: ${c.dir}`));
  events.on('message', (text) => line(text));
  events.on('end', (e) => line(`${e.stopped} after ${e.steps} steps`));
}
