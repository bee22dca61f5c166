import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import type { StepMetrics, TrainerEvents } from '@prefopt/core';
import { attachPlainLog } from './attachPlainLog';
import { attachProgressBar } from './attachProgressBar';

const row = (step: number): StepMetrics => ({
  step,
  epoch: 0,
  loss: 0.5,
  'rewards/chosen': 0,
  'rewards/rejected': 0,
  'rewards/accuracies': 0.75,
  'rewards/margins': 0.25,
  'logps/chosen': -1,
  'logps/rejected': -2,
  lr: 0.001,
  grad_norm: 2,
  tokens_per_sec: 1234.4,
});

function drive(events: EventEmitter<TrainerEvents>): void {
  events.emit('start', { totalSteps: 2, objective: 'simpo', requiresReference: false });
  events.emit('step', row(1));
  events.emit('step', row(2));
  events.emit('checkpoint', { step: 2, dir: 'runs/x/checkpoint-2', reason: 'final' });
  events.emit('end', { steps: 2, stopped: 'completed' });
}

describe('reporters', () => {
  it('plain log: one line per event, no control characters', () => {
    let text = '';
    const events = new EventEmitter<TrainerEvents>();
    attachPlainLog(events, { write: (t: string) => (text += t) });
    drive(events);
    expect(text.split('\n')).toEqual([
      'training simpo (reference-free) for 2 steps',
      'step 1/2 loss 0.5000 acc 0.75 margin 0.2500 lr 1.00e-3 grad_norm 2.000 tok/s 1234',
      'step 2/2 loss 0.5000 acc 0.75 margin 0.2500 lr 1.00e-3 grad_norm 2.000 tok/s 1234',
      'checkpoint (final) at step 2: runs/x/checkpoint-2',
      'completed after 2 steps',
      '',
    ]);
  });

  it('progress bar: redraws one line with \\r and fills to the end', () => {
    let text = '';
    const events = new EventEmitter<TrainerEvents>();
    attachProgressBar(events, { write: (t: string) => (text += t), isTTY: true }, 4);
    drive(events);
    expect(text).toContain('\r\x1b[2K██░░ 1/2 loss 0.5000');
    expect(text).toContain('\r\x1b[2K████ 2/2 loss 0.5000');
    expect(text.endsWith('completed after 2 steps\n')).toBe(true);
  });
});
