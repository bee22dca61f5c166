import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import type { StepMetrics, TrainerEvents } from '@prefopt/core';
import { attachMetricsLog } from './attachMetricsLog';

const row = (step: number): StepMetrics => ({
  step,
  epoch: step / 10,
  loss: 1 / step,
  'rewards/chosen': 0,
  'rewards/rejected': 0,
  'rewards/accuracies': 1,
  'rewards/margins': 0,
  'logps/chosen': -1,
  'logps/rejected': -2,
  lr: 0.1,
  grad_norm: 1,
  tokens_per_sec: 100,
});
const read = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { step: number });

describe('attachMetricsLog', () => {
  it('writes one JSON row per step and eval, and on resume drops rows after the resumed step', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prefopt-metrics-')), 'run', 'metrics.jsonl');
    const a = new EventEmitter<TrainerEvents>();
    attachMetricsLog(a, file);
    a.emit('start', { totalSteps: 4, objective: 'simpo', requiresReference: false });
    for (const s of [1, 2, 3]) a.emit('step', row(s));
    a.emit('eval', {
      step: 3,
      'eval/loss': 0.5,
      'eval/rewards/chosen': 0,
      'eval/rewards/rejected': 0,
      'eval/rewards/accuracies': 1,
      'eval/rewards/margins': 0,
      'eval/logps/chosen': 0,
      'eval/logps/rejected': 0,
    });
    expect(read(file).map((r) => r.step)).toEqual([1, 2, 3, 3]);
    expect(read(file)[0]).toEqual(row(1));

    const b = new EventEmitter<TrainerEvents>();
    attachMetricsLog(b, file);
    b.emit('start', {
      totalSteps: 4,
      objective: 'simpo',
      requiresReference: false,
      resumedFrom: 2,
    });
    b.emit('step', row(3));
    b.emit('step', row(4));
    expect(read(file).map((r) => r.step)).toEqual([1, 2, 3, 4]);
  });
});

describe('attachMetricsLog on a torn file', () => {
  it('drops a torn last line on resume, with a note, and keeps every whole row', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prefopt-metrics-')), 'metrics.jsonl');
    writeFileSync(file, `${JSON.stringify(row(1))}\n${JSON.stringify(row(2))}\n{"step":3,"epo`);
    const notes: string[] = [];
    const b = new EventEmitter<TrainerEvents>();
    attachMetricsLog(b, file, (l) => notes.push(l));
    b.emit('start', {
      totalSteps: 4,
      objective: 'simpo',
      requiresReference: false,
      resumedFrom: 2,
    });
    b.emit('step', row(3));
    expect(read(file)).toEqual([row(1), row(2), row(3)]);
    expect(notes).toEqual([
      `note: ${file}: dropped a torn last line (a run stopped mid-write): {"step":3,"epo`,
    ]);
  });
});
