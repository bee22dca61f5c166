import type { ModelConfig } from '../../config/ModelConfig';

/** One prefopt weight as stored in a HF LlamaForCausalLM state dict. */
export interface HfTensorName {
  hf: string; // e.g. model.layers.0.self_attn.q_proj.weight
  name: string; // prefopt name (weightShapes)
  rotaryHeads?: number; // q/k: rows are per-head rotate-half ordered; heads to permute over
  transpose: boolean; // HF stores nn.Linear as [out, in]; prefopt as [in, out]
}

/** [HF name, prefopt kind, is a matrix, which heads it rotates] of one layer. */
const LAYER: [string, string, boolean, 'q' | 'k' | undefined][] = [
  ['input_layernorm.weight', 'attnNorm', false, undefined],
  ['self_attn.q_proj.weight', 'wq', true, 'q'],
  ['self_attn.q_proj.bias', 'bq', false, 'q'],
  ['self_attn.k_proj.weight', 'wk', true, 'k'],
  ['self_attn.k_proj.bias', 'bk', false, 'k'],
  ['self_attn.v_proj.weight', 'wv', true, undefined],
  ['self_attn.v_proj.bias', 'bv', false, undefined],
  ['self_attn.o_proj.weight', 'wo', true, undefined],
  ['self_attn.o_proj.bias', 'bo', false, undefined],
  ['post_attention_layernorm.weight', 'ffnNorm', false, undefined],
  ['mlp.gate_proj.weight', 'w1', true, undefined],
  ['mlp.gate_proj.bias', 'b1', false, undefined],
  ['mlp.down_proj.weight', 'w2', true, undefined],
  ['mlp.down_proj.bias', 'b2', false, undefined],
  ['mlp.up_proj.weight', 'w3', true, undefined],
  ['mlp.up_proj.bias', 'b3', false, undefined],
];

const BIAS = { bq: 'qkvBias', bk: 'qkvBias', bv: 'qkvBias', bo: 'outBias' } as const;

/** The HF names of every weight of `config` (biases only where the config has them). */
export function hfTensorNames(config: ModelConfig): HfTensorName[] {
  const names: HfTensorName[] = [
    { hf: 'model.embed_tokens.weight', name: 'embedding', transpose: false },
  ];
  const has = (kind: string) =>
    !/^b/.test(kind) || config[kind in BIAS ? BIAS[kind as keyof typeof BIAS] : 'mlpBias'];
  for (let i = 0; i < config.layers; i++) {
    for (const [hf, kind, transpose, rotary] of LAYER) {
      if (!has(kind)) continue;
      const rotaryHeads =
        rotary === 'q' ? config.heads : rotary === 'k' ? config.kvHeads : undefined;
      names.push({
        hf: `model.layers.${i}.${hf}`,
        name: `layers.${i}.${kind}`,
        transpose,
        ...(rotaryHeads ? { rotaryHeads } : {}),
      });
    }
  }
  names.push({ hf: 'model.norm.weight', name: 'finalNorm', transpose: false });
  if (!config.sharedClassifier)
    names.push({ hf: 'lm_head.weight', name: 'classifier', transpose: true });
  return names;
}
