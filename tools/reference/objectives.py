#!/usr/bin/python3
"""Independent torch (float64) reference values for every prefopt objective.

Each loss is re-stated from TRL's dpo_trainer / cpo_trainer / orpo_trainer and the
princeton-nlp/SimPO trainer (see docs/objectives.md), evaluated on the moderate batch of
@prefopt/testing's objectiveTestInputs, and printed as one JSON line per case:
  {"case", "loss", "losses", "chosenRewards", "rejectedRewards", "gradChosen", "gradRejected"}
Gradients are of `loss` w.r.t. the policy's summed chosen / rejected log-probs.

Run:  tools/reference/.venv/bin/python tools/reference/objectives.py
It also writes them to fixtures/reference/torch-values.json (committed), which the specs
read through @prefopt/testing's torchObjectiveValues(case).
"""
import json
import math
import sys

import torch
import torch.nn.functional as F

from torch_values import write_section

torch.set_default_dtype(torch.float64)

POLICY_CHOSEN = [-12.5, -30.25, -7.0]
POLICY_REJECTED = [-14.0, -28.0, -9.5]
REF_CHOSEN = [-13.0, -29.5, -8.0]
REF_REJECTED = [-13.5, -29.0, -9.0]
LEN_CHOSEN = [5.0, 12.0, 3.0]
LEN_REJECTED = [6.0, 10.0, 4.0]


def dpo_family(kind, beta=0.1, label_smoothing=0.0, alpha=0.01, epsilon=1e-3, tau=0.05):
    def fn(pc, pr, rc, rr, lc, lr):
        if kind in ("ipo", "ln-dpo"):  # per-token-averaged log-probs (TRL: ipo averages)
            pc, pr, rc, rr = pc / lc, pr / lr, rc / lc, rr / lr
        cl, rl = pc - rc, pr - rr
        z = cl - rl
        if kind in ("dpo", "ln-dpo"):
            losses = -F.logsigmoid(beta * z) * (1 - label_smoothing) - F.logsigmoid(-beta * z) * label_smoothing
        elif kind == "robust-dpo":
            losses = (
                -F.logsigmoid(beta * z) * (1 - label_smoothing) + F.logsigmoid(-beta * z) * label_smoothing
            ) / (1 - 2 * label_smoothing)
        elif kind == "ipo":
            losses = (z - 1 / (2 * beta)) ** 2
        elif kind == "hinge":
            losses = torch.relu(1 - beta * z)
        elif kind == "rdpo":
            losses = -F.logsigmoid(beta * z - alpha * (lc - lr))
        elif kind == "nca":
            cr, rj = beta * cl, beta * rl
            losses = -F.logsigmoid(cr) - 0.5 * F.logsigmoid(-cr) - 0.5 * F.logsigmoid(-rj)
        elif kind == "bco-pair":
            # TRL keeps a running mean of the rewards; prefopt uses the batch's (detached)
            delta = torch.cat((beta * cl, beta * rl)).mean().detach()
            losses = -F.logsigmoid(beta * cl - delta) - F.logsigmoid(-(beta * rl - delta))
        elif kind == "sppo-hard":
            losses = (cl - 0.5 / beta) ** 2 + (rl + 0.5 / beta) ** 2
        elif kind == "apo-zero":
            losses = (1 - torch.sigmoid(beta * cl)) + torch.sigmoid(beta * rl)
        elif kind == "apo-down":
            losses = torch.sigmoid(beta * cl) + (1 - torch.sigmoid(beta * (cl - rl)))
        elif kind == "exo":
            eps = epsilon
            losses = torch.sigmoid(beta * z) * (F.logsigmoid(beta * z) - math.log(1 - eps)) + torch.sigmoid(
                -beta * z
            ) * (F.logsigmoid(-beta * z) - math.log(eps))
        elif kind == "discopop":
            logits = beta * z
            mod = torch.sigmoid(logits / tau)
            losses = -F.logsigmoid(logits) * (1 - mod) + torch.exp(-logits) * mod
        else:
            raise ValueError(kind)
        return losses.mean(), losses, beta * cl, beta * rl

    return fn


def simpo(beta=2.0, gamma=None, gamma_beta_ratio=None, length_normalize=True, loss_type="sigmoid", label_smoothing=0.0):
    if gamma_beta_ratio is None:
        gamma_beta_ratio = (1.0 if gamma is None else gamma) / beta

    def fn(pc, pr, rc, rr, lc, lr):
        if length_normalize:
            pc, pr = pc / lc, pr / lr
        logits = (pc - pr) - gamma_beta_ratio  # SimPO repo: pi_logratios - gamma_beta_ratio
        if loss_type == "sigmoid":
            losses = -F.logsigmoid(beta * logits) * (1 - label_smoothing) - F.logsigmoid(-beta * logits) * label_smoothing
        else:
            losses = torch.relu(1 - beta * logits)
        return losses.mean(), losses, beta * pc.detach(), beta * pr.detach()

    return fn


