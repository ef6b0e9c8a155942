#!/usr/bin/env bash
# Fuzzes the model wrapper, the content loaders and the TOML parser with libFuzzer (clang 16
# from Debian 12, installed by `scripts/install-deps.sh --fuzz`; not part of scripts/test.sh).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (default 600 s each; targets model content toml)
# FUZZ_MALLOC_CHECK=1 scripts/fuzz.sh 600 model: the same without AddressSanitizer (build-fuzz-plain/)
# but under glibc's malloc checks, which see a write just past a block by any code. Assimp is not
# instrumented, so ASan cannot see its heap overflows: they only damage ASan's records and fail a
# CHECK many inputs later. Here the process aborts at once and the input it was reading is kept
# (build-fuzz-plain/findings/<target>/tmp/effleura-fuzz-*/).
# One target at a time, one process, at the lowest priority. New inputs go to
# build-fuzz/findings/<target>/corpus, crashes, timeouts and out-of-memory inputs to
# build-fuzz/findings/<target>/ (crash-*, timeout-*, oom-*). Once fixed, copy each into
# tests/fuzz/corpus/<target>/: ctest's fuzz_<target>_corpus replays it with gcc.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(toml model content)

"$root/scripts/install-deps.sh" --fuzz
malloc_check=${FUZZ_MALLOC_CHECK:-0}
build="$root/build-fuzz"
sanitize=address,fuzzer-no-link
link="-fsanitize=address"
if [ "$malloc_check" = 1 ]; then build="$root/build-fuzz-plain"; sanitize=fuzzer-no-link; link=""; fi
mkdir -p "$build"
# Debian 12's clang 16 implements conditionally trivial special members (P0848) but still
# reports __cpp_concepts 201907, for which GCC 12's <expected> hides std::expected.
# -O1 (as libFuzzer suggests) and line tables (enough for stack traces) keep the build short.
flags="-D__cpp_concepts=202002L -Wno-macro-redefined -fsanitize=$sanitize -O1 -gline-tables-only"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$link" \
  -DEFFLEURA_TESTS=OFF -DEFFLEURA_FUZZ=ON >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; exit 1; }
# Each target in turn (toml needs only core, model adds anatomy, content the rest).
for t in "${targets[@]}"; do cmake --build "$build" -j 2 --target "fuzz_$t"; done

# Leaks are reported too; an allocation over 1 GB or a process over 2 GB is a finding, as is
# one input taking over 60 s of wall time (at the lowest priority on a loaded machine an input
# needing 0.1 s of CPU took 8 s, so a tighter limit reports the load, not a hang).
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0
# The same leak suppressions as the test suite (Assimp 5.2's STL reader leaks on a bad file).
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
for t in "${targets[@]}"; do
  out="$build/findings/$t"
  mkdir -p "$out/corpus"
  dict=()
  [ -f "$root/tests/fuzz/$t.dict" ] && dict=(-dict="$root/tests/fuzz/$t.dict")
  echo "fuzz.sh: fuzzing $t for $seconds s (findings in $out)"
  rc=0
  extra=()
  # The model target writes each input to a file under TMPDIR, kept here.
  rm -rf "$out/tmp" && mkdir -p "$out/tmp"
  # glibc aborts on a damaged block; libFuzzer's own abort handler would then hang in malloc,
  # so the abort ends the process and the target's input file stays in $out/tmp.
  [ "$malloc_check" = 1 ] && extra=(-handle_abrt=0)
  (cd "$out" && export TMPDIR="$out/tmp" &&
    if [ "$malloc_check" = 1 ]; then
      export LD_PRELOAD=libc_malloc_debug.so.0 GLIBC_TUNABLES=glibc.malloc.check=3
    fi &&
    nice -n 19 "$build/tests/fuzz/fuzz_$t" "${dict[@]}" "${extra[@]}" -max_total_time="$seconds" \
    -timeout=60 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$out/" corpus "$root/tests/fuzz/corpus/$t" >fuzz.log 2>&1) || rc=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$out/fuzz.log" || true
  found=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  [ "$malloc_check" = 1 ] && found=$((found + $(find "$out/tmp" -type f | wc -l)))
  echo "fuzz.sh: $t: exit $rc, $found findings"
done
