import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PrefoptError } from '../errors/PrefoptError';
import { validateInputs } from './validateInputs';

const simpo = { name: 'simpo', requiresReference: false };
const dpo = { name: 'dpo', requiresReference: true };
const pair = (c: number[], r: number[]) => ({ chosen: tf.tensor1d(c), rejected: tf.tensor1d(r) });

// The lengths' values are read on backends that read synchronously in host memory (cpu here);
// on webgpu they are not (packages/trainer/src/loop/Trainer.webgpu.spec.ts checks that).
describe('validateInputs', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('accepts well-formed inputs without creating tensors', () => {
    const inputs = { policy: pair([-1, -2], [-3, -4]), lengths: pair([1, 2], [3, 4]) };
    const before = tf.memory().numTensors;
    expect(() => validateInputs(simpo, inputs)).not.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a zero, negative, NaN or infinite length, naming side and index', () => {
    const policy = pair([-1, -2], [-3, -4]);
    const cases: [number[], number[], RegExp][] = [
      [[1, 0], [1, 1], /simpo: lengths.chosen\[1\] is 0; completion token counts must be > 0/],
      [[1, 1], [-2, 1], /lengths.rejected\[0\] is -2/],
      [[NaN, 1], [1, 1], /lengths.chosen\[0\] is NaN/],
      [[1, 1], [1, Infinity], /lengths.rejected\[1\] is Infinity/],
    ];
    for (const [c, r, message] of cases) {
      const call = () => validateInputs(simpo, { policy, lengths: pair(c, r) });
      expect(call).toThrow(message);
      expect(() => call()).toThrow(PrefoptError);
    }
  });

  it('checks shapes before values, and the reference only when required', () => {
    const policy = pair([-1, -2], [-3, -4]);
    const lengths = pair([0, 0], [0, 0]); // would fail the value check
    expect(() => validateInputs(simpo, { policy, lengths: pair([1], [1, 1]) })).toThrow(
      /simpo: lengths.chosen has shape \[1\], expected \[2\] like policy.chosen/,
    );
    expect(() => validateInputs(dpo, { policy, lengths })).toThrow(
      /dpo: requires reference log-probs .* inputs.reference is missing/,
    );
    expect(() => validateInputs(dpo, { policy, lengths, reference: pair([-1, -2], [-3]) })).toThrow(
      /dpo: reference.rejected has shape \[1\], expected \[2\]/,
    );
  });
});
