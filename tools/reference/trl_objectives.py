#!/usr/bin/env python3
"""TRL's own loss code on fixed inputs, for the contract-v2 objectives (issue 15) and the ORPO /
bco-pair options (issue 10): writes packages/testing/fixtures/trl-objectives.json, which the
objective specs read.

Each trainer's loss method is called unbound on a small stand-in for the trainer (the attributes
the method reads) and a stub model that returns fixed logits, so the numbers come from TRL 1.13's
code itself: DPOTrainer._compute_loss (aot, aot_unpaired, f-divergences, use_weighting, ld_alpha,
bco_pair), KTOTrainer._compute_loss (kto), BCOTrainer.bco_loss with RunningMoments (bco, two
steps: the running δ), ORPOTrainer.get_batch_loss_metrics (orpo's NLL over prompt + completion).

Per case the fixture holds the inputs prefopt's objectives take (per-token log-probs [rows, T−1]
from the same logits, masks, logit statistics) and TRL's loss, reward means and the gradient of
the loss w.r.t. the policy's per-token log-probs (captured from TRL's selective_log_softmax).

Run: tools/reference/.venv/bin/python tools/reference/trl_objectives.py   (trl 1.13, torch 2.13)
"""
import json
import math
import os
import sys
import types
from collections import defaultdict

import torch
import trl
from accelerate import Accelerator
from trl.trainer import dpo_trainer as dpo_mod
from trl.trainer import kto_trainer as kto_mod
from trl.trainer.dpo_trainer import DPOTrainer
from trl.trainer.kto_trainer import KTOTrainer
from trl.experimental.bco.bco_trainer import BCOTrainer, RunningMoments
from trl.experimental.orpo.orpo_trainer import ORPOTrainer

torch.manual_seed(0)
V, T = 6, 7
ACC = Accelerator(cpu=True)


def formula(shape, offset, scale=2.0):
    n = math.prod(shape)
    k = torch.arange(offset, offset + n, dtype=torch.float64)
    return (torch.sin(k * 0.917 + 0.3) * scale).float().reshape(shape)


def rows(layout, seed):
    """ids, attention mask, completion mask for rows given as (prompt_len, completion_len)."""
    ids = torch.zeros(len(layout), T, dtype=torch.long)
    att = torch.zeros(len(layout), T, dtype=torch.long)
    comp = torch.zeros(len(layout), T, dtype=torch.long)
    for r, (p, c) in enumerate(layout):
        ids[r, : p + c] = (torch.arange(p + c) * 7 + 3 * r + seed) % V
        att[r, : p + c] = 1
        comp[r, p : p + c] = 1
    return ids, att, comp


class Stub(torch.nn.Module):
    """A model whose forward returns fixed logits, chosen by the input ids it is called with."""

    def __init__(self, table):
        super().__init__()
        self.table = table  # list of (ids, logits)
        self.is_gradient_checkpointing = False

    def forward(self, input_ids, attention_mask=None, **_):
        for ids, logits in self.table:
            if ids.shape == input_ids.shape and torch.equal(ids, input_ids):
                return types.SimpleNamespace(logits=logits)
        raise KeyError("stub model: unknown input ids")


def token_logps(logits, ids, att):
    """[R, T−1] log p(x_{t+1} | x_≤t) with 0 on padding, and [R, T−1] log Σ_v p_v²."""
    z = logits[:, :-1, :].detach().double()
    lp = torch.log_softmax(z, -1).gather(-1, ids[:, 1:, None]).squeeze(-1)
    stat = torch.logsumexp(2 * z, -1) - 2 * torch.logsumexp(z, -1)
    seq = att[:, 1:].double()
    return (lp * seq), stat


class Capture:
    """Wraps selective_log_softmax in a module to keep the policy's per-token log-probs."""

    def __init__(self, module):
        self.module, self.calls = module, []
        self.original = module.selective_log_softmax

    def __enter__(self):
        def wrapped(logits, index):
            out = self.original(logits, index)
            if out.requires_grad:
                out.retain_grad()
            self.calls.append(out)
            return out

        self.module.selective_log_softmax = wrapped
        return self

    def __exit__(self, *exc):
        self.module.selective_log_softmax = self.original


