#!/usr/bin/env bash
# Builds (Release) and prints Effleura's benchmark figures: the frame benchmark (effleura --bench,
# arguments passed on, e.g. --frames N --size WxH --technique ID --xray O), then how fast a 10 s
# 1280x720 video at 30 fps records (skipped without ffmpeg). Figures only: nothing here passes
# or fails on time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" >/dev/null
"$root/build/effleura" --bench "$@"

if command -v ffmpeg >/dev/null 2>&1; then
  out=$(mktemp --suffix=.mp4)
  trap 'rm -f "$out"' EXIT
  TIMEFORMAT='%R %U %S'
  times=$( { time "$root/build/effleura" --headless --record "$out" --technique effleurage \
               --seconds 10 --size 1280x720 --fps 30 >/dev/null 2>&1; } 2>&1 )
  read -r wall user sys <<<"$times"
  awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN {
    printf "recording 10 s, 1280x720, 30 fps  %6.1f s  (%.2fx real time; CPU %.1f s incl. ffmpeg)\n", w, 10 / w, u + s }'
fi
