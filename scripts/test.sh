#!/usr/bin/env bash
# Installs missing packages, builds with warnings as errors and runs every test (ctest);
# then builds the tests again with AddressSanitizer + UndefinedBehaviorSanitizer and runs
# them once more (all but the render tests, which run in the Release pass only: tests/CMakeLists.txt
# says why). Set EFFLEURA_SKIP_SANITIZERS=1 to skip the second pass while iterating.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Each phase prints how long the run has taken so far: CI has a time limit, and these lines
# show which phase grew.
clock() { printf '%d min %02d s' $((SECONDS / 60)) $((SECONDS % 60)); }
"$root/scripts/install-deps.sh"

echo "== Release build (warnings are errors), at $(clock)"
"$root/scripts/build.sh" "$root/build" -DEFFLEURA_WERROR=ON
echo "== Release tests, at $(clock)"
(cd "$root/build" && ctest --output-on-failure -j 2)

# ---- The browser build and its Chromium test (scripts/web-test.sh) ------------------------
# EFFLEURA_WEB_TEST=1 installs the web toolchain and runs it, 0 skips it; unset, it runs when
# Emscripten, Chromium and the test driver are installed and says why not otherwise.
# Measured on the 2-core build machine (README "In the browser"): see the README for its cost.
if [ "${EFFLEURA_WEB_TEST:-auto}" != 0 ]; then
  echo "== Web build and browser test, at $(clock)"
  [ "${EFFLEURA_WEB_TEST:-auto}" = 1 ] && "$root/scripts/install-deps.sh" --web
  status=0
  "$root/scripts/web-test.sh" "$root/build" "$root/build-web" || status=$?
  if [ "$status" = 77 ] && [ "${EFFLEURA_WEB_TEST:-auto}" != 1 ]; then
    echo "== Web test skipped (above: what is missing)"
  elif [ "$status" != 0 ]; then
    exit "$status"
  fi
fi
# ---- end of the browser block ------------------------------------------------------------------

if [ "${EFFLEURA_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== ASan + UBSan build, at $(clock)"
  "$root/scripts/build.sh" "$root/build-asan" -DEFFLEURA_WERROR=ON -DEFFLEURA_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
  # Mesa's llvmpipe keeps allocations for the process lifetime; those are not our leaks.
  export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  echo "== ASan + UBSan tests, at $(clock)"
  (cd "$root/build-asan" && ctest --output-on-failure -j 2)
fi
echo "== All tests passed, in $(clock)"
