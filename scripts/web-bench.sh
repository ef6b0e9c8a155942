#!/usr/bin/env bash
# The page's frame time beside the desktop program's (README "In the browser"): rounds that
# alternate the desktop program's --bench and the page in headless Chromium (SwiftShader), same
# view, size, smoothing and panels, so a shared machine's load falls on both. Needs the page built
# (scripts/web.sh) and the desktop program (build/effleura). Figures in BUILD_WEB/test/frame-time.json.
#   scripts/web-bench.sh [ROUNDS] [SECONDS_PER_PAGE] [VARIANTS]
#   VARIANTS: comma-separated, from default, panels-filter, scene-filter, panels-msaa, scene-msaa,
#   panels-off, scene-off (default: panels-filter,scene-filter; web/test/frame_time.mjs says each),
#   each with modifiers such as +mesa or +dpr2 (a HiDPI screen, 1280x720 CSS px at a ratio of 2);
#   EFFLEURA_BENCH_SHOTS=DIR keeps each page's last frame as a PNG
# EFFLEURA_NATIVE_BUILD and EFFLEURA_WEB_BUILD choose other build folders (build/, build-web/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
native=${EFFLEURA_NATIVE_BUILD:-$root/build}
web=${EFFLEURA_WEB_BUILD:-$root/build-web}
[ -f "$web/site/index.wasm" ] || { echo "effleura-web-bench: build the page first (scripts/web.sh)" >&2; exit 1; }
[ -x "$native/effleura" ] || { echo "effleura-web-bench: build the desktop program first ($native/effleura)" >&2; exit 1; }
[ -d "$root/web/test/node_modules/puppeteer-core" ] || { echo "effleura-web-bench: no puppeteer-core (scripts/install-deps.sh --web)" >&2; exit 1; }
mkdir -p "$web/test"
exec node "$root/web/test/frame_time.mjs" "$web/site" "$native/effleura" \
  "$web/test/frame-time.json" "${1:-3}" "${2:-4}" "${3:-panels-filter,scene-filter}"
