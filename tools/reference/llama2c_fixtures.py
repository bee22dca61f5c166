#!/usr/bin/env python3
"""Writes the tiny checkpoint fixtures of packages/model/test/fixtures/tiny/ with PyTorch, independently
of prefopt: one untied GQA model (dim 8, hidden 12, 2 layers, 4 heads over 2 kv heads, vocab 10,
seq_len 16) with weights from a fixed formula, saved as
  tiny.bin                    llama2.c legacy export (export.py legacy_export order, negative vocab)
  hf-f32/, hf-f16/, hf-bf16/  HF LlamaForCausalLM folders (config.json + model.safetensors, q/k rows
                              permuted to rotate-half as llama2.c's export.py hf_export does); the
                              safetensors bytes are written by hand (struct + json)
  tiny-f16.bin, tiny-bf16.bin the same weights after torch's rounding to f16 / bf16 (widened to f32)
and prints llama2c_reference.forward's logits for the tokens [1, 5, 3, 7, 2] and a few gradients of\ntheir summed log-probs (pasted into the specs).

  python3 tools/reference/llama2c_fixtures.py packages/model/test/fixtures/tiny
"""
import json
import math
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from llama2c_reference import forward, freqs, read_checkpoint  # noqa: E402
from torch_values import write_section  # noqa: E402

CFG = dict(dim=8, hidden=12, n_layers=2, n_heads=4, n_kv=2, vocab=10, seq_len=16)
HD = CFG['dim'] // CFG['n_heads']


def make_weights():
    counter = [0]

    def w(*shape, scale=0.5):
        n = math.prod(shape)
        k = torch.arange(counter[0], counter[0] + n, dtype=torch.float64)
        counter[0] += n
        return (torch.sin(k * 0.731 + 0.2) * scale).float().reshape(shape)

    d, f, L = CFG['dim'], CFG['hidden'], CFG['n_layers']
    return {
        'tok': w(CFG['vocab'], d),
        'attn_norm': [1 + w(d, scale=0.1) for _ in range(L)],
        'wq': [w(CFG['n_heads'] * HD, d) for _ in range(L)],
        'wk': [w(CFG['n_kv'] * HD, d) for _ in range(L)],
        'wv': [w(CFG['n_kv'] * HD, d) for _ in range(L)],
        'wo': [w(d, CFG['n_heads'] * HD) for _ in range(L)],
        'ffn_norm': [1 + w(d, scale=0.1) for _ in range(L)],
        'w1': [w(f, d) for _ in range(L)],
        'w2': [w(d, f) for _ in range(L)],
        'w3': [w(f, d) for _ in range(L)],
        'norm': 1 + w(d, scale=0.1),
        'out': w(CFG['vocab'], d),
    }


def write_bin(path, wts):
    c = CFG
    with open(path, 'wb') as f:
        f.write(struct.pack('7i', c['dim'], c['hidden'], c['n_layers'], c['n_heads'], c['n_kv'], -c['vocab'], c['seq_len']))
        tensors = [wts['tok']]
        for key in ['attn_norm', 'wq', 'wk', 'wv', 'wo', 'ffn_norm', 'w1', 'w2', 'w3']:
            tensors += wts[key]
        cos, sin = freqs(HD, c['seq_len'])
        tensors += [wts['norm'], cos, sin, wts['out']]
        for t in tensors:
            f.write(t.contiguous().float().numpy().tobytes())


