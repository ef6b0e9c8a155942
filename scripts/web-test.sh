#!/usr/bin/env bash
# The browser test (README "In the browser"): builds the page (scripts/web.sh), renders the
# default view with the desktop program headless, and drives Debian's Chromium through the
# page with web/test/browser_test.mjs. Usage:
#   scripts/web-test.sh [NATIVE_BUILD_DIR] [WEB_BUILD_DIR]   (default build/ and build-web/)
# Exits 77 (skipped) with a message when the web toolchain, Chromium or the test driver is not
# installed: scripts/install-deps.sh --web installs them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
native=${1:-$root/build}
web=${2:-$root/build-web}
skip() { echo "effleura-web-test: skipped: $*" >&2; exit 77; }
command -v emcc >/dev/null || skip "no emcc (apt-get install emscripten, or scripts/install-deps.sh --web)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || skip "no Chromium (apt-get install chromium)"
[ -d "$root/web/test/node_modules/puppeteer-core" ] || skip "no puppeteer-core in web/test/node_modules (scripts/install-deps.sh --web)"
[ -x "$native/effleura" ] || { echo "effleura-web-test: build the desktop program first ($native/effleura)" >&2; exit 1; }

start=$(date +%s)
"$root/scripts/web.sh" "$web"
built=$(date +%s)
out="$web/test"
mkdir -p "$out"
# The page's default view at the page's size, as the desktop program draws it, smoothed as the
# page smooths on SwiftShader (the edge filter; a screenshot's own default is multisampling).
"$native/effleura" --headless --screenshot "$out/native-default.png" --size 1280x720 --antialias filter >/dev/null
# One technique held at a moment (the browser test's kTechniqueAt), as the desktop draws it.
"$native/effleura" --headless --screenshot "$out/native-effleurage.png" --technique effleurage --at 6 \
  --size 1280x720 --antialias filter >/dev/null
node "$root/web/test/browser_test.mjs" "$web/site" "$out/native-default.png" "$out" "$out/native-effleurage.png"
echo "effleura-web-test: passed; web build $((built - start)) s, browser test $(( $(date +%s) - built )) s (wall clock)"
