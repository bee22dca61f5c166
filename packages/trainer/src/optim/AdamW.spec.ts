import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '@prefopt/testing';
import { AdamW } from './AdamW';

const GRADS: [number[][], number[]][] = [
  [
    [
      [0.1, -0.2],
      [0.3, 0.0],
    ],
    [1.0, 0.5],
  ],
  [
    [
      [-0.5, 0.4],
      [0.0, 2.0],
    ],
    [-1.0, 0.25],
  ],
  [
    [
      [0.05, 0.05],
      [-0.1, 1.0],
    ],
    [0.0, -3.0],
  ],
];
const LRS = [0.1, 0.05, 0.02];

function run(opt: AdamW, steps: number[]): void {
  for (const s of steps) {
    const gw = tf.tensor2d(GRADS[s][0]);
    const gg = tf.tensor1d(GRADS[s][1]);
    opt.apply([gw, gg], LRS[s]);
    tf.dispose([gw, gg]);
  }
}

// Both paths: the flatAdamW lever (default on the cpu backend) and the plain tfjs ops.
describe.each([
  ['flat (lever flatAdamW)', '', 0],
  ['plain tfjs ops', 'flatAdamW', 4],
] as const)('AdamW, %s', (_, levers, stateTensors) => {
  const saved = process.env.PREFOPT_LEVERS;
  beforeAll(async () => {
    await useCpuBackend();
    process.env.PREFOPT_LEVERS = levers;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = saved;
  });

  it('matches torch.optim.AdamW over three steps (decay on the matrix only)', () => {
    const w = tf.variable(
      tf.tensor2d([
        [0.5, -1.0],
        [2.0, 0.25],
      ]),
    );
    const g = tf.variable(tf.tensor1d([1.0, -2.0]));
    const created = tf.memory().numTensors;
    const opt = new AdamW([w, g], { weightDecay: 0.1 });
    const before = tf.memory().numTensors;
    expect(opt.isFlat).toBe(levers === '');
    expect(before - created).toBe(stateTensors); // plain: m and v of each variable as tensors
    run(opt, [0, 1, 2]);
    expect(tf.memory().numTensors).toBe(before);
    // /usr/bin/python3 tools/reference/adamw_reference.py
    const wRef = [0.43005576729774475, -0.9090927839279175, 1.827640175819397, 0.19263271987438202];
    const gRef = [0.903445303440094, -2.136686086654663];
    Array.from(w.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(wRef[i], 6));
    Array.from(g.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(gRef[i], 6));
    expect(opt.step).toBe(3);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(created);
    tf.dispose([w, g]);
  });

  it('restores saved state so that a split run equals an unbroken one bit for bit', async () => {
    const make = () => [
      tf.variable(
        tf.tensor2d([
          [0.5, -1.0],
          [2.0, 0.25],
        ]),
      ),
      tf.variable(tf.tensor1d([1.0, -2.0])),
    ];
    const [w1, g1] = make();
    const a = new AdamW([w1, g1], { weightDecay: 0.1 });
    run(a, [0, 1, 2]);

    const [w2, g2] = make();
    const b = new AdamW([w2, g2], { weightDecay: 0.1 });
    run(b, [0]);
    const state = await b.getState();
    const weights = [w2.dataSync().slice(), g2.dataSync().slice()];
    b.dispose();
    tf.dispose([w2, g2]);

    const w3 = tf.variable(tf.tensor2d(weights[0] as Float32Array, [2, 2]));
    const g3 = tf.variable(tf.tensor1d(weights[1] as Float32Array));
    const c = new AdamW([w3, g3], { weightDecay: 0.1 });
    c.setState(state);
    expect(c.step).toBe(1);
    run(c, [1, 2]);
    expect(Array.from(w3.dataSync())).toEqual(Array.from(w1.dataSync()));
    expect(Array.from(g3.dataSync())).toEqual(Array.from(g1.dataSync()));
    tf.dispose([w1, g1, w3, g3]);
    a.dispose();
    c.dispose();
  });

  it('rejects bad settings and mismatched state as config / checkpoint errors', () => {
    const w = tf.variable(tf.zeros([2]));
    expect(() => new AdamW([w], { beta1: 1 })).toThrow(/beta1 must be in \[0, 1\), got 1/);
    const opt = new AdamW([w]);
    expect(() =>
      opt.setState({ step: 1, names: ['x'], m: [new Float32Array(3)], v: [new Float32Array(3)] }),
    ).toThrow(/has 3 values, the model's .* has 2/);
    opt.dispose();
    w.dispose();
  });
});
