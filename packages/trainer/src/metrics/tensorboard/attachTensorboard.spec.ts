import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'eventemitter3';
import type { StepMetrics, TrainerEvents } from '@prefopt/core';
import { describeIfPython } from '@prefopt/testing';
import { describe, expect, it } from 'vitest';
import { attachTensorboard } from './attachTensorboard';
import { crc32c, maskedCrc32c } from './crc32c';
import { encodeEvent } from './encodeEvent';

const row = (step: number): StepMetrics => ({
  step,
  epoch: step / 4,
  loss: 1 / step,
  'rewards/chosen': 0.5,
  'rewards/rejected': -0.25,
  'rewards/accuracies': 0.75,
  'rewards/margins': 0.75,
  'logps/chosen': -10,
  'logps/rejected': -12,
  lr: 1e-3 * step,
  grad_norm: 2,
  tokens_per_sec: 100,
});

/** Writes steps 1–4, then a resumed run from step 2 writing 3–5 with other losses. */
function writeRun(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prefopt-tb-'));
  const a = new EventEmitter<TrainerEvents>();
  attachTensorboard(a, dir);
  a.emit('start', { totalSteps: 5, objective: 'simpo', requiresReference: false });
  for (const s of [1, 2, 3, 4]) a.emit('step', row(s));
  const b = new EventEmitter<TrainerEvents>();
  attachTensorboard(b, dir);
  b.emit('start', { totalSteps: 5, objective: 'simpo', requiresReference: false, resumedFrom: 2 });
  for (const s of [3, 4, 5]) b.emit('step', { ...row(s), loss: 10 * s });
  b.emit('eval', {
    step: 5,
    'eval/loss': 0.5,
    'eval/rewards/chosen': 0,
    'eval/rewards/rejected': 0,
    'eval/rewards/accuracies': 1,
    'eval/rewards/margins': 0,
    'eval/logps/chosen': 0,
    'eval/logps/rejected': 0,
  });
  return dir;
}

describe('TensorBoard event encoding', () => {
  it('computes CRC-32C check values (RFC 3720 and the "123456789" check)', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa); // 32 zero bytes, RFC 3720 B.4
    const crc = 0xe3069283;
    expect(maskedCrc32c(new TextEncoder().encode('123456789'))).toBe(
      ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0,
    );
  });

  it('encodes an Event with one scalar byte by byte', () => {
    // wall_time 1.5: 09 + 1.5 as little-endian double; step 3: 10 03;
    // summary: 2a 0a { value: 0a 08 { tag "a": 0a 01 61, simple_value 2: 15 00 00 00 40 } }.
    expect(Array.from(encodeEvent(1.5, 3, { scalars: { a: 2 } }))).toEqual([
      0x09, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0x10, 0x03, 0x2a, 0x0a, 0x0a, 0x08, 0x0a, 0x01, 0x61,
      0x15, 0, 0, 0, 0x40,
    ]);
    // step 300 as a varint: ac 02; SessionLog START (field 7): 3a 02 08 01.
    expect(Array.from(encodeEvent(0, 300, { sessionStart: true })).slice(9)).toEqual([
      0x10, 0xac, 0x02, 0x3a, 0x02, 0x08, 0x01,
    ]);
  });

  it('writes one file per start into the folder', () => {
    const files = readdirSync(writeRun());
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.startsWith('events.out.tfevents.'))).toBe(true);
  });
});

describeIfPython('TensorBoard reads the event files', ['tensorboard'], (python) => {
  it("tensorboard's EventAccumulator sees TRL's tags, and the resumed run replaces the old steps", () => {
    const dir = writeRun();
    const script = `
import json, sys
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
acc = EventAccumulator(sys.argv[1], purge_orphaned_data=True)
acc.Reload()
tags = acc.Tags()["scalars"]
print(json.dumps({"tags": sorted(tags),
  "loss": [[e.step, e.value] for e in acc.Scalars("train/loss")],
  "lr": [[e.step, e.value] for e in acc.Scalars("train/learning_rate")],
  "eval": [[e.step, e.value] for e in acc.Scalars("eval/loss")]}))
`;
    const r = spawnSync(python, ['-c', script, dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      tags: string[];
      loss: [number, number][];
      lr: [number, number][];
      eval: [number, number][];
    };
    expect(out.tags).toEqual(
      expect.arrayContaining([
        'train/loss',
        'train/rewards/chosen',
        'train/rewards/margins',
        'train/learning_rate',
        'train/grad_norm',
        'train/epoch',
        'eval/loss',
      ]),
    );
    expect(out.loss.map(([s]) => s)).toEqual([1, 2, 3, 4, 5]);
    expect(out.loss[0][1]).toBeCloseTo(1, 6);
    expect(out.loss[1][1]).toBeCloseTo(0.5, 6);
    expect(out.loss.slice(2).map(([, v]) => v)).toEqual([30, 40, 50]);
    expect(out.lr[1][1]).toBeCloseTo(2e-3, 9);
    expect(out.eval).toEqual([[5, 0.5]]);
  });
});