def trainer_standin(**attrs):
    base = dict(
        accelerator=ACC,
        _metrics={"train": defaultdict(list), "eval": defaultdict(list)},
        precompute_ref_logps=False,
        aux_loss_enabled=False,
        _total_train_tokens=0,
        _tp_size=1,
        use_liger_kernel=False,
        _is_vlm=False,
        args=types.SimpleNamespace(gradient_checkpointing_kwargs=None, discopop_tau=0.05),
    )
    base.update(attrs)
    return types.SimpleNamespace(**base)


def lst(t):
    return [[float(v) for v in row] for row in t] if t.dim() == 2 else [float(v) for v in t]


# ---------------------------------------------------------------------------------------------
# Paired batch: B = 3 pairs, rows [0, 3) chosen, [3, 6) rejected, prompts shared per pair.
PAIRED = [(2, 3), (3, 4), (1, 2), (2, 5), (3, 1), (1, 4)]
ids, att, comp = rows(PAIRED, 1)
for i in range(3):  # the rejected row shares its pair's prompt
    p = PAIRED[i][0]
    ids[3 + i, :p] = ids[i, :p]
POLICY_LOGITS = formula((6, T, V), 0)
REF_LOGITS = POLICY_LOGITS.detach() * 0.8 + formula((6, T, V), 1000, 0.5)
pol_tok, pol_stat = token_logps(POLICY_LOGITS, ids, att)
ref_tok, _ = token_logps(REF_LOGITS, ids, att)
paired_inputs = {
    "policyTokens": lst(pol_tok),
    "referenceTokens": lst(ref_tok),
    "completionMask": lst(comp[:, 1:].double()),
    "sequenceMask": lst(att[:, 1:].double()),
    "logSquaredMass": lst(pol_stat),
}


def dpo_case(name, options, **cfg):
    logits = POLICY_LOGITS.clone().requires_grad_(True)
    policy, ref = Stub([(ids, logits)]), Stub([(ids, REF_LOGITS)])
    policy.train()
    attrs = dict(
        model=policy,
        ref_model=ref,
        beta=cfg.get("beta", 0.1),
        label_smoothing=cfg.get("label_smoothing", 0.0),
        ld_alpha=cfg.get("ld_alpha"),
        f_divergence_type=cfg.get("f_divergence_type", "reverse_kl"),
        f_alpha_divergence_coef=cfg.get("f_alpha_divergence_coef", 1.0),
        loss_types=[cfg["loss_type"]],
        loss_weights=[1.0],
        use_weighting=cfg.get("use_weighting", False),
    )
    me = trainer_standin(**attrs)
    inputs = {"input_ids": ids, "attention_mask": att, "completion_mask": comp}
    with Capture(dpo_mod) as cap:
        loss = DPOTrainer._compute_loss(me, policy, inputs, False)
    loss.backward()
    grad = cap.calls[0].grad
    m = me._metrics["train"]
    return {
        "case": name,
        "objective": options.pop("objective"),
        "options": options,
        "trl": cfg,
        "inputs": "paired",
        "loss": float(loss.detach()),
        "rewardsChosenMean": m["rewards/chosen"][-1],
        "rewardsRejectedMean": m["rewards/rejected"][-1],
        "gradTokens": lst(grad),
    }


