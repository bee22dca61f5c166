import { readFileSync } from 'node:fs';
import { PrefoptError } from '@prefopt/core';

const NUMBER_FIELDS = [
  'hidden_size',
  'intermediate_size',
  'num_hidden_layers',
  'num_attention_heads',
  'num_key_value_heads',
  'vocab_size',
  'max_position_embeddings',
  'rms_norm_eps',
  'rope_theta',
  'head_dim',
];
const BOOLEAN_FIELDS = ['tie_word_embeddings', 'attention_bias', 'mlp_bias'];
const OBJECT_FIELDS = ['rope_scaling', 'rope_parameters'];
const STRING_FIELDS = ['model_type', 'hidden_act'];

/**
 * Reads a model folder's `config.json` at the read boundary: valid JSON, an object, and the
 * fields prefopt reads of the right JSON type when present (numbers, booleans, objects or
 * null). What the values mean is fromHfConfig's business; a wrong type is one `checkpoint`
 * error naming the file and field here, never a crash later.
 */
export function readConfigJson(file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PrefoptError('checkpoint', `${file}: not valid JSON: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const fail = (field: string, expected: string, got: unknown): never => {
    throw new PrefoptError(
      'checkpoint',
      `${file}: "${field}" must be ${expected}, got ${JSON.stringify(got)?.slice(0, 60)}.`,
    );
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('(top level)', 'a JSON object', raw);
  const config = raw as Record<string, unknown>;
  for (const k of NUMBER_FIELDS) {
    if (k in config && config[k] !== null && typeof config[k] !== 'number')
      fail(k, 'a number', config[k]);
  }
  for (const k of BOOLEAN_FIELDS) {
    if (k in config && typeof config[k] !== 'boolean') fail(k, 'true or false', config[k]);
  }
  for (const k of STRING_FIELDS) {
    if (k in config && typeof config[k] !== 'string') fail(k, 'a string', config[k]);
  }
  for (const k of OBJECT_FIELDS) {
    const v = config[k];
    if (v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v)))
      fail(k, 'an object or null', v);
  }
  return config;
}
