import * as tf from '@tensorflow/tfjs';
import type { PreferenceBatch } from '@prefopt/core';
import { createModel } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyLora } from './applyLora';
import type { LoraModel } from './LoraModel';

// A LoRA-wrapped model keeps the pair forward's levers (prompt-prefix sharing, completion-
// only logits) exact: the adapters' gradients and the adapters-off view's log-probs equal
// those of the plain forward (PREFOPT_LEVERS=none).

/** Two pairs, prompts of 5 and 3 tokens, right-padded to 10 (pad 0). */
function pairBatch(): PreferenceBatch {
  const t = 10;
  const rows = [
    [1, 4, 9, 2, 7, 5, 6],
    [1, 3, 3, 8, 8, 8],
    [1, 4, 9, 2, 7, 11, 12, 13],
    [1, 3, 3, 10],
  ];
  const prompt = [5, 3, 5, 3];
  const inputIds = new Int32Array(4 * t);
  const completionMask = new Float32Array(4 * t);
  rows.forEach((ids, r) =>
    ids.forEach((id, j) => {
      inputIds[r * t + j] = id;
      if (j >= prompt[r]) completionMask[r * t + j] = 1;
    }),
  );
  return { size: 2, seqLen: t, inputIds, completionMask };
}

function withLevers<T>(value: string | undefined, f: () => T): T {
  const before = process.env.PREFOPT_LEVERS;
  if (value === undefined) delete process.env.PREFOPT_LEVERS;
  else process.env.PREFOPT_LEVERS = value;
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.PREFOPT_LEVERS;
    else process.env.PREFOPT_LEVERS = before;
  }
}

/** Σ over pairs of (chosen − rejected) log-probs and the adapters' gradients. */
function grads(model: LoraModel, batch: PreferenceBatch, perToken: boolean) {
  const vars = model.trainableVariables as tf.Variable[];
  const { value, grads } = tf.variableGrads(() => {
    if (perToken) return tf.sum(tf.square(model.pairTokenLogps(batch))) as tf.Scalar;
    const { logps } = model.sequenceLogps(batch);
    return tf.sum(tf.sub(logps.chosen, tf.mul(logps.rejected, 0.5))) as tf.Scalar;
  }, vars);
  const out = {
    loss: value.dataSync()[0],
    g: vars.map((v) => Array.from(grads[v.name].dataSync())),
  };
  tf.dispose([value, ...Object.values(grads)]);
  return out;
}

describe('LoRA with the pair-forward levers', () => {
  beforeAll(useCpuBackend);

  it('gives the plain forward’s adapter gradients and adapters-off log-probs', () => {
    const base = createModel(
      { dim: 16, hiddenDim: 24, layers: 2, heads: 4, kvHeads: 2, vocab: 16, seqLen: 16 },
      { seed: 2 },
    );
    base.trainableVariables.forEach((v, i) =>
      v.assign(
        tf.tidy(() => tf.randomNormal(v.shape, v.shape.length === 1 ? 1 : 0, 0.4, 'float32', i)),
      ),
    );
    const model = applyLora(base, {
      options: { rank: 2, alpha: 4, targets: 'all-linear' },
      seed: 3,
    });
    model.trainableVariables.forEach(
      (v, i) => v.assign(tf.tidy(() => tf.randomNormal(v.shape, 0, 0.3, 'float32', 50 + i))), // B ≠ 0
    );
    const batch = pairBatch();
    for (const perToken of [false, true]) {
      const before = tf.memory().numTensors;
      const shared = grads(model, batch, perToken);
      expect(tf.memory().numTensors).toBe(before);
      const plain = withLevers('none', () => grads(model, batch, perToken));
      expect(shared.loss).toBeCloseTo(plain.loss, 4);
      plain.g.forEach((g, i) => {
        const scale = Math.max(1e-3, ...g.map(Math.abs));
        shared.g[i].forEach((x, j) => expect(Math.abs(x - g[j]) / scale).toBeLessThan(2e-5));
      });
    }
    const off = model.adaptersOff();
    const sums = () =>
      tf.tidy(() => {
        const { logps } = off.sequenceLogps(batch);
        return Array.from(tf.concat([logps.chosen, logps.rejected]).dataSync());
      });
    const a = sums();
    const b = withLevers('none', sums);
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i], 4));
    off.dispose();
    model.dispose();
  });
});
