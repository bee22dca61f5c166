import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/args/parseArgs';
import { readTrainSettings } from '../../src/train/readTrainSettings';

const read = (line: string) => readTrainSettings(parseArgs(line.split(' ')), '/work/run');
const base = '--objective dpo --model m.bin --data d.jsonl --out o';

describe('readTrainSettings', () => {
  it("fills TRL's defaults and resolves paths against the working folder", () => {
    const s = read(base);
    expect(s).toMatchObject({
      model: '/work/run/m.bin',
      data: '/work/run/d.jsonl',
      out: '/work/run/o',
      batchSize: 8,
      gradAccum: 1,
      lr: 1e-6,
      lrScheduler: 'linear',
      maxGradNorm: 1,
      maxLength: 1024,
      maxSteps: 0,
      epochs: 1,
      seed: 42,
      evalEvery: 0,
      precomputeRef: undefined,
    });
  });

  it('--precompute-ref alone uses the user cache folder; with a value, that folder', () => {
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = '/cache';
    try {
      expect(read(`${base} --precompute-ref`).precomputeRef).toBe('/cache/prefopt/reference-logps');
      expect(read(`${base} --precompute-ref refs`).precomputeRef).toBe('/work/run/refs');
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });

  it('names the flag and the fix for bad values', () => {
    expect(() => read(`${base} --lr-scheduler step`)).toThrow(
      /--lr-scheduler must be cosine, linear, constant, got 'step'/,
    );
    expect(() => read(`${base} --max-length 64 --max-prompt-length 64`)).toThrow(
      /--max-prompt-length \(64\) must be below --max-length \(64\)/,
    );
    expect(() => read(`${base} --eval-data e.jsonl --eval-split 0.1`)).toThrow(
      /--eval-data or --eval-split, not both/,
    );
    expect(() => read(`${base} --batch-size 0`)).toThrow(
      /--batch-size must be an integer >= 1, got '0'/,
    );
    expect(() => read('--objective dpo --data d --out o')).toThrow(/missing --model/);
  });
});
