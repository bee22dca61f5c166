import type { ModelConfig } from '../../config/ModelConfig';

/** One prefopt weight as stored in a HF LlamaForCausalLM state dict. */
export interface HfTensorName {
  hf: string; // e.g. model.layers.0.self_attn.q_proj.weight
  name: string; // prefopt name (weightShapes)
  rotaryHeads?: number; // q/k: rows are per-head rotate-half ordered; heads to permute over
  transpose: boolean; // HF stores nn.Linear as [out, in]; prefopt as [in, out]
}

const LAYER: [string, string, boolean][] = [
  ['input_layernorm.weight', 'attnNorm', false],
  ['self_attn.q_proj.weight', 'wq', true],
  ['self_attn.k_proj.weight', 'wk', true],
  ['self_attn.v_proj.weight', 'wv', true],
  ['self_attn.o_proj.weight', 'wo', true],
  ['post_attention_layernorm.weight', 'ffnNorm', false],
  ['mlp.gate_proj.weight', 'w1', true],
  ['mlp.down_proj.weight', 'w2', true],
  ['mlp.up_proj.weight', 'w3', true],
];

/** The HF names of every weight of `config`, in state-dict order. */
export function hfTensorNames(config: ModelConfig): HfTensorName[] {
  const names: HfTensorName[] = [
    { hf: 'model.embed_tokens.weight', name: 'embedding', transpose: false },
  ];
  for (let i = 0; i < config.layers; i++) {
    for (const [hf, kind, transpose] of LAYER) {
      const rotaryHeads = kind === 'wq' ? config.heads : kind === 'wk' ? config.kvHeads : undefined;
      names.push({
        hf: `model.layers.${i}.${hf}`,
        name: `layers.${i}.${kind}`,
        transpose,
        rotaryHeads,
      });
    }
  }
  names.push({ hf: 'model.norm.weight', name: 'finalNorm', transpose: false });
  if (!config.sharedClassifier)
    names.push({ hf: 'lm_head.weight', name: 'classifier', transpose: true });
  return names;
}
