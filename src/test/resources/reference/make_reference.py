"""Independent NumPy reference values for the StarNet tests.

Run from this folder with `python3 make_reference.py` (NumPy 2.x). It writes .npy inputs and expected
outputs that the Java tests load; every solve here uses np.linalg.lstsq (SVD), not the normal
equations the Java engine uses, so agreement is a real check.
"""
import json
import numpy as np

rng = np.random.default_rng(20261126)

# 1. a plain least-squares problem
A = rng.normal(size=(40, 6))
B = rng.normal(size=(40, 3))
X, *_ = np.linalg.lstsq(A, B, rcond=None)
np.save("lstsq_A.npy", A)
np.save("lstsq_B.npy", B)
np.save("lstsq_X.npy", X)

# 2. a small StarNet run: widths 3 -> 5 -> 16, slope 0.5, N = 60, SL first, 3 epochs per layer
alpha = 0.5
N, widths = 60, [3, 5, 16]
data = rng.uniform(0.0, 1.0, size=(N, widths[-1]))
W = [rng.normal(scale=1 / np.sqrt(widths[i]), size=(widths[i + 1], widths[i] + 1)) for i in range(2)]
np.save("small_data.npy", data)
np.save("small_W1_init.npy", W[0])
np.save("small_W2_init.npy", W[1])

act = lambda y: np.where(y >= 0, y, alpha * y)
inv = lambda y: np.where(y >= 0, y, y / alpha)

steps = []
T = data
for layer in (1, 0):
    Wl = W[layer]
    P = inv(T)
    for epoch in range(3):
        V, b = Wl[:, :-1], Wl[:, -1]
        H = np.linalg.lstsq(V, (P - b).T, rcond=None)[0].T          # SL
        steps.append(("SL", layer + 1, float(np.mean((act(H @ V.T + b) - T) ** 2))))
        A1 = np.hstack([H, np.ones((N, 1))])
        Wl = np.linalg.lstsq(A1, P, rcond=None)[0].T                 # SW
        V, b = Wl[:, :-1], Wl[:, -1]
        steps.append(("SW", layer + 1, float(np.mean((act(H @ V.T + b) - T) ** 2))))
    W[layer] = Wl
    T = H
np.save("small_W1_final.npy", W[0])
np.save("small_W2_final.npy", W[1])
np.save("small_codes.npy", T)
with open("small_steps.json", "w") as f:
    json.dump([{"phase": p, "layer": l, "mse": m} for p, l, m in steps], f, indent=1)

# 3. the Eckart-Young optimum for an affine rank-d fit (used for the PCA test on real MNIST
#    the Java test computes it itself; here a tiny case with known numbers)
Y = rng.normal(size=(30, 8))
Yc = Y - Y.mean(axis=0)
s = np.linalg.svd(Yc, compute_uv=False)
with open("pca_small.json", "w") as f:
    json.dump({"rank": 3, "mse": float(np.sum(s[3:] ** 2) / Y.size)}, f)
np.save("pca_small_Y.npy", Y)
print("wrote reference files")
