"""Independent NumPy + OpenBLAS implementation of StarNet training, for timing against the Java CLI.

Same algorithm and the same per-step outputs as `starnet.jar train` (DESIGN §2): last layer first,
SL then SW per epoch, normal equations + Cholesky (scipy-free: np.linalg.cholesky + triangular solves
via np.linalg.solve on the factor), the layer's MSE/MAE after every solve, and the output MSE of the
decoded images for lower layers. Usage:
    python3 bench/numpy_starnet.py samples/mnist/train-images-idx3-ubyte.gz 128,256 0.5 5
"""
import gzip
import struct
import sys
import time

import numpy as np


def load_idx(path):
    with gzip.open(path) as f:
        data = f.read()
    _, n, r, c = struct.unpack(">IIII", data[:16])
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, r * c).astype(np.float64) / 255.0


def main():
    t0 = time.time()
    path, widths, alpha, epochs = sys.argv[1], [int(w) for w in sys.argv[2].split(",")], float(sys.argv[3]), int(sys.argv[4])
    x = load_idx(path)
    n, d = x.shape
    dims = widths + [d]
    rng = np.random.default_rng(0)
    weights = [rng.normal(scale=1 / np.sqrt(dims[i]), size=(dims[i + 1], dims[i] + 1)) for i in range(len(widths))]
    act = lambda y: np.maximum(y, alpha * y)
    inv = lambda y: np.minimum(y, y / alpha)

    def solve_spd(g, r):
        g = g + 1e-10 * np.trace(g) / g.shape[0] * np.eye(g.shape[0])
        l = np.linalg.cholesky(g)
        return np.linalg.solve(l.T, np.linalg.solve(l, r))

    def decode(h, start):
        for w in weights[start:]:
            h = act(h @ w[:, :-1].T + w[:, -1])
        return h

    targets = x
    for layer in reversed(range(len(widths))):
        p = inv(targets)
        for epoch in range(epochs):
            v, b = weights[layer][:, :-1], weights[layer][:, -1]
            s = solve_spd(v.T @ v, v.T)                       # SL operator
            h = (p - b) @ s.T
            y = act(h @ v.T + b)
            out = np.mean((decode(h, layer) - x) ** 2) if layer < len(widths) - 1 else None
            print(f"layer {layer + 1} epoch {epoch + 1} SL mse {np.mean((y - targets) ** 2):.6f} mae {np.mean(np.abs(y - targets)):.5f}", out, file=sys.stderr)
            a = np.hstack([h, np.ones((n, 1))])
            weights[layer] = solve_spd(a.T @ a, a.T @ p).T     # SW
            v, b = weights[layer][:, :-1], weights[layer][:, -1]
            y = act(h @ v.T + b)
            out = np.mean((decode(h, layer) - x) ** 2) if layer < len(widths) - 1 else None
            print(f"layer {layer + 1} epoch {epoch + 1} SW mse {np.mean((y - targets) ** 2):.6f} mae {np.mean(np.abs(y - targets)):.5f}", out, file=sys.stderr)
        targets = h
    print(f"final reconstruction MSE {np.mean((decode(targets, 0) - x) ** 2):.6f} in {time.time() - t0:.2f} s")


if __name__ == "__main__":
    main()
