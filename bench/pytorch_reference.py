"""PyTorch CPU-eager reference for `cargo bench --bench model -- train_step`.

The same model as Kelp's default edit transformer (LLaMA-style: RMSNorm, RoPE, SwiGLU, 4 heads, d 256, 4 layers,
FFN 1024, vocab 4096, tied LM head, pointer query/key projections), the same B16 x T128 batch of random tokens and
the same loss shape (pointer scores at one position + cross-entropy on the last 32 positions), AdamW, on all cores.
Prints tokens per second. Run through `bench/run_pytorch_reference.sh`, which makes its own virtual environment.
"""
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

B, T, TAIL, D, LAYERS, HEADS, FFN, VOCAB = 16, 128, 32, 256, 4, 4, 1024, 4096


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope(x, cos, sin):
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(D, D, bias=False) for _ in range(4))
        self.gate, self.up = nn.Linear(D, FFN, bias=False), nn.Linear(D, FFN, bias=False)
        self.down = nn.Linear(FFN, D, bias=False)
        self.n1, self.n2 = RMSNorm(D), RMSNorm(D)

    def forward(self, x, cos, sin, mask):
        b, t, _ = x.shape
        h = self.n1(x)
        split = lambda y: y.view(b, t, HEADS, D // HEADS).transpose(1, 2)
        q, k, v = rope(split(self.q(h)), cos, sin), rope(split(self.k(h)), cos, sin), split(self.v(h))
        att = (q @ k.transpose(2, 3)) / math.sqrt(D // HEADS) + mask
        y = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, t, D)
        x = x + self.o(y)
        h = self.n2(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.blocks = nn.ModuleList(Block() for _ in range(LAYERS))
        self.norm = RMSNorm(D)
        self.pq, self.pk = nn.Linear(D, D, bias=False), nn.Linear(D, D, bias=False)
        half = D // HEADS // 2
        inv = 1.0 / (10000 ** (torch.arange(half) * 2 / (2 * half)))
        ang = torch.arange(T)[:, None] * inv[None, :]
        self.register_buffer("cos", ang.cos())
        self.register_buffer("sin", ang.sin())
        self.register_buffer("mask", torch.triu(torch.full((T, T), float("-inf")), 1))

    def forward(self, ids):
        x = self.embed(ids)
        for blk in self.blocks:
            x = blk(x, self.cos, self.sin, self.mask)
        return self.norm(x)


def main():
    torch.manual_seed(0)
    model = Model()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01, betas=(0.9, 0.95))
    ids = torch.randint(0, VOCAB, (B, T))
    targets = ids[:, T - TAIL:].reshape(-1)
    ptr_target = torch.full((B,), 3)

    def step():
        h = model(ids)
        logits = h[:, T - TAIL:].reshape(-1, D) @ model.embed.weight.t()
        q = model.pq(h[:, T - TAIL - 1])
        scores = (model.pk(h) @ q.unsqueeze(2)).squeeze(2) / math.sqrt(D)
        loss = F.cross_entropy(logits, targets) + F.cross_entropy(scores, ptr_target)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for _ in range(3):
        step()
    n, start = 20, time.perf_counter()
    for _ in range(n):
        step()
    seconds = (time.perf_counter() - start) / n
    print(f"pytorch {torch.__version__} threads {torch.get_num_threads()}: {seconds * 1000:.1f} ms/step, "
          f"{B * T / seconds:.0f} tokens/s (B{B} x T{T})")


if __name__ == "__main__":
    main()
