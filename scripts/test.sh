#!/usr/bin/env bash
# Installs missing packages, builds with warnings as errors and runs every test (ctest);
# then builds the tests again with AddressSanitizer + UndefinedBehaviorSanitizer and runs
# them once more. Set EFFLEURA_SKIP_SANITIZERS=1 to skip the second pass while iterating.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

echo "== Release build (warnings are errors)"
"$root/scripts/build.sh" "$root/build" -DEFFLEURA_WERROR=ON
(cd "$root/build" && ctest --output-on-failure -j 2)

if [ "${EFFLEURA_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== ASan + UBSan build"
  "$root/scripts/build.sh" "$root/build-asan" -DEFFLEURA_WERROR=ON -DEFFLEURA_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
  # Mesa's llvmpipe keeps allocations for the process lifetime; those are not our leaks.
  export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  (cd "$root/build-asan" && ctest --output-on-failure -j 2)
fi
