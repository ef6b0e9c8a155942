#pragma once
// One fuzz target per file. With -DEFFLEURA_FUZZ=ON (scripts/fuzz.sh, clang's libFuzzer) each
// file is its own program and the macro defines LLVMFuzzerTestOneInput. In the normal build
// all targets link into one replay program (replay_main.cpp, one link for every target) and
// the macro registers the target under its name, so ctest replays each saved corpus through
// the same entry point the fuzzer ran.
#include <cstddef>
#include <cstdint>

namespace effleura::fuzz {
using Target = int (*)(const std::uint8_t* data, std::size_t size);
// Returns true so registration can run from a static initialiser.
bool register_target(const char* name, Target target);
}  // namespace effleura::fuzz

#ifdef EFFLEURA_FUZZ_LIBFUZZER
#define EFFLEURA_FUZZ_TARGET(name)                                                     \
  static int effleura_fuzz_##name(const std::uint8_t* data, std::size_t size);        \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) { \
    return effleura_fuzz_##name(data, size);                                          \
  }                                                                                   \
  static int effleura_fuzz_##name(const std::uint8_t* data, std::size_t size)
#else
#define EFFLEURA_FUZZ_TARGET(name)                                                             \
  static int effleura_fuzz_##name(const std::uint8_t* data, std::size_t size);                \
  [[maybe_unused]] static const bool effleura_fuzz_registered_##name =                        \
      effleura::fuzz::register_target(#name, effleura_fuzz_##name);                           \
  static int effleura_fuzz_##name(const std::uint8_t* data, std::size_t size)
#endif
