#!/usr/bin/env python3
"""PyTorch baseline for `prefopt bench`: the same Llama model and the same training step.

One step = policy forward over 2B rows (chosen + rejected), summed completion log-probs,
(reference forward under no_grad for DPO), the objective's loss, backward, global-norm
clipping to 1 and the AdamW update — what prefopt's trainer does per step.
Timed after warm-up; prints one JSON line like `prefopt bench --json`.

  /usr/bin/python3 tools/bench/torch_step.py --model-config '{"dim":256,"hiddenDim":688,"layers":4,"heads":4,"kvHeads":4,"vocab":512,"seqLen":128}' \
      --batch 4 --seq 128 --objective simpo --threads 1

--device cuda runs the same step on a CUDA GPU (float32, TF32 off, as PyTorch's default):
the model is built and the batch drawn on the CPU with the same seed, then moved; every timer
reads after torch.cuda.synchronize(), and the JSON gains "device" and "peakGpuMiB"
(torch.cuda.max_memory_allocated). CPU time is then the host's, not the GPU's.
"""
import argparse, json, math, resource, statistics, time

import torch
import torch.nn as nn
import torch.nn.functional as F


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope_tables(head_dim, seq, theta=10000.0):
    freqs = 1.0 / (theta ** (torch.arange(0, head_dim, 2).float() / head_dim))
    t = torch.arange(seq).float()
    f = torch.outer(t, freqs)  # [T, D/2]
    return f.cos(), f.sin()


def apply_rope(x, cos, sin):  # x [N, T, H, D]; pairs (2i, 2i+1) rotate, as llama2.c does
    xr, xi = x.float().reshape(*x.shape[:-1], -1, 2).unbind(-1)
    cos, sin = cos[None, :, None, :], sin[None, :, None, :]
    out_r = xr * cos - xi * sin
    out_i = xr * sin + xi * cos
    return torch.stack([out_r, out_i], dim=-1).flatten(3)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        d, h, kv = c["dim"], c["heads"], c["kvHeads"]
        self.h, self.kv, self.hd = h, kv, d // h
        self.wq = nn.Linear(d, h * self.hd, bias=False)
        self.wk = nn.Linear(d, kv * self.hd, bias=False)
        self.wv = nn.Linear(d, kv * self.hd, bias=False)
        self.wo = nn.Linear(h * self.hd, d, bias=False)
        self.w1 = nn.Linear(d, c["hiddenDim"], bias=False)
        self.w2 = nn.Linear(c["hiddenDim"], d, bias=False)
        self.w3 = nn.Linear(d, c["hiddenDim"], bias=False)
        self.attn_norm, self.ffn_norm = RMSNorm(d), RMSNorm(d)

    def forward(self, x, cos, sin):
        n, t, _ = x.shape
        hx = self.attn_norm(x)
        q = apply_rope(self.wq(hx).view(n, t, self.h, self.hd), cos, sin)
        k = apply_rope(self.wk(hx).view(n, t, self.kv, self.hd), cos, sin)
        v = self.wv(hx).view(n, t, self.kv, self.hd)
        rep = self.h // self.kv
        k = k.repeat_interleave(rep, dim=2)
        v = v.repeat_interleave(rep, dim=2)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)  # [N, H, T, D]
        att = F.scaled_dot_product_attention(q, k, v, is_causal=True) if hasattr(F, "scaled_dot_product_attention") else None
        if att is None:
            s = (q @ k.transpose(-1, -2)) / math.sqrt(self.hd)
            mask = torch.triu(torch.ones(t, t, dtype=torch.bool, device=x.device), 1)
            att = s.masked_fill(mask, float("-inf")).softmax(-1) @ v
        x = x + self.wo(att.transpose(1, 2).reshape(n, t, -1))
        hx = self.ffn_norm(x)
        return x + self.w2(F.silu(self.w1(hx)) * self.w3(hx))