cases = [
    dpo_case("aot", {"objective": "aot"}, loss_type="aot"),
    dpo_case("aot ε 0.1 β 0.5", {"objective": "aot", "beta": 0.5, "labelSmoothing": 0.1}, loss_type="aot", beta=0.5, label_smoothing=0.1),
    dpo_case("aot-unpaired", {"objective": "aot-unpaired"}, loss_type="aot_unpaired"),
    dpo_case("aot-unpaired β 1", {"objective": "aot-unpaired", "beta": 1}, loss_type="aot_unpaired", beta=1.0),
    dpo_case("f-dpo reverse_kl", {"objective": "f-dpo"}, loss_type="sigmoid"),
    dpo_case("f-dpo forward_kl", {"objective": "f-dpo", "divergence": "forward_kl"}, loss_type="sigmoid", f_divergence_type="forward_kl"),
    dpo_case("f-dpo js_divergence", {"objective": "f-dpo", "divergence": "js_divergence"}, loss_type="sigmoid", f_divergence_type="js_divergence"),
    dpo_case("f-dpo alpha_divergence 0.5", {"objective": "f-dpo", "divergence": "alpha_divergence", "alpha": 0.5}, loss_type="sigmoid", f_divergence_type="alpha_divergence", f_alpha_divergence_coef=0.5),
    dpo_case("f-dpo alpha_divergence 2 β 0.5", {"objective": "f-dpo", "divergence": "alpha_divergence", "alpha": 2, "beta": 0.5}, loss_type="sigmoid", f_divergence_type="alpha_divergence", f_alpha_divergence_coef=2.0, beta=0.5),
    dpo_case("wpo", {"objective": "wpo"}, loss_type="sigmoid", use_weighting=True),
    dpo_case("wpo β 1", {"objective": "wpo", "beta": 1}, loss_type="sigmoid", use_weighting=True, beta=1.0),
    dpo_case("ld-dpo α 0.5", {"objective": "ld-dpo"}, loss_type="sigmoid", ld_alpha=0.5),
    dpo_case("ld-dpo α 0.2 β 0.5", {"objective": "ld-dpo", "alpha": 0.2, "beta": 0.5}, loss_type="sigmoid", ld_alpha=0.2, beta=0.5),
    dpo_case("bco-pair (TRL 1.13: no δ)", {"objective": "bco-pair"}, loss_type="bco_pair"),
]

# ---------------------------------------------------------------------------------------------
# ORPO: TRL's ORPOTrainer, NLL over prompt + completion of the chosen rows.
def orpo_case(lam):
    logits = POLICY_LOGITS.clone().requires_grad_(True)
    labels = ids.clone()
    labels[comp == 0] = -100
    batch = {
        "chosen_input_ids": ids[:3], "chosen_attention_mask": att[:3], "chosen_labels": labels[:3],
        "rejected_input_ids": ids[3:], "rejected_attention_mask": att[3:], "rejected_labels": labels[3:],
    }
    policy = Stub([(ids, logits)])
    me = trainer_standin(
        is_encoder_decoder=False, padding_value=0, label_pad_token_id=-100, beta=lam,
        concatenated_inputs=ORPOTrainer.concatenated_inputs, get_batch_logps=ORPOTrainer.get_batch_logps,
    )
    me.concatenated_forward = types.MethodType(ORPOTrainer.concatenated_forward, me)
    me.odds_ratio_loss = types.MethodType(ORPOTrainer.odds_ratio_loss, me)
    loss, metrics = ORPOTrainer.get_batch_loss_metrics(me, policy, batch)
    return {
        "case": f"orpo λ {lam} (TRL ORPOTrainer, NLL over prompt + completion)",
        "objective": "orpo",
        "options": {"lambda": lam},
        "trl": {"beta": lam},
        "inputs": "paired",
        "loss": float(loss.detach()),
        "rewardsChosenMean": float(metrics["rewards/chosen"]),
        "rewardsRejectedMean": float(metrics["rewards/rejected"]),
        "nll": float(metrics["nll_loss"]),
    }


cases += [orpo_case(0.1), orpo_case(1.0)]

# ---------------------------------------------------------------------------------------------
# Unpaired batch (KTO): N = 4 examples, labels [T, F, T, F]; KL rows pair prompt i with the
# completion of example i − 1 (mod N), as TRL's KTO collator cycles completions in the batch.
UNPAIRED = [(2, 3), (3, 2), (1, 4), (2, 2)]
LABELS = [True, False, True, False]
u_ids, u_att, u_comp = rows(UNPAIRED, 2)
kl_layout = [(UNPAIRED[i][0], UNPAIRED[(i - 1) % 4][1]) for i in range(4)]
k_ids, k_att, k_comp = rows(kl_layout, 2)
for i in range(4):
    p, c = kl_layout[i]
    pj = UNPAIRED[(i - 1) % 4][0]
    k_ids[i, :p] = u_ids[i, :p]
    k_ids[i, p : p + c] = u_ids[(i - 1) % 4, pj : pj + c]
