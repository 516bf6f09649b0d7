"""Contender: PyTorch on the CPU, the same network, init, optimizer and batch size as the others.

Usage: python3 torch_bench.py <rows> <features> <classes> <hidden,hidden> <batch> <lr> <epochs> <seed> <data file> <threads> <blas threads>
<threads> is torch's intra-op (OpenMP) pool; the caller sets OMP_NUM_THREADS to it and OPENBLAS_NUM_THREADS /
MKL_NUM_THREADS to <blas threads> (2 + 2 on 2 cores oversubscribes and runs several times slower).
Prints one line: RESULT {json}.
"""
import json
import math
import resource
import sys
import time

import numpy as np
import torch


def rss_mib():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def blas_library():
    """The BLAS shared library this process loaded (Debian's torch uses whichever libblas.so.3 is selected)."""
    with open('/proc/self/maps') as f:
        libs = {line.split()[-1].rsplit('/', 1)[-1] for line in f if 'blas' in line.lower()}
    return ', '.join(sorted(libs)) or 'none found'


def main():
    rows, features, classes = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    hidden = [int(h) for h in sys.argv[4].split(',')]
    batch, lr, epochs, seed = int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
    path, threads, blas = sys.argv[9], int(sys.argv[10]), int(sys.argv[11])
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    raw = np.fromfile(path, dtype='<f4')
    x = torch.from_numpy(raw[: rows * features].reshape(rows, features).copy())
    y = torch.from_numpy(raw[rows * features:].astype(np.int64))

    widths = [features] + hidden + [classes]
    layers = []
    for i in range(len(widths) - 1):
        lin = torch.nn.Linear(widths[i], widths[i + 1])
        with torch.no_grad():
            if i < len(widths) - 2:
                std = math.sqrt(2.0 / widths[i])  # He normal, truncated at 2σ like the engine and Keras
                torch.nn.init.trunc_normal_(lin.weight, 0.0, std, -2 * std, 2 * std)
            else:
                torch.nn.init.xavier_uniform_(lin.weight)
            lin.bias.zero_()
        layers += [lin, torch.nn.ReLU()] if i < len(widths) - 2 else [lin]
    model = torch.nn.Sequential(*layers)
    loss_fn = torch.nn.CrossEntropyLoss()  # softmax fused with the loss, as the engine does
    opt = torch.optim.Adam(model.parameters(), lr=lr, eps=1e-7)

    epoch_seconds, rss_after = [], []
    for _ in range(epochs):
        start = time.perf_counter()
        perm = torch.randperm(rows)
        for b in range(0, rows, batch):
            idx = perm[b:b + batch]
            xb, yb = x.index_select(0, idx), y.index_select(0, idx)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        epoch_seconds.append(time.perf_counter() - start)
        rss_after.append(rss_mib())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with torch.no_grad():
        acc = (model(x).argmax(1) == y).float().mean().item()
    print('RESULT ' + json.dumps({
        'contender': 'torch', 'label': f'PyTorch {torch.__version__} · {threads} intra-op + {blas} BLAS thread' + ('s' if blas > 1 else ''),
        'epochSeconds': epoch_seconds, 'finalAccuracy': acc, 'peakRssMiB': peak, 'rssAfterEpochMiB': rss_after,
        'notes': [f'torch.set_num_threads({threads}), OMP_NUM_THREADS={threads}, OPENBLAS/MKL_NUM_THREADS={blas}, BLAS: {blas_library()}'],
    }))


if __name__ == '__main__':
    main()
