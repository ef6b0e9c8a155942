#!/usr/bin/env bash
# Configures and builds one build folder. Usage: scripts/build.sh DIR [extra cmake args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$1; shift
mkdir -p "$dir"
# The configure output is kept in the build folder and shown only when it fails.
cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >"$dir/configure.log" 2>&1 || {
  cat "$dir/configure.log" >&2; exit 1; }
cmake --build "$dir" -j "$(nproc)"
