import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useCpuBackend } from '@prefopt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../../createModel';
import { loadModel } from '../../loadModel';
import { saveModel } from '../../saveModel';
import { writeSafetensors } from '../safetensors/writeSafetensors';
import { readSafetensors } from '../safetensors/readSafetensors';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/hf-tiny');
const TOKENS = [5, 12, 40, 3, 33, 18, 61, 9, 27, 44, 2, 50];

beforeAll(async () => {
  await useCpuBackend();
});

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const logps = (dir: string) => {
  const model = loadModel(dir);
  const ids = tf.tensor2d([TOKENS], [1, TOKENS.length], 'int32');
  const out = tf.tidy(() => model.tokenLogps(ids).arraySync()[0]);
  ids.dispose();
  model.dispose();
  return out;
};

describe('HF checkpoints keep what they were read with', () => {
  it.each(['llama-bias', 'llama-headdim', 'llama-legacy-llama3', 'qwen2', 'mistral'])(
    '%s: saved and read back gives the same config.json fields and log-probs',
    async (name) => {
      const out = join(mkdtempSync(join(tmpdir(), 'prefopt-hfw-')), name);
      const model = loadModel(join(FIXTURES, name));
      await saveModel(model, out);
      model.dispose();
      const source = json(join(FIXTURES, name, 'config.json'));
      const written = json(join(out, 'config.json'));
      const { dtype: _d, ...kept } = source;
      expect(written).toMatchObject(kept);
      expect(written.dtype).toBe('float32');
      expect(logps(out)).toEqual(logps(join(FIXTURES, name)));
      // the same tensor names transformers wrote
      const names = (dir: string) =>
        [...readSafetensors(join(dir, 'model.safetensors')).keys()].sort();
      expect(names(out)).toEqual(names(join(FIXTURES, name)));
    },
  );

  it('special-token ids, generation_config.json and the tokenizer files travel with the checkpoint', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prefopt-hfw-')), 'ckpt');
    const src = join(FIXTURES, 'llama-classic');
    const model = loadModel(src);
    await saveModel(model, out, { tokenizer: join(src, 'tokenizer.json') });
    model.dispose();
    expect(json(join(out, 'config.json'))).toMatchObject({
      bos_token_id: 5,
      eos_token_id: 7,
      pad_token_id: 0,
      tie_word_embeddings: true,
      rope_parameters: { rope_type: 'default', rope_theta: 10000 },
    });
    expect(json(join(out, 'generation_config.json'))).toMatchObject({
      bos_token_id: 5,
      eos_token_id: 7,
      pad_token_id: 0,
    });
    for (const f of ['tokenizer.json', 'tokenizer_config.json']) {
      expect(readFileSync(join(out, f))).toEqual(readFileSync(join(src, f)));
    }
  });

  it('a model without a HF source gets a LlamaConfig with the tokenizer’s special tokens', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prefopt-hfw-')), 'fresh');
    const model = createModel({
      dim: 16,
      hiddenDim: 24,
      layers: 1,
      heads: 2,
      kvHeads: 1,
      vocab: 64,
      seqLen: 32,
    });
    await saveModel(model, out, { tokens: { bosId: 3, eosId: 4, padId: 9 } });
    model.dispose();
    expect(json(join(out, 'config.json'))).toMatchObject({
      architectures: ['LlamaForCausalLM'],
      model_type: 'llama',
      bos_token_id: 3,
      eos_token_id: 4,
      pad_token_id: 9,
      tie_word_embeddings: true,
      rope_theta: 10000,
      rope_scaling: null,
    });
    expect(json(join(out, 'generation_config.json'))).toMatchObject({
      bos_token_id: 3,
      eos_token_id: 4,
    });
  });
});

describe('tensors the config does not use are an error naming them', () => {
  const copy = (name: string) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'prefopt-hfu-')), name);
    cpSync(join(FIXTURES, name), dir, { recursive: true });
    return dir;
  };

  it('attention_bias false over a file with biases names the bias tensors', () => {
    const dir = copy('llama-bias');
    const config = json(join(dir, 'config.json'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, attention_bias: false }));
    expect(() => loadModel(dir)).toThrowError(
      /tensors not used by the model config\.json describes: model\.layers\.0\.self_attn\.k_proj\.bias, .*q_proj\.bias.*\(8 in all\) \(biases: check attention_bias/,
    );
  });

  it('no tie_word_embeddings key means untied (transformers’ default): lm_head.weight is read', () => {
    const dir = copy('llama-theta500k');
    const config = json(join(dir, 'config.json'));
    delete config.tie_word_embeddings;
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const model = loadModel(dir);
    expect(model.config.sharedClassifier).toBe(false);
    model.dispose();
  });

  it('a tied config over a file with a different lm_head.weight names it', () => {
    const dir = copy('llama-theta500k');
    const config = json(join(dir, 'config.json'));
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ ...config, tie_word_embeddings: true }),
    );
    expect(() => loadModel(dir)).toThrowError(
      /: lm_head\.weight \(lm_head\.weight with a tied head: check tie_word_embeddings/,
    );
  });

  it('a tied config with lm_head.weight a copy of the embedding is accepted; rotary_emb.inv_freq is ignored', () => {
    const dir = copy('llama-classic');
    const file = join(dir, 'model.safetensors');
    const tensors = readSafetensors(file);
    const embedding = tensors.get('model.embed_tokens.weight')!;
    writeSafetensors(
      file,
      [
        ...[...tensors].map(([name, t]) => ({ name, shape: t.shape, values: t.values })),
        { name: 'lm_head.weight', shape: embedding.shape, values: embedding.values },
        {
          name: 'model.layers.0.self_attn.rotary_emb.inv_freq',
          shape: [4],
          values: new Float32Array(4),
        },
      ],
      { format: 'pt' },
    );
    const model = loadModel(dir);
    expect(model.config.sharedClassifier).toBe(true);
    model.dispose();
  });
});

describe('a tied checkpoint whose config.json omits tie_word_embeddings', () => {
  it('is an error saying transformers reads it as untied, and how to say tied', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'prefopt-hft-')), 'm');
    cpSync(join(FIXTURES, 'llama-classic'), dir, { recursive: true });
    const config = json(join(dir, 'config.json'));
    delete config.tie_word_embeddings;
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    expect(() => loadModel(dir)).toThrowError(
      /tensor lm_head\.weight is missing .* no tie_word_embeddings, which transformers reads as false .*"tie_word_embeddings": true/,
    );
  });
});
