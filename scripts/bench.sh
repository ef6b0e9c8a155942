#!/usr/bin/env bash
# Builds (Release) and prints Effleura's benchmark figures: the frame benchmark (effleura --bench,
# arguments passed on, e.g. --frames N --size WxH --technique ID --xray O; without a view option
# it times start-up step by step and every standard view, with multisampling, again
# with the edge filter and again with the window's dynamic resolution), start-up with an empty and a filled start-up cache, how fast a 10 s 1280x720 video at 30 fps records (skipped without
# ffmpeg), and Effleura against f3d rendering assets/leg.glb to a PNG, taken in turn (skipped
# without f3d). Figures only: nothing here passes or fails on time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" >/dev/null
"$root/build/effleura" --bench "$@"
if [ $# -eq 0 ]; then
  echo "--- the same with the edge filter instead of 4x multisampling"
  "$root/build/effleura" --bench --antialias filter
  echo "--- the same as a window on a software renderer draws it: edge filter, dynamic resolution"
  "$root/build/effleura" --bench --antialias filter --scene-scale auto
  echo "--- effleurage alone and with the window's panels, labels and caption (their cost)"
  "$root/build/effleura" --bench --antialias filter --technique effleurage --panels --frames 120
  # Start-up to the first frame with an empty start-up cache (cold: the leg is imported, its
  # occlusion and surface computed, and stored) and with the one that run filled (warm), taken
  # in turn three times. Mesa keeps its shader cache under XDG_CACHE_HOME as well, so it is
  # switched off for both: only Effleura's own cache differs.
  cache=$(mktemp -d)
  for i in 1 2 3; do
    for run in cold warm; do
      [ "$run" = cold ] && rm -rf "$cache/effleura"
      XDG_CACHE_HOME="$cache" MESA_SHADER_CACHE_DISABLE=true "$root/build/effleura" --bench --frames 2 --xray 0.35 |
        sed -n "s/^start-up to first frame (ms) *\([0-9.]*\) *(CPU \([0-9.]*\).*/start-up $run: wall \1 ms, CPU \2 ms/p"
    done
  done
  rm -rf "$cache"
fi

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

if command -v f3d >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1; then
  # The same assets/leg.glb to a 1280x720 PNG, each program as a whole process (start-up, load,
  # one frame, the file), taken in turn five times; CPU is user + sys. f3d 1.3 needs an X
  # display even to write a file (it crashes without one), so it gets a virtual one; effleura
  # draws through EGL, and `--model` shows the leg alone, without the client, as f3d does.
  png=$(mktemp -d)
  trap 'kill "${xvfb:-}" 2>/dev/null; rm -rf "$png" "${out:-}"' EXIT
  Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  cpu() { TIMEFORMAT='%U %S'; { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ print $1 + $2 }'; }
  # Each smoothed alike too: f3d's FXAA (off by default) against Effleura's edge filter (after
  # FXAA), beside each program's default (Effleura's 4x multisampling, f3d's none).
  es=() fs=() el=() fl=()
  for i in 1 2 3 4 5; do
    es+=("$(cpu "$root/build/effleura" --headless --screenshot "$png/e.png" --size 1280x720 --model "$root/assets/leg.glb")")
    fs+=("$(cpu env DISPLAY=:97 f3d --output "$png/f.png" --resolution 1280,720 "$root/assets/leg.glb")")
    el+=("$(cpu "$root/build/effleura" --headless --screenshot "$png/e.png" --size 1280x720 --antialias filter --model "$root/assets/leg.glb")")
    fl+=("$(cpu env DISPLAY=:97 f3d --fxaa --output "$png/f.png" --resolution 1280,720 "$root/assets/leg.glb")")
  done
  median() { printf '%s\n' "$@" | sort -g | sed -n 3p; }
  echo "leg.glb to a 1280x720 PNG, CPU median of 5 taken in turn: effleura $(median "${es[@]}") s, f3d $(median "${fs[@]}") s"
  echo "  the same, both smoothed by a post-process filter (--antialias filter, f3d --fxaa): effleura $(median "${el[@]}") s, f3d $(median "${fl[@]}") s"
fi
