#!/usr/bin/env bash
# Builds (Release) and prints Effleura's benchmark figures as a small table. Figures only:
# nothing here passes or fails on time. Usage: scripts/bench.sh [--frames N] [--size WxH]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" >/dev/null
"$root/build/effleura" --bench "$@"
