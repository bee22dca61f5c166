# Reference numbers for packages/trainer/src/optim/AdamW.spec.ts and clipByGlobalNorm.spec.ts.
# Run: /usr/bin/python3 tools/reference/adamw_reference.py
import torch

torch.set_printoptions(precision=8)
w = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)  # matrix: decayed
g = torch.tensor([1.0, -2.0], requires_grad=True)  # gain vector: not decayed
opt = torch.optim.AdamW(
    [{"params": [w], "weight_decay": 0.1}, {"params": [g], "weight_decay": 0.0}],
    lr=0.1, betas=(0.9, 0.999), eps=1e-8,
)
grads = [
    ([[0.1, -0.2], [0.3, 0.0]], [1.0, 0.5]),
    ([[-0.5, 0.4], [0.0, 2.0]], [-1.0, 0.25]),
    ([[0.05, 0.05], [-0.1, 1.0]], [0.0, -3.0]),
]
lrs = [0.1, 0.05, 0.02]
for (gw, gg), lr in zip(grads, lrs):
    for group in opt.param_groups:
        group["lr"] = lr
    w.grad = torch.tensor(gw)
    g.grad = torch.tensor(gg)
    opt.step()
print("w", w.detach().flatten().tolist())
print("g", g.detach().tolist())

# clip_grad_norm_ with max_norm 1 on the first step's gradients
a = torch.tensor([[0.1, -0.2], [0.3, 0.0]], requires_grad=True)
b = torch.tensor([1.0, 0.5], requires_grad=True)
a.grad = a.detach().clone()
b.grad = b.detach().clone()
norm = torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.0)
print("norm", norm.item())
print("clipped", a.grad.flatten().tolist(), b.grad.tolist())
