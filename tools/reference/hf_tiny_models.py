#!/usr/bin/env python3
"""Writes tiny random Hugging Face causal LMs, one per config form prefopt reads, with
transformers itself (save_pretrained, F16 safetensors, a few KB each), plus transformers'
per-token log-probs and greedy continuation of a fixed token sequence for each:

  packages/model/test/fixtures/hf-tiny/<name>/      config.json, model.safetensors, …
  packages/model/test/fixtures/hf-tiny/expected.json {name: {tokens, logprobs, greedy} | {refused}}

  tools/reference/.venv/bin/python tools/reference/hf_tiny_models.py packages/model/test/fixtures/hf-tiny

The log-probs are computed by the model transformers loads back from the saved folder (F16
weights widened to float32, eager attention), so prefopt reads exactly the same numbers.
The folder `llama-classic` also holds a tiny BPE tokenizer (tokenizer.json,
tokenizer_config.json, special_tokens_map.json) for the checkpoint round-trip spec.
"""
import json
import os
import sys

import torch
import transformers
from transformers import (AutoModelForCausalLM, LlamaConfig, MistralConfig, PreTrainedTokenizerFast,
                          Qwen2Config)

BASE = dict(hidden_size=16, intermediate_size=24, num_hidden_layers=2, num_attention_heads=2,
            num_key_value_heads=1, vocab_size=64, max_position_embeddings=64, rms_norm_eps=1e-5,
            bos_token_id=5, eos_token_id=7, pad_token_id=0)
TOKENS = [5, 12, 40, 3, 33, 18, 61, 9, 27, 44, 2, 50, 17, 30, 8, 22, 11, 58, 36, 14]
GREEDY_STEPS = 8


def cases():
    """(name, config) pairs; the last ones are configs prefopt must refuse, naming the field."""
    return [
        ('llama-classic', LlamaConfig(**BASE, rope_parameters={'rope_type': 'default', 'rope_theta': 10000.0},
                                      tie_word_embeddings=True)),
        ('llama-theta500k', LlamaConfig(**BASE, rope_parameters={'rope_type': 'default', 'rope_theta': 500000.0})),
        ('llama-linear', LlamaConfig(**BASE, rope_parameters={'rope_type': 'linear', 'factor': 4.0,
                                                              'rope_theta': 10000.0})),
        ('llama-llama3', LlamaConfig(**BASE, rope_parameters={
            'rope_type': 'llama3', 'factor': 8.0, 'low_freq_factor': 1.0, 'high_freq_factor': 4.0,
            'original_max_position_embeddings': 16, 'rope_theta': 500000.0})),
        ('llama-bias', LlamaConfig(**BASE, attention_bias=True, mlp_bias=True)),
        ('llama-headdim', LlamaConfig(**BASE, head_dim=12)),
        ('qwen2', Qwen2Config(**BASE)),
        ('mistral', MistralConfig(**BASE, sliding_window=6)),
        # transformers 4.x form (top-level rope_theta / rope_scaling, no tie_word_embeddings key),
        # written by rewriting config.json after save_pretrained (see LEGACY)
        ('llama-legacy-theta', LlamaConfig(**BASE, rope_parameters={'rope_type': 'default', 'rope_theta': 500000.0})),
        ('llama-legacy-llama3', LlamaConfig(**BASE, rope_parameters={
            'rope_type': 'llama3', 'factor': 8.0, 'low_freq_factor': 1.0, 'high_freq_factor': 4.0,
            'original_max_position_embeddings': 16, 'rope_theta': 500000.0})),
        ('refused-dynamic', LlamaConfig(**BASE, rope_parameters={'rope_type': 'dynamic', 'factor': 2.0,
                                                                 'rope_theta': 10000.0})),
    ]


def legacy(config_file):
    """Rewrites a transformers-5 config.json in the transformers-4 form."""
    with open(config_file) as f:
        c = json.load(f)
    rope = c.pop('rope_parameters')
    c['rope_theta'] = rope.pop('rope_theta')
    c['rope_scaling'] = None if rope['rope_type'] == 'default' else rope
    del c['tie_word_embeddings']  # LlamaConfig's default: untied
    del c['head_dim']
    with open(config_file, 'w') as f:
        json.dump(c, f, indent=2)


def randomise(model, seed):
    """Weights large enough that attention (and so RoPE) changes the log-probs visibly."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith('norm.weight'):
                p.copy_(1 + 0.2 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(0.4 * torch.randn(p.shape, generator=g))


def tokenizer():
    """A tiny BPE tokenizer (64 ids: 0 <pad>, 1 <unk>, 5 <s>, 7 </s>) in tokenizers' own format."""
    from tokenizers import Tokenizer, models, pre_tokenizers, decoders
    chars = list("abcdefghijklmnopqrstuvwxyz .,'!?")
    vocab = {'<pad>': 0, '<unk>': 1, '<x2>': 2, '<x3>': 3, '<x4>': 4, '<s>': 5, '<x6>': 6, '</s>': 7}
    for c in chars:
        vocab[c] = len(vocab)
    pairs = [('t', 'h'), ('th', 'e'), ('a', 'n'), ('i', 'n'), ('e', 'r'), ('o', 'n'), ('r', 'e'),
             ('a', 't'), ('e', 'n'), ('n', 'd'), ('o', 'u'), ('e', 'd'), ('i', 's'), ('o', 'r'),
             ('i', 't'), ('a', 'r'), ('s', 't'), ('an', 'd'), ('in', 'g'), ('the', ' ')]
    merges = []
    for a, b in pairs:
        if len(vocab) < 64:
            vocab[a + b] = len(vocab)
            merges.append((a, b))
    tok = Tokenizer(models.BPE(vocab=vocab, merges=merges, unk_token='<unk>'))
    tok.pre_tokenizer = pre_tokenizers.Split(' ', behavior='isolated')
    tok.decoder = decoders.Fuse()
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token='<s>', eos_token='</s>',
                                   pad_token='<pad>', unk_token='<unk>')


def main(out):
    torch.manual_seed(0)
    expected = {'transformers': transformers.__version__, 'torch': torch.__version__}
    for seed, (name, config) in enumerate(cases()):
        folder = os.path.join(out, name)
        model = AutoModelForCausalLM.from_config(config, attn_implementation='eager')
        randomise(model, seed + 1)
        model.half().save_pretrained(folder)
        if name == 'llama-classic':
            tokenizer().save_pretrained(folder)
        if name.startswith('llama-legacy'):
            legacy(os.path.join(folder, 'config.json'))
        if name.startswith('refused'):
            expected[name] = {'refused': 'rope_type'}
            continue
        loaded = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32, attn_implementation='eager')
        loaded.eval()
        with torch.no_grad():
            ids = torch.tensor([TOKENS])
            logits = loaded(ids).logits[0]  # [T, V]
            logp = torch.log_softmax(logits.double(), -1)
            per_token = [logp[t - 1, TOKENS[t]].item() for t in range(1, len(TOKENS))]
            seq = list(TOKENS[:10])
            greedy = []
            for _ in range(GREEDY_STEPS):
                nxt = int(loaded(torch.tensor([seq])).logits[0, -1].argmax())
                greedy.append(nxt)
                seq.append(nxt)
        expected[name] = {'tokens': TOKENS, 'logprobs': per_token, 'prompt': TOKENS[:10], 'greedy': greedy}
        print(name, 'sum logp', round(sum(per_token), 4), 'greedy', greedy)
    with open(os.path.join(out, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'packages/model/test/fixtures/hf-tiny')
