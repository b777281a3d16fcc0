#!/usr/bin/env bash
# Whole-process time of `starnet.jar train` against bench/numpy_starnet.py (same algorithm, same per-step metrics),
# alternated in pairs on the 8,000-digit MNIST sample; prints each pair and the medians. Usage: bench/vs_numpy.sh [PAIRS] [java options…]
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}; shift || true
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq 1 "$pairs"); do
  /usr/bin/time -f "%e" -o "$out/j" java "$@" -jar target/starnet.jar train --data sample:mnist --widths 128,256 --epochs 5 --tol 0 --out "$out/run" >/dev/null 2>&1
  /usr/bin/time -f "%e" -o "$out/p" python3 bench/numpy_starnet.py samples/mnist/train-images-idx3-ubyte.gz 128,256 0.5 5 >/dev/null 2>&1
  j=$(tail -1 "$out/j"); p=$(tail -1 "$out/p")
  echo "pair $i: java $j s, numpy $p s, ratio $(python3 -c "print(round($j/$p, 3))")"
  echo "$j $p" >> "$out/pairs"
done
python3 - "$out/pairs" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
j = statistics.median(r[0] for r in rows); p = statistics.median(r[1] for r in rows)
print(f"medians: java {j:.2f} s, numpy {p:.2f} s, java/numpy {j/p:.2f} (median of pair ratios {statistics.median(r[0]/r[1] for r in rows):.2f})")
PY
