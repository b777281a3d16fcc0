#!/usr/bin/env bash
# Launch to an interactive window (the MNIST sample loaded, the first model drawn, no task left), N runs.
# Needs a display (DISPLAY, or run under xvfb-run). Uses its own home folder so no crash-recovery question appears.
# Usage: bench/launch.sh [runs] [java options…]     e.g.  xvfb-run -a bench/launch.sh 5
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; shift || true
home=$(mktemp -d)
# run 0 unpacks the native BLAS into the home folder's cache, as the very first start on a machine does; not counted
for i in $(seq 0 "$runs"); do
  rm -f "$home/.starnet/window-open.marker" "$home/.starnet/autosave.starnet"
  start=$(date +%s%3N)
  line=$(timeout -s QUIT 20 java -Duser.home="$home" -Dstarnet.reportLaunch=exit "$@" -jar target/starnet.jar 2>/dev/null | tee "$home/last.out" | grep "^launch:" || { echo "run $i did not become interactive in 20 s; its thread dump:" >&2; cat "$home/last.out" >&2; exit 1; })
  at=$(echo "$line" | sed -E 's/.* at ([0-9]+) ms.*/\1/')
  if [ "$i" = 0 ]; then echo "first start (native library unpacked): $(( at - start )) ms"; else echo "run $i: interactive after $(( at - start )) ms"; fi
done
rm -rf "$home"
