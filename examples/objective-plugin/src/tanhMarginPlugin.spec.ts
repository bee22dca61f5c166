import * as tf from '@tensorflow/tfjs-core';
import { createRegistry } from '@prefopt/core';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CPU_BACKEND } from './exampleCpuAdapter';
import { tanhMarginPlugin } from './tanhMarginPlugin';

describe('tanhMarginPlugin (the manifest)', () => {
  const registry = createRegistry([tanhMarginPlugin]);

  it('lists two objectives, one backend and one annotator', () => {
    expect(registry.names('objective')).toEqual(['tanh-margin', 'weakest-token']);
    expect(registry.names('backend')).toEqual(['example-cpu']);
    expect(registry.names('annotator')).toEqual(['fewest-words']);
  });

  it('fewest-words scores minus the word count, capped at maxWords', async () => {
    const a = registry.get('annotator', 'fewest-words')({ maxWords: 3 });
    // 'a b' 2 words; '  one  ' 1; '' 0; 'w x y z' 4 → capped at 3
    expect(await a.score('p', ['a b', '  one  ', '', 'w x y z'])).toEqual([-2, -1, -0, -3]);
  });

  it('example-cpu activates as its own tfjs backend and computes with the cpu kernels', async () => {
    const adapter = registry.get('backend', 'example-cpu');
    expect(await adapter.isAvailable()).toBe(true);
    await adapter.activate();
    await adapter.activate(); // idempotent: registers once
    expect(tf.getBackend()).toBe(EXAMPLE_CPU_BACKEND);
    const before = tf.memory().numTensors;
    // [[1, 2], [3, 4]] · [5, 6] = [17, 39]
    const y = tf.tidy(() =>
      tf.matMul(
        tf.tensor2d([
          [1, 2],
          [3, 4],
        ]),
        tf.tensor2d([[5], [6]]),
      ),
    );
    expect(Array.from(await y.data())).toEqual([17, 39]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
