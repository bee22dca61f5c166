import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, modelFromWeights, readSafetensors } from '@prefopt/model';
import { useCpuBackend } from '@prefopt/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLora } from './applyLora';
import type { LoraModel } from './LoraModel';
import { mergeLora } from './mergeLora';
import { writePeftAdapter } from './peft/writePeftAdapter';

// Written by tools/reference/peft_lora.py with transformers + peft: a tiny HF Llama (dim 32,
// 2 layers, 4 heads over 2 kv heads, vocab 64, untied head) and a PEFT LoRA (r 4, alpha 8,
// all seven targets) whose A and B are a non-zero sine formula.
const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');
const BASE = join(FIXTURES, 'base');
const ADAPTER = join(FIXTURES, 'adapter');
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  ids: number[][];
  logits: number[][][];
  logprobs: number[][];
  baseLogprobs: number[][];
};

function maxDiff(a: number[], b: number[]): number {
  expect(a.length).toBe(b.length);
  return Math.max(...a.map((x, i) => Math.abs(x - b[i])));
}

let model: LoraModel;
beforeAll(async () => {
  await useCpuBackend();
  model = applyLora(loadModel(BASE), { adapterDir: ADAPTER });
});
afterAll(() => model.dispose());

describe('LoraModel against transformers + peft', () => {
  it('reads the PEFT adapter: r 4, alpha 8 (scale 2), every target', () => {
    expect(model.adapters.options).toEqual({
      rank: 4,
      alpha: 8,
      dropout: 0,
      targets: ['q', 'k', 'v', 'o', 'gate', 'up', 'down'],
    });
    expect(model.adapters.scale).toBe(2);
    expect(model.trainableVariables).toHaveLength(2 * 7 * 2);
  });

  it("logits and token log-probs equal peft's within 1e-4", () => {
    const ids = tf.tensor2d(expected.ids, undefined, 'int32');
    const logits = model.logits(ids);
    const logps = model.tokenLogps(ids);
    expect(maxDiff(Array.from(logits.dataSync()), expected.logits.flat(2))).toBeLessThan(1e-4);
    expect(maxDiff(Array.from(logps.dataSync()), expected.logprobs.flat())).toBeLessThan(1e-4);
    // the adapters matter: off, the log-probs are the base model's, and differ
    const count = tf.memory().numTensors;
    const off = model.adaptersOff();
    const base = off.tokenLogps(ids);
    expect(maxDiff(Array.from(base.dataSync()), expected.baseLogprobs.flat())).toBeLessThan(1e-4);
    expect(maxDiff(expected.baseLogprobs.flat(), expected.logprobs.flat())).toBeGreaterThan(0.05);
    off.dispose(); // the view frees its own tables, never the shared weights
    base.dispose();
    expect(tf.memory().numTensors).toBe(count);
    expect(model.base.weights.layers[0].wq.isDisposed).toBe(false);
    tf.dispose([ids, logits, logps]);
  });

  it('writes back the same PEFT tensors (names, shapes, values) and config fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefopt-lora-'));
    await writePeftAdapter(dir, model.adapters);
    const ours = readSafetensors(join(dir, 'adapter_model.safetensors'));
    const theirs = readSafetensors(join(ADAPTER, 'adapter_model.safetensors'));
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, t] of theirs) {
      expect(ours.get(name)!.shape).toEqual(t.shape);
      expect(Array.from(ours.get(name)!.values)).toEqual(Array.from(t.values));
    }
    const config = JSON.parse(readFileSync(join(dir, 'adapter_config.json'), 'utf8'));
    expect(config).toMatchObject({ peft_type: 'LORA', r: 4, lora_alpha: 8, bias: 'none' });
    expect([...config.target_modules].sort()).toEqual(
      ['down_proj', 'gate_proj', 'k_proj', 'o_proj', 'q_proj', 'up_proj', 'v_proj'].sort(),
    );
  });

  it("merged weights give peft's log-probs with no adapter", async () => {
    const merged = modelFromWeights(model.base.config, await mergeLora(model), 'merged');
    const ids = tf.tensor2d(expected.ids, undefined, 'int32');
    const logps = merged.tokenLogps(ids);
    expect(maxDiff(Array.from(logps.dataSync()), expected.logprobs.flat())).toBeLessThan(1e-4);
    tf.dispose([ids, logps]);
    merged.dispose();
  });
});
