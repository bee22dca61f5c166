import type { RopeScaling } from '../../config/ModelConfig';
import type { HfLlamaConfig } from './HfLlamaConfig';

/**
 * RoPE settings of a config.json, in either form transformers writes: ≥ 5
 * `rope_parameters: {rope_theta, rope_type, factor, …}`, < 5 top-level `rope_theta` plus
 * `rope_scaling: {type | rope_type, factor, …}`. Types default, linear and llama3 are
 * implemented; any other is refused (`fail` names the field).
 */
export function readHfRope(
  hf: HfLlamaConfig,
  fail: (what: string) => never,
): { ropeTheta: number; ropeScaling?: RopeScaling } {
  const params = hf.rope_parameters ?? undefined;
  const legacy = hf.rope_scaling ?? undefined;
  if (params && legacy && JSON.stringify(params) !== JSON.stringify(legacy)) {
    const sameType = (params.rope_type ?? 'default') === (legacy.rope_type ?? legacy.type);
    if (!sameType || (legacy.factor !== undefined && legacy.factor !== params.factor))
      fail('rope_parameters and rope_scaling disagree; keep only rope_parameters.');
  }
  const field = params ? 'rope_parameters' : 'rope_scaling';
  const rope: Record<string, unknown> = { ...(legacy ?? {}), ...(params ?? {}) };
  if (params && typeof params !== 'object') fail(`rope_parameters must be an object.`);
  const nested = Object.values(rope).some(
    (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  );
  if (nested) fail(`${field} per layer type is not supported (one RoPE setting for all layers).`);
  const type = String(rope.rope_type ?? rope.type ?? 'default');
  const ropeTheta = positive(
    rope.rope_theta ?? hf.rope_theta ?? 10000,
    `${field}.rope_theta`,
    fail,
  );
  const partial = rope.partial_rotary_factor ?? hf.partial_rotary_factor ?? 1;
  if (partial !== 1)
    fail(
      `partial_rotary_factor ${String(partial)} is not supported; prefopt rotates whole heads (1.0).`,
    );
  if (type === 'default') return { ropeTheta };
  if (type !== 'linear' && type !== 'llama3') {
    return fail(
      `${field}.rope_type '${type}' is not supported; prefopt implements RoPE types default, linear and llama3.`,
    );
  }
  const factor = positive(rope.factor, `${field}.factor`, fail);
  if (type === 'linear') return { ropeTheta, ropeScaling: { type: 'linear', factor } };
  const lowFreqFactor = positive(rope.low_freq_factor, `${field}.low_freq_factor`, fail);
  const highFreqFactor = positive(rope.high_freq_factor, `${field}.high_freq_factor`, fail);
  const originalMaxPositions = positive(
    rope.original_max_position_embeddings ??
      hf.original_max_position_embeddings ??
      hf.max_position_embeddings,
    `${field}.original_max_position_embeddings`,
    fail,
  );
  if (!(highFreqFactor > lowFreqFactor))
    fail(`${field}.high_freq_factor must be greater than low_freq_factor.`);
  return {
    ropeTheta,
    ropeScaling: { type: 'llama3', factor, lowFreqFactor, highFreqFactor, originalMaxPositions },
  };
}

function positive(v: unknown, name: string, fail: (what: string) => never): number {
  if (typeof v !== 'number' || !(v > 0))
    fail(`${name} must be a positive number, got ${JSON.stringify(v)}.`);
  return v as number;
}
