#!/usr/bin/env python3
"""Independent reference for prefopt's model and llama2.c tokenizer: a re-implementation of
llama2.c's model.py (Transformer) and run.c's BPE encoder/decoder in PyTorch, reading the
legacy llama2.c `.bin` checkpoint and `tokenizer.bin`. prefopt's specs paste its printed numbers.

  python3 tools/reference/llama2c_reference.py generate MODEL.bin TOKENIZER.bin "PROMPT" N
  python3 tools/reference/llama2c_reference.py score MODEL.bin TOKENIZER.bin "TEXT"
  python3 tools/reference/llama2c_reference.py encode MODEL.bin TOKENIZER.bin "TEXT"
  python3 tools/reference/llama2c_reference.py write-fixtures MODEL.bin TOKENIZER.bin
    (the generate/score cases the specs use → fixtures/reference/torch-values.json)
"""
import json
import math
import struct
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, __import__('os').path.dirname(__file__))


def read_checkpoint(path):
    with open(path, 'rb') as f:
        data = f.read()
    dim, hidden, n_layers, n_heads, n_kv, vocab, seq_len = struct.unpack('7i', data[:28])
    shared = vocab > 0
    vocab = abs(vocab)
    floats = torch.frombuffer(bytearray(data[28:]), dtype=torch.float32)
    hd = dim // n_heads
    pos = 0

    def take(*shape):
        nonlocal pos
        n = math.prod(shape)
        t = floats[pos:pos + n].reshape(shape).clone()
        pos += n
        return t

    w = {'tok': take(vocab, dim)}
    w['attn_norm'] = [take(dim) for _ in range(n_layers)]
    w['wq'] = [take(n_heads * hd, dim) for _ in range(n_layers)]
    w['wk'] = [take(n_kv * hd, dim) for _ in range(n_layers)]
    w['wv'] = [take(n_kv * hd, dim) for _ in range(n_layers)]
    w['wo'] = [take(dim, n_heads * hd) for _ in range(n_layers)]
    w['ffn_norm'] = [take(dim) for _ in range(n_layers)]
    w['w1'] = [take(hidden, dim) for _ in range(n_layers)]
    w['w2'] = [take(dim, hidden) for _ in range(n_layers)]
    w['w3'] = [take(hidden, dim) for _ in range(n_layers)]
    w['norm'] = take(dim)
    pos += seq_len * hd  # freq_cis_real + freq_cis_imag, seq_len * hd/2 each
    w['out'] = w['tok'] if shared else take(vocab, dim)
    cfg = dict(dim=dim, hidden=hidden, n_layers=n_layers, n_heads=n_heads, n_kv=n_kv, vocab=vocab, seq_len=seq_len)
    return cfg, w


