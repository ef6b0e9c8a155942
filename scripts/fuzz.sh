#!/usr/bin/env bash
# Fuzzes the model wrapper and the content loaders with AFL++ (Debian's afl++ package; not in
# install-deps.sh, since only this script needs it). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# (default 600 s each, targets model and content). Runs at the lowest priority. Crashes and hangs
# land in build-fuzz/findings/<target>/default/{crashes,hangs}; copy each crash into
# tests/fuzz/corpus/<target>/ once fixed, so the normal test suite replays it with gcc.
# Debian 12's clang 14 cannot compile C++23 std::expected with GCC 12's library, so libFuzzer
# (and AFL++'s clang modes) are out, and Debian's afl++ 4.04c GCC plugin refuses its own GCC
# ("incompatible versions"); AFL++'s classic GCC mode (afl-g++) runs the same
# LLVMFuzzerTestOneInput targets, one input file per run (tests/fuzz/replay_main.cpp).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("${@:-model content}")
targets=(${targets[@]})

if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq --no-install-recommends afl++
  else echo "fuzz.sh: AFL++ is missing; run: sudo apt-get install afl++" >&2; exit 1; fi
fi

build="$root/build-fuzz"
mkdir -p "$build"
# AddressSanitizer in the fuzzed build: an out-of-bounds read is a crash, not luck.
AFL_USE_ASAN=1 CC=afl-gcc CXX=afl-g++ cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEFFLEURA_TESTS=OFF -DEFFLEURA_FUZZ=ON >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; exit 1; }
AFL_USE_ASAN=1 nice -n 19 cmake --build "$build" -j 2 --target $(printf 'fuzz_%s ' "${targets[@]}")

export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
# A large-memory failure shows as a crash: ASan stops at 2 GB of heap.
export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0:allocator_may_return_null=0:hard_rss_limit_mb=2048:malloc_limit_mb=2048
for t in "${targets[@]}"; do
  out="$build/findings/$t"
  mkdir -p "$out"
  echo "fuzz.sh: fuzzing $t for $seconds s (findings in $out)"
  # -t 2000: an input taking over 2 s counts as a hang.
  nice -n 19 afl-fuzz -i "$root/tests/fuzz/corpus/$t" -o "$out" -m none -t 2000 -V "$seconds" \
    -- "$build/tests/fuzz/fuzz_$t" @@ >"$out/afl.log" 2>&1 || true
  crashes=$(find "$out/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$out/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
  execs=$(sed -n 's/^execs_done *: //p' "$out/default/fuzzer_stats" 2>/dev/null || echo 0)
  echo "fuzz.sh: $t: $execs runs, $crashes crashes, $hangs hangs"
done
