#!/usr/bin/env python3
"""LoRA reference fixtures for @prefopt/lora, written with transformers + peft, independently of prefopt.

  tools/reference/.venv/bin/python tools/reference/peft_lora.py fixtures OUT_DIR
      Builds a tiny HF LlamaForCausalLM (dim 32, 2 layers, 4 heads over 2 kv heads, vocab 64,
      untied head; config.json written in the classic form: rope_theta and tie_word_embeddings
      explicit), applies a PEFT LoRA (r 4, alpha 8, every Llama target) with known non-zero A and B
      (a sine formula), and writes
        OUT_DIR/base/      config.json + model.safetensors (float32)
        OUT_DIR/adapter/   adapter_config.json + adapter_model.safetensors (PEFT's own save)
        OUT_DIR/expected.json  ids, logits [N, T, V] and token log-probs with adapters on and off

  tools/reference/.venv/bin/python tools/reference/peft_lora.py score BASE ADAPTER|- IDS_JSON
      Prints JSON [[log p(x_t | x_<t)] per row]: BASE with the PEFT adapter ADAPTER loaded by
      peft (PeftModel.from_pretrained), or BASE alone for '-'. Used by the live specs.
"""
import json
import math
import os
import sys

import torch
from transformers import LlamaConfig, LlamaForCausalLM

CONFIG = dict(
    architectures=['LlamaForCausalLM'],
    model_type='llama',
    hidden_size=32,
    intermediate_size=64,
    num_hidden_layers=2,
    num_attention_heads=4,
    num_key_value_heads=2,
    vocab_size=64,
    max_position_embeddings=32,
    rms_norm_eps=1e-5,
    rope_theta=10000.0,
    tie_word_embeddings=False,
    hidden_act='silu',
    torch_dtype='float32',
)
TARGETS = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj']
IDS = [[1, 5, 9, 33, 2, 17, 60, 4], [1, 40, 41, 7, 7, 12, 3, 50]]


def fill(params, offset):
    """Deterministic weights: sin(k·0.37 + offset)·0.3, in the order given."""
    k = 0
    with torch.no_grad():
        for p in params:
            n = p.numel()
            idx = torch.arange(k, k + n, dtype=torch.float64)
            p.copy_((torch.sin(idx * 0.37 + offset) * 0.3).reshape(p.shape).to(p.dtype))
            k += n


def token_logps(model, ids):
    with torch.no_grad():
        x = torch.tensor(ids)
        logits = model(input_ids=x).logits.float()  # [N, T, V]
        logp = torch.log_softmax(logits, -1)[:, :-1]  # [N, T-1, V]
        return logits, logp.gather(-1, x[:, 1:, None])[..., 0]  # [N, T-1]


def write_fixtures(out):
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(0)
    base = LlamaForCausalLM(LlamaConfig(**CONFIG)).float()
    fill([p for _, p in sorted(base.named_parameters())], 0.1)
    base_dir = os.path.join(out, 'base')
    base.save_pretrained(base_dir, safe_serialization=True)
    with open(os.path.join(base_dir, 'config.json'), 'w') as f:
        json.dump(CONFIG, f, indent=2)  # classic form: rope_theta, tie_word_embeddings explicit
    for extra in ('generation_config.json',):
        path = os.path.join(base_dir, extra)
        if os.path.exists(path):
            os.remove(path)
    _, off = token_logps(base, IDS)
    lora = LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, target_modules=TARGETS, task_type='CAUSAL_LM')
    model = get_peft_model(base, lora)
    fill([p for n, p in sorted(model.named_parameters()) if 'lora_' in n], 0.7)
    model.eval()
    logits, on = token_logps(model, IDS)
    adapter_dir = os.path.join(out, 'adapter')
    model.save_pretrained(adapter_dir)
    if os.path.exists(os.path.join(adapter_dir, 'README.md')):
        os.remove(os.path.join(adapter_dir, 'README.md'))  # peft's model card: not a fixture
    expected = {
        'note': 'written by tools/reference/peft_lora.py (transformers + peft); do not edit',
        'ids': IDS,
        'logits': logits.tolist(),
        'logprobs': on.tolist(),
        'baseLogprobs': off.tolist(),
    }
    with open(os.path.join(out, 'expected.json'), 'w') as f:
        json.dump(expected, f)


def score(base_dir, adapter_dir, ids_file):
    model = LlamaForCausalLM.from_pretrained(base_dir, torch_dtype=torch.float32)
    if adapter_dir != '-':
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, adapter_dir)
    model.eval()
    with open(ids_file) as f:
        ids = json.load(f)
    _, logps = token_logps(model, ids)
    print(json.dumps(logps.tolist()))


if __name__ == '__main__':
    if sys.argv[1:2] == ['fixtures']:
        write_fixtures(sys.argv[2])
    elif sys.argv[1:2] == ['score']:
        score(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