def permute_original(w, n_heads):  # llama2.c export.py: interleaved pairs -> HF rotate-half rows
    dim1, dim2 = w.shape
    return w.view(n_heads, dim1 // n_heads // 2, 2, dim2).transpose(1, 2).reshape(dim1, dim2)


def hf_state(wts):
    sd = {'model.embed_tokens.weight': wts['tok']}
    for i in range(CFG['n_layers']):
        p = f'model.layers.{i}.'
        sd[p + 'input_layernorm.weight'] = wts['attn_norm'][i]
        sd[p + 'self_attn.q_proj.weight'] = permute_original(wts['wq'][i], CFG['n_heads'])
        sd[p + 'self_attn.k_proj.weight'] = permute_original(wts['wk'][i], CFG['n_kv'])
        sd[p + 'self_attn.v_proj.weight'] = wts['wv'][i]
        sd[p + 'self_attn.o_proj.weight'] = wts['wo'][i]
        sd[p + 'post_attention_layernorm.weight'] = wts['ffn_norm'][i]
        sd[p + 'mlp.gate_proj.weight'] = wts['w1'][i]
        sd[p + 'mlp.down_proj.weight'] = wts['w2'][i]
        sd[p + 'mlp.up_proj.weight'] = wts['w3'][i]
    sd['model.norm.weight'] = wts['norm']
    sd['lm_head.weight'] = wts['out']
    return sd


def write_safetensors(path, sd, dtype):
    names = {torch.float32: 'F32', torch.float16: 'F16', torch.bfloat16: 'BF16'}
    header, blobs, offset = {'__metadata__': {'format': 'pt'}}, [], 0
    for name, t in sd.items():
        raw = t.to(dtype).contiguous().view(torch.uint8).numpy().tobytes() if dtype != torch.float32 else t.numpy().tobytes()
        header[name] = {'dtype': names[dtype], 'shape': list(t.shape), 'data_offsets': [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    js = json.dumps(header).encode()
    js += b' ' * ((8 - len(js) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(js)) + js + b''.join(blobs))


def write_hf(folder, wts, dtype):
    os.makedirs(folder, exist_ok=True)
    write_safetensors(os.path.join(folder, 'model.safetensors'), hf_state(wts), dtype)
    config = {
        'architectures': ['LlamaForCausalLM'], 'model_type': 'llama', 'hidden_size': CFG['dim'],
        'intermediate_size': CFG['hidden'], 'num_hidden_layers': CFG['n_layers'],
        'num_attention_heads': CFG['n_heads'], 'num_key_value_heads': CFG['n_kv'], 'vocab_size': CFG['vocab'],
        'max_position_embeddings': CFG['seq_len'], 'rms_norm_eps': 1e-5, 'rope_theta': 10000.0,
        'tie_word_embeddings': False, 'hidden_act': 'silu', 'torch_dtype': str(dtype).split('.')[-1],
    }
    with open(os.path.join(folder, 'config.json'), 'w') as f:
        json.dump(config, f, indent=2)


def rounded(wts, dtype):
    def r(v):
        return [t.to(dtype).float() for t in v] if isinstance(v, list) else v.to(dtype).float()
    return {k: r(v) for k, v in wts.items()}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    wts = make_weights()
    write_bin(os.path.join(out, 'tiny.bin'), wts)
    write_hf(os.path.join(out, 'hf-f32'), wts, torch.float32)
    for dtype, tag in [(torch.float16, 'f16'), (torch.bfloat16, 'bf16')]:
        write_hf(os.path.join(out, f'hf-{tag}'), wts, dtype)
        write_bin(os.path.join(out, f'tiny-{tag}.bin'), rounded(wts, dtype))
    cfg, w = read_checkpoint(os.path.join(out, 'tiny.bin'))
    with torch.no_grad():
        logits = forward(cfg, w, torch.tensor([[1, 5, 3, 7, 2]]))[0]
    print(json.dumps([[round(v, 6) for v in row] for row in logits.tolist()]))
    # gradients of Σ_t log p(x_t | x_<t) over the same tokens, a few entries per weight kind
    for v in w.values():
        for t in (v if isinstance(v, list) else [v]):
            t.requires_grad_(True)
    tokens = torch.tensor([[1, 5, 3, 7, 2]])
    logp = torch.log_softmax(forward(cfg, w, tokens)[0, :-1], dim=-1)
    logp.gather(1, tokens[0, 1:, None]).sum().backward()
    picks = {
        'tok[5, :4]': w['tok'].grad[5, :4], 'wq[0][0, :4]': w['wq'][0].grad[0, :4],
        'wk[1][1, :4]': w['wk'][1].grad[1, :4], 'w2[1][0, :4]': w['w2'][1].grad[0, :4],
        'out[3, :4]': w['out'].grad[3, :4], 'attn_norm[0][:4]': w['attn_norm'][0].grad[:4],
    }
    print(json.dumps({k: [round(x, 6) for x in v.tolist()] for k, v in picks.items()}))
    write_section(
        "llamaTiny",
        {
            "tokens": tokens[0].tolist(),
            "logits": [[round(v, 6) for v in row] for row in logits.tolist()],
            "gradients": {k: [round(x, 6) for x in v.tolist()] for k, v in picks.items()},
        },
        "tools/reference/llama2c_fixtures.py: the tiny GQA untied model's logits and gradients "
        "of the summed log-probs of tokens (gradients as torch holds them: [out, in])",
    )


if __name__ == '__main__':
    main()