class Llama(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.emb = nn.Embedding(c["vocab"], c["dim"])
        self.layers = nn.ModuleList(Block(c) for _ in range(c["layers"]))
        self.norm = RMSNorm(c["dim"])
        self.out = nn.Linear(c["dim"], c["vocab"], bias=False)
        self.out.weight = self.emb.weight  # shared classifier, as llama2.c models
        cos, sin = rope_tables(c["dim"] // c["heads"], c["seqLen"])
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)

    def forward(self, ids):
        t = ids.shape[1]
        x = self.emb(ids)
        for layer in self.layers:
            x = layer(x, self.cos[:t], self.sin[:t])
        return self.out(self.norm(x))  # [N, T, V]


def sequence_logps(model, ids, mask):
    logits = model(ids[:, :-1])
    logp = torch.gather(logits.log_softmax(-1), 2, ids[:, 1:, None]).squeeze(-1)
    return (logp * mask[:, 1:]).sum(-1), mask[:, 1:].sum(-1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-config", required=True)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--seq", type=int, default=128)
    ap.add_argument("--objective", default="simpo", choices=["simpo", "dpo"])
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--prompt-share", type=float, default=0.5)  # prompt tokens / T, as prefopt bench
    ap.add_argument("--device", default="cpu", help="cpu (default) or cuda / cuda:N")
    a = ap.parse_args()
    device = torch.device(a.device)
    on_gpu = device.type == "cuda"
    if on_gpu and not torch.cuda.is_available():
        raise SystemExit("torch_step.py: --device cuda, but torch.cuda.is_available() is False (no GPU or a CPU-only torch)")
    sync = torch.cuda.synchronize if on_gpu else (lambda: None)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    c = json.loads(a.model_config)
    policy = Llama(c)
    reference = None
    if a.objective == "dpo":
        reference = Llama(c)
        reference.load_state_dict(policy.state_dict())
        reference.requires_grad_(False)
    opt = torch.optim.AdamW(policy.parameters(), lr=1e-4, weight_decay=0.0)
    B, T = a.batch, a.seq
    ids = torch.randint(0, c["vocab"], (2 * B, T))
    P = math.floor(T * a.prompt_share)  # prompt tokens (T // 2 by default)
    ids[B:, :P] = ids[:B, :P]  # chosen and rejected share the prompt, as prefopt bench's batch
    mask = torch.zeros(2 * B, T)
    mask[:, P:] = 1.0  # the rest of each row is completion
    if on_gpu:  # same weights and batch as on the CPU, then moved
        policy.to(device)
        if reference is not None:
            reference.to(device)
        ids, mask = ids.to(device), mask.to(device)  # AdamW's state is made on first step()
    phases = {"forward": [], "referenceForward": [], "backward": [], "optimizer": [], "step": [], "stepCpu": []}
    for i in range(a.warmup + a.steps):
        sync()
        c0 = time.process_time()
        t0 = time.perf_counter()
        logps, lens = sequence_logps(policy, ids, mask)
        sync()
        t1 = time.perf_counter()
        if reference is not None:
            with torch.no_grad():
                ref, _ = sequence_logps(reference, ids, mask)
            pi = logps[:B] - logps[B:]
            r = ref[:B] - ref[B:]
            loss = -F.logsigmoid(0.1 * (pi - r)).mean()
        else:
            avg = logps / lens
            loss = -F.logsigmoid(2.0 * (avg[:B] - avg[B:]) - 1.0).mean()
        sync()
        t2 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        sync()
        t3 = time.perf_counter()
        torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)  # the trainer's maxGradNorm default
        opt.step()
        sync()
        t4 = time.perf_counter()
        c4 = time.process_time()
        if i >= a.warmup:
            phases["forward"].append((t1 - t0) * 1e3)
            phases["referenceForward"].append((t2 - t1) * 1e3)
            phases["backward"].append((t3 - t2) * 1e3)
            phases["optimizer"].append((t4 - t3) * 1e3)
            phases["step"].append((t4 - t0) * 1e3)
            phases["stepCpu"].append((c4 - c0) * 1e3)
    med = {k: statistics.median(v) for k, v in phases.items()}
    gpu = {"device": torch.cuda.get_device_name(device), "peakGpuMiB": torch.cuda.max_memory_allocated(device) / 2**20} if on_gpu else {}
    print(json.dumps({
        "impl": "pytorch", "torch": torch.__version__, "threads": a.threads, "objective": a.objective,
        "medianStepMs": med["step"], "medianStepCpuMs": med["stepCpu"], "tokensPerSec": 2 * B * T / (med["step"] / 1e3),
        "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "phases": {k: med[k] for k in ("forward", "referenceForward", "backward", "optimizer")},
        "params": sum(p.numel() for p in policy.parameters()),
        **gpu,
    }))


if __name__ == "__main__":
    main()
