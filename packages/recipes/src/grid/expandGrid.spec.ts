import { describe, expect, it } from 'vitest';
import { expandGrid } from './expandGrid';

const declared: Record<string, string[]> = {
  simpo: ['beta', 'gamma', 'gammaBetaRatio', 'lengthNormalize', 'lossType', 'labelSmoothing'],
  dpo: ['beta', 'labelSmoothing'],
};
const expand = (grid: unknown) => expandGrid(grid, (o) => declared[o], Object.keys(declared));

describe('expandGrid', () => {
  it('takes the Cartesian product in key order and names runs by what varies', () => {
    const runs = expand({
      objective: ['simpo'],
      gamma: [0, 0.5, 1],
      lengthNormalize: [true, false],
    });
    // 1 objective × 3 gammas × 2 = 6 runs, gamma varying slowest after objective
    expect(runs).toHaveLength(6);
    expect(runs[0]).toEqual({
      name: 'simpo_gamma=0_lengthNormalize=true',
      objective: 'simpo',
      options: { gamma: 0, lengthNormalize: true },
      training: {},
    });
    expect(runs[1].options).toEqual({ gamma: 0, lengthNormalize: false });
    expect(runs[5].name).toBe('simpo_gamma=1_lengthNormalize=false');
    expect(new Set(runs.map((r) => r.name)).size).toBe(6);
  });

  it('LoRA / TR-DPO axes apply to every objective and go to settings', () => {
    const runs = expand({ objective: ['simpo', 'dpo'], loraRank: [8, 16], loraTargets: 'q,v' });
    // 2 objectives × 2 ranks; the fixed target list is a setting but not in the names
    expect(runs.map((r) => r.name)).toEqual([
      'simpo_loraRank=8',
      'simpo_loraRank=16',
      'dpo_loraRank=8',
      'dpo_loraRank=16',
    ]);
    expect(runs[1]).toEqual({
      name: 'simpo_loraRank=16',
      objective: 'simpo',
      options: {},
      training: {},
      settings: { loraRank: 16, loraTargets: 'q,v' },
    });
    expect(expand({ objective: ['dpo'], refSyncSteps: [64, 512] })[1].settings).toEqual({
      refSyncSteps: 512,
    });
  });

  it('leaves out options an objective lacks and keeps identical runs once', () => {
    const runs = expand({ objective: ['simpo', 'dpo'], gamma: [0, 1], beta: 2 });
    // simpo × 2 gammas; dpo has no gamma → its two combos collapse into one
    expect(runs.map((r) => r.name)).toEqual(['simpo_gamma=0', 'simpo_gamma=1', 'dpo']);
    expect(runs[2].options).toEqual({ beta: 2 });
    expect(runs[0].options).toEqual({ gamma: 0, beta: 2 });
  });

  it('names a bad grid, objective or option key in config errors', () => {
    expect(() => expand([1])).toThrow(/--grid must be a JSON object/);
    expect(() => expand({ gamma: [1] })).toThrow(/needs an "objective" list.*simpo, dpo/);
    expect(() => expand({ objective: ['orpoo'] })).toThrow(
      /unknown objective "orpoo". Available: simpo, dpo/,
    );
    expect(() => expand({ objective: ['dpo'], gama: [1] })).toThrow(
      /no objective .* has an option "gama"/,
    );
    expect(() => expand({ objective: ['simpo'], gamma: [] })).toThrow(/"gamma" has no values/);
    expect(() => expand({ objective: ['simpo'], gamma: [{}] })).toThrow(
      /must be numbers, booleans or strings/,
    );
  });

  it('sweeps trainer settings in every run, objectives with or without the option alike', () => {
    const runs = expand({ objective: ['simpo', 'dpo'], lr: [1e-3, 5e-4], seed: 3 });
    expect(runs.map((r) => r.name)).toEqual([
      'simpo_lr=0.001',
      'simpo_lr=0.0005',
      'dpo_lr=0.001',
      'dpo_lr=0.0005',
    ]);
    expect(runs[1].training).toEqual({ lr: 5e-4, seed: 3 });
    expect(runs[1].options).toEqual({});
    expect(() => expand({ objective: ['dpo'], steps: [0] })).toThrow(
      /"steps" values must be an integer ≥ 1, got 0/,
    );
    expect(() => expand({ objective: ['dpo'], lr: [0] })).toThrow(
      /"lr" values must be a number > 0/,
    );
    expect(() => expand({ objective: ['dpo'], warmupRatio: [2] })).toThrow(/≤ 1/);
  });
});