def rms_norm(x, weight, eps=1e-5):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def freqs(hd, end, theta=10000.0):
    f = 1.0 / (theta ** (torch.arange(0, hd, 2)[: (hd // 2)].float() / hd))
    t = torch.arange(end, device=f.device)
    angles = torch.outer(t, f).float()
    return torch.cos(angles), torch.sin(angles)


def rotary(x, cos, sin):  # x [B, T, H, hd]; pairs (2i, 2i+1) as in llama2.c's apply_rotary_emb
    xr, xi = x.float().reshape(x.shape[:-1] + (-1, 2)).unbind(-1)
    c = cos.view(1, cos.shape[0], 1, cos.shape[1])
    s = sin.view(1, sin.shape[0], 1, sin.shape[1])
    return torch.stack([xr * c - xi * s, xr * s + xi * c], dim=-1).flatten(3)


def forward(cfg, w, tokens):  # tokens [B, T] -> logits [B, T, V]
    b, t = tokens.shape
    h, kv = cfg['n_heads'], cfg['n_kv']
    hd = cfg['dim'] // h
    cos, sin = freqs(hd, cfg['seq_len'])
    cos, sin = cos[:t], sin[:t]
    mask = torch.triu(torch.full((t, t), float('-inf')), diagonal=1)
    x = w['tok'][tokens]
    for l in range(cfg['n_layers']):
        a = rms_norm(x, w['attn_norm'][l])
        q = rotary((a @ w['wq'][l].T).view(b, t, h, hd), cos, sin)
        k = rotary((a @ w['wk'][l].T).view(b, t, kv, hd), cos, sin)
        v = (a @ w['wv'][l].T).view(b, t, kv, hd)
        rep = h // kv
        k = k[:, :, :, None, :].expand(b, t, kv, rep, hd).reshape(b, t, h, hd)
        v = v[:, :, :, None, :].expand(b, t, kv, rep, hd).reshape(b, t, h, hd)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)
        scores = q @ k.transpose(2, 3) / math.sqrt(hd) + mask
        att = F.softmax(scores.float(), dim=-1) @ v
        x = x + att.transpose(1, 2).contiguous().view(b, t, -1) @ w['wo'][l].T
        f = rms_norm(x, w['ffn_norm'][l])
        x = x + (F.silu(f @ w['w1'][l].T) * (f @ w['w3'][l].T)) @ w['w2'][l].T
    return rms_norm(x, w['norm']) @ w['out'].T


def read_tokenizer(path, vocab_size):
    with open(path, 'rb') as f:
        data = f.read()
    pos = 4  # max_token_length
    pieces, scores = [], []
    for _ in range(vocab_size):
        score, n = struct.unpack('fi', data[pos:pos + 8])
        pos += 8
        pieces.append(data[pos:pos + n])
        pos += n
        scores.append(score)
    return pieces, scores


def encode(pieces, scores, text, bos=True):  # run.c's encode()
    lookup = {p: i for i, p in enumerate(pieces)}
    tokens = [1] if bos else []
    if text:
        tokens.append(lookup[b' '])
    raw = text.encode('utf-8')
    i = 0
    while i < len(raw):
        j = i + 1
        while j < len(raw) and (raw[j] & 0xC0) == 0x80 and j - i < 4:
            j += 1
        cp = raw[i:j]
        if cp in lookup:
            tokens.append(lookup[cp])
        else:
            tokens.extend(byte + 3 for byte in cp)
        i = j
    while True:
        best, best_id, best_i = -1e10, -1, -1
        for i in range(len(tokens) - 1):
            merged = pieces[tokens[i]] + pieces[tokens[i + 1]]
            if merged in lookup and scores[lookup[merged]] > best:
                best, best_id, best_i = scores[lookup[merged]], lookup[merged], i
        if best_i == -1:
            break
        tokens[best_i:best_i + 2] = [best_id]
    return tokens


def decode(pieces, prev, token):  # run.c's decode(): strip the space after BOS, <0xXX> bytes
    piece = pieces[token]
    if prev == 1 and piece.startswith(b' '):
        piece = piece[1:]
    if len(piece) == 6 and piece.startswith(b'<0x') and piece.endswith(b'>'):
        return bytes([int(piece[3:5], 16)])
    return piece


def greedy(cfg, w, pieces, tokens, steps):
    """Greedy continuation, as model.py's generate(temperature=0): {tokens, text}."""
    tokens = list(tokens)
    for _ in range(steps):
        nxt = int(torch.argmax(forward(cfg, w, torch.tensor([tokens]))[0, -1]))
        tokens.append(nxt)
        if nxt == 2:
            break
    out = b''.join(decode(pieces, tokens[i - 1], tokens[i]) for i in range(1, len(tokens)))
    return {'tokens': tokens, 'text': out.decode('utf-8', errors='replace')}


def score(cfg, w, tokens):
    """log p(x_t | x_<t) of every token after the first, float64: {tokens, logprobs}."""
    logp = F.log_softmax(forward(cfg, w, torch.tensor([tokens]))[0].double(), dim=-1)
    return {'tokens': tokens, 'logprobs': [logp[i - 1, tokens[i]].item() for i in range(1, len(tokens))]}


# What the specs compare with, written to fixtures/reference/torch-values.json (`stories260K`)
# by: python3 tools/reference/llama2c_reference.py write-fixtures MODEL.bin TOKENIZER.bin
FIXTURE_GENERATE = {'Once upon a time': 60}
FIXTURE_SCORE = ['Once upon a time', 'Lily and Ben went to the park. They saw a dog.']


def main():
    torch.manual_seed(0)
    verb, model_path, tok_path = sys.argv[1:4]
    cfg, w = read_checkpoint(model_path)
    pieces, scores = read_tokenizer(tok_path, cfg['vocab'])
    with torch.no_grad():
        if verb == 'write-fixtures':
            from torch_values import write_section

            section = {
                'generate': {
                    text: {'maxNewTokens': n, **greedy(cfg, w, pieces, encode(pieces, scores, text), n)}
                    for text, n in FIXTURE_GENERATE.items()
                },
                'score': {text: score(cfg, w, encode(pieces, scores, text)) for text in FIXTURE_SCORE},
            }
            path = write_section(
                'stories260K',
                section,
                'tools/reference/llama2c_reference.py write-fixtures: stories260K.bin + tok512.bin, '
                'greedy continuations and float64 log-probs',
            )
            print(f'wrote {path}', file=sys.stderr)
            return
        tokens = encode(pieces, scores, sys.argv[4])
        if verb == 'encode':
            print(json.dumps(tokens))
        elif verb == 'score':
            print(json.dumps(score(cfg, w, tokens)))
        elif verb == 'generate':
            print(json.dumps(greedy(cfg, w, pieces, tokens, int(sys.argv[5]))))
        else:
            sys.exit(f'unknown verb {verb}')


if __name__ == '__main__':
    main()
