#!/usr/bin/env python3
"""PyTorch eager on CPU (Debian's python3-torch), one thread: the single-sample loss-and-gradient of the
same 2-16-16-1 tanh network as bench_mlp, and a batch of 64. Prints microseconds per call (median)."""
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(),
                          torch.nn.Linear(16, 1)).double()
loss_fn = torch.nn.MSELoss()


def gradient(x, y):
    net.zero_grad(set_to_none=True)
    loss = loss_fn(net(x), y)
    loss.backward()
    return loss


def median_us(x, y, repeats=2000):
    for _ in range(100):
        gradient(x, y)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        gradient(x, y)
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2] * 1e6


one_x, one_y = torch.randn(1, 2, dtype=torch.float64), torch.randn(1, 1, dtype=torch.float64)
batch_x, batch_y = torch.randn(64, 2, dtype=torch.float64), torch.randn(64, 1, dtype=torch.float64)
print(f"pytorch {torch.__version__} eager, 1 thread, float64")
print(f"pytorch_2_16_16_1_single_us {median_us(one_x, one_y):.1f}")
print(f"pytorch_2_16_16_1_batch64_us {median_us(batch_x, batch_y):.1f}")