U_POL = formula((4, T, V), 3000)
U_REF = U_POL * 0.9 + formula((4, T, V), 4000, 0.4)
K_POL = formula((4, T, V), 5000)
K_REF = K_POL * 0.9 + formula((4, T, V), 6000, 0.4)
ut, _ = token_logps(U_POL, u_ids, u_att)
urt, _ = token_logps(U_REF, u_ids, u_att)
kt, _ = token_logps(K_POL, k_ids, k_att)
krt, _ = token_logps(K_REF, k_ids, k_att)
cm = u_comp[:, 1:].double()
kcm = k_comp[:, 1:].double()
unpaired_inputs = {
    "policy": lst((ut * cm).sum(1)),
    "reference": lst((urt * cm).sum(1)),
    "lengths": lst(cm.sum(1)),
    "labels": LABELS,
    "klPolicy": lst((kt * kcm).sum(1)),
    "klReference": lst((krt * kcm).sum(1)),
}


def kto_case(name, options, beta=0.1, dw=1.0, uw=1.0):
    logits = U_POL.clone().requires_grad_(True)
    policy = Stub([(u_ids, logits), (k_ids, K_POL)])
    ref = Stub([(u_ids, U_REF), (k_ids, K_REF)])
    policy.train()
    me = trainer_standin(
        model=policy, ref_model=ref, calculate_KL=True, loss_type="kto", beta=beta,
        desirable_weight=dw, undesirable_weight=uw,
    )
    me._compute_kl_logps = types.MethodType(KTOTrainer._compute_kl_logps, me)
    batch = {
        "input_ids": u_ids, "attention_mask": u_att, "completion_mask": u_comp,
        "label": torch.tensor(LABELS), "KL_input_ids": k_ids, "KL_attention_mask": k_att,
        "KL_completion_mask": k_comp,
    }
    with Capture(kto_mod) as cap:
        loss = KTOTrainer._compute_loss(me, policy, batch, False)
    loss.backward()
    grad = next(c.grad for c in cap.calls if c.requires_grad)
    m = me._metrics["train"]
    # d loss / d summed log-prob of example i = the per-token gradient at any completion token
    grad_sum = [float(grad[i][u_comp[i, 1:].bool()][0]) for i in range(4)]
    return {
        "case": name, "objective": "kto", "options": options,
        "trl": {"beta": beta, "desirable_weight": dw, "undesirable_weight": uw},
        "inputs": "unpaired", "loss": float(loss), "kl": m["kl"][-1],
        "rewardsChosenMean": m["rewards/chosen"][-1], "rewardsRejectedMean": m["rewards/rejected"][-1],
        "gradPolicy": grad_sum,
    }


cases += [
    kto_case("kto", {}),
    kto_case("kto β 0.5, λ_D 1.5, λ_U 0.7", {"beta": 0.5, "desirableWeight": 1.5, "undesirableWeight": 0.7}, 0.5, 1.5, 0.7),
]

# ---------------------------------------------------------------------------------------------
# BCO: BCOTrainer.bco_loss with its RunningMoments over two steps (the second batch is the first
# shifted), so the second step's δ depends on the state carried from the first.
def bco_case(beta):
    me = trainer_standin(beta=beta, match_underlying_distribution=False)
    me.running = RunningMoments(accelerator=ACC)
    steps = []
    lab = torch.tensor(LABELS)
    for shift in (0.0, 0.75):
        pol = torch.tensor(unpaired_inputs["policy"], dtype=torch.float32) + shift
        pol.requires_grad_(True)
        ref = torch.tensor(unpaired_inputs["reference"], dtype=torch.float32)
        losses, cr, rr, delta = BCOTrainer.bco_loss(me, pol[lab], pol[~lab], ref[lab], ref[~lab], None, None)
        loss = losses.nanmean()
        loss.backward()
        steps.append({
            "policy": lst(pol.detach()), "loss": float(loss), "delta": float(delta),
            "rewardsChosenMean": float(cr.mean()), "rewardsRejectedMean": float(rr.mean()),
            "gradPolicy": lst(pol.grad),
            "state": {"mean": me.running.mean, "var": me.running.var, "count": me.running.count},
        })
    return {"case": f"bco β {beta}, two steps", "objective": "bco", "options": {"beta": beta},
            "trl": {"beta": beta}, "inputs": "unpaired", "steps": steps}


cases += [bco_case(0.1), bco_case(1.0)]

out = {
    "generator": "tools/reference/trl_objectives.py",
    "versions": {"trl": trl.__version__, "torch": torch.__version__},
    "paired": paired_inputs,
    "unpaired": unpaired_inputs,
    "cases": cases,
}
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), "..", "..", "packages", "testing", "fixtures", "trl-objectives.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
