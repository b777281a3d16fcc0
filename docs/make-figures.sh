#!/usr/bin/env bash
# Remakes the figure gallery of docs/EXPLORING.md (assets/figures/*.png) from a fresh run of the README's example:
# 8,000 MNIST sample digits, widths 128,256, slope 0.5, 5 + 5 epochs, seed 0, with the autoencoder and PCA baselines.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/starnet.jar ] || ./mvnw -B -q -DskipTests package
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
starnet() { java -jar target/starnet.jar "$@"; }
starnet train --data sample:mnist --widths 128,256 --slope 0.5 --epochs 5 --tol 0 --seed 0 --baselines --out "$run/mnist" > /dev/null 2>&1
s="$run/mnist/session.starnet"
starnet export --session "$s" --figure fig6 --size column --scale 2 --out assets/figures/fig6-column.png
starnet export --session "$s" --figure loss --size column --scale 2 --out assets/figures/loss.png
starnet export --session "$s" --figure fig4 --caption --scale 1 --out assets/figures/fig4.png
starnet export --session "$s" --figure grid --scale 1 --out assets/figures/grid.png
rm -f assets/figures/*.csv