def nll(pc, lc):
    return -pc.sum() / lc.sum()  # mean over every chosen completion token of the batch


def cpo(beta=0.1, alpha=1.0):
    def fn(pc, pr, rc, rr, lc, lr):  # TRL CPO sigmoid: summed log-probs
        losses = -F.logsigmoid(beta * (pc - pr))
        return losses.mean() + alpha * nll(pc, lc), losses, beta * pc, beta * pr

    return fn


def orpo(lam=0.1):
    def fn(pc, pr, rc, rr, lc, lr):  # TRL ORPO: per-token-averaged log-probs
        ac, ar = pc / lc, pr / lr
        log_odds = (ac - ar) - (torch.log1p(-torch.exp(ac)) - torch.log1p(-torch.exp(ar)))
        losses = -lam * F.logsigmoid(log_odds)
        return nll(pc, lc) + losses.mean(), losses, lam * ac, lam * ar

    return fn


def sft():
    def fn(pc, pr, rc, rr, lc, lr):
        return nll(pc, lc), -pc / lc, pc / lc, pr / lr

    return fn


def tanh_margin(beta=2.0, gamma=0.5):
    def fn(pc, pr, rc, rr, lc, lr):  # examples/objective-plugin
        cr, rj = beta * pc / lc, beta * pr / lr
        losses = 0.5 * (1 - torch.tanh(cr - rj - gamma))
        return losses.mean(), losses, cr, rj

    return fn


def combine(parts):
    def fn(*args):
        outs = [(w, f(*args)) for w, f in parts]
        return (
            sum(w * o[0] for w, o in outs),
            sum(w * o[1] for w, o in outs),
            outs[0][1][2],
            outs[0][1][3],
        )

    return fn


CASES = {
    "dpo": dpo_family("dpo"),
    "dpo beta=0.5 labelSmoothing=0.2": dpo_family("dpo", beta=0.5, label_smoothing=0.2),
    "robust-dpo": dpo_family("robust-dpo", label_smoothing=0.1),
    "ipo": dpo_family("ipo"),
    "ipo beta=0.5": dpo_family("ipo", beta=0.5),
    "hinge": dpo_family("hinge"),
    "ln-dpo": dpo_family("ln-dpo"),
    "rdpo": dpo_family("rdpo"),
    "nca": dpo_family("nca"),
    "bco-pair": dpo_family("bco-pair"),
    "sppo-hard": dpo_family("sppo-hard"),
    "apo-zero": dpo_family("apo-zero"),
    "apo-down": dpo_family("apo-down"),
    "exo": dpo_family("exo"),
    "discopop": dpo_family("discopop"),
    "simpo": simpo(),
    "simpo beta=2 gammaBetaRatio=0.5": simpo(gamma_beta_ratio=0.5),
    "simpo beta=2.5 gamma=0.3 lengthNormalize=false labelSmoothing=0.1": simpo(
        beta=2.5, gamma=0.3, length_normalize=False, label_smoothing=0.1
    ),
    "simpo lossType=hinge": simpo(loss_type="hinge"),
    "cpo": cpo(),
    "cpo beta=0.5 alpha=0.2": cpo(beta=0.5, alpha=0.2),
    "orpo": orpo(),
    "sft": sft(),
    "tanh-margin": tanh_margin(),
    "combine dpo*1 + sft*0.5": combine([(1.0, dpo_family("dpo")), (0.5, sft())]),
}


def main():
    objectives = {}
    for name, fn in CASES.items():
        pc = torch.tensor(POLICY_CHOSEN, requires_grad=True)
        pr = torch.tensor(POLICY_REJECTED, requires_grad=True)
        args = [torch.tensor(v) for v in (REF_CHOSEN, REF_REJECTED, LEN_CHOSEN, LEN_REJECTED)]
        loss, losses, cr, rr = fn(pc, pr, *args)
        gc, gr = torch.autograd.grad(loss, (pc, pr), allow_unused=True)
        gc = torch.zeros_like(pc) if gc is None else gc  # sft ignores the rejected side
        gr = torch.zeros_like(pr) if gr is None else gr
        row = {
            "case": name,
            "loss": loss.item(),
            "losses": losses.tolist(),
            "chosenRewards": cr.tolist(),
            "rejectedRewards": rr.tolist(),
            "gradChosen": gc.tolist(),
            "gradRejected": gr.tolist(),
        }
        print(json.dumps(row))
        objectives[name] = {k: v for k, v in row.items() if k != "case"}
    out = write_section(
        "objectives",
        objectives,
        "tools/reference/objectives.py: torch float64 on objectiveTestInputs.moderate",
    )
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
