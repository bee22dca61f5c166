import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineObjective } from './defineObjective';

// A toy objective: loss = mean(scale · (rejected − chosen)), rewards = policy logps.
const toy = defineObjective({
  name: 'toy',
  requiresReference: false,
  description: 'test objective',
  options: {
    scale: { type: 'number', default: 1, min: 0, exclusiveMin: true, description: 'scale' },
    mode: { type: 'enum', values: ['a', 'b'], default: 'a', description: 'mode' },
  },
  compute: ({ policy }, { scale }) => {
    const losses = tf.mul(scale, tf.sub(policy.rejected, policy.chosen)) as tf.Tensor1D;
    return {
      loss: tf.mean(losses) as tf.Scalar,
      losses,
      chosenRewards: policy.chosen,
      rejectedRewards: policy.rejected,
    };
  },
});

const pair = (c: number[], r: number[]) => ({ chosen: tf.tensor1d(c), rejected: tf.tensor1d(r) });

describe('defineObjective', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('fills defaults, freezes options and carries metadata on the factory', () => {
    const o = toy({ scale: 2 });
    expect(o.options).toEqual({ scale: 2, mode: 'a' });
    expect(Object.isFrozen(o.options)).toBe(true);
    expect(toy.objectiveName).toBe('toy');
    expect(toy.requiresReference).toBe(false);
  });

  it('rejects bad options naming the option and its range', () => {
    expect(() => toy({ scale: 0 })).toThrow(/option 'scale' must be a finite number > 0, got 0/);
    expect(() => toy({ mode: 'c' as 'a' })).toThrow(/'a' \| 'b'/);
    expect(() => toy({ nope: 1 } as never)).toThrow(/unknown option 'nope'.*scale, mode/);
    expect(() => toy({ scale: -1 })).toThrow(expect.objectContaining({ kind: 'config' }));
  });

  it('computes, detaches rewards and leaves no tensors behind', () => {
    const policy = pair([-1, -2], [-3, -1]);
    const lengths = pair([1, 1], [1, 1]);
    const before = tf.memory().numTensors;
    const out = toy({ scale: 2 }).compute({ policy, lengths });
    // losses = 2·(−3+1, −1+2) = [−4, 2]; loss = −1
    expect(Array.from(out.losses.dataSync())).toEqual([-4, 2]);
    expect(out.loss.dataSync()[0]).toBe(-1);
    tf.dispose([out.loss, out.losses, out.chosenRewards, out.rejectedRewards]);
    expect(tf.memory().numTensors).toBe(before);
    const g = tf.grad((c: tf.Tensor) =>
      tf.sum(
        toy().compute({ policy: { chosen: c as tf.Tensor1D, rejected: policy.rejected }, lengths })
          .chosenRewards,
      ),
    )(policy.chosen);
    expect(Array.from(g.dataSync())).toEqual([0, 0]);
  });

  it('rejects mismatched shapes and non-positive lengths with input errors', () => {
    const o = toy();
    expect(() => o.compute({ policy: pair([1, 2], [1]), lengths: pair([1, 1], [1, 1]) })).toThrow(
      /policy.rejected has shape \[1\], expected \[2\]/,
    );
    expect(() => o.compute({ policy: pair([1], [1]), lengths: pair([0], [1]) })).toThrow(
      /lengths.chosen\[0\] is 0/,
    );
  });
});
