#!/usr/bin/env bash
# The window's pulse benchmark N times (default 20) on a data source (default: full Fashion-MNIST beside the checkout);
# prints each run's longest gap between JavaFX pulses. Needs a display (DISPLAY, or run under xvfb-run).
# Usage: bench/pulse20.sh [runs] [SRC]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}; src=${2:-../shared/data/fashion-mnist}
for i in $(seq "$runs"); do
  line=$(java -cp target/starnet.jar starnet.ui.PulseBenchmark "$src" 5 2>/dev/null | grep '^trained' || echo "run failed")
  echo "run $i: $line"
done
