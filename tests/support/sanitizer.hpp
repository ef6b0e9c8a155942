#pragma once
// Whether this test binary runs under AddressSanitizer (scripts/test.sh's second pass).
//
// The sanitized pass looks for memory errors and undefined behaviour; those show on the same
// code paths whether a sweep takes every sample or every fourth, while ASan+UBSan run our code
// 3-10x slower. So the long sweeps (every technique at every 20 ms, every flow combination)
// take every sample in the Release pass and every kSanitizedStride-th one under the sanitizers,
// which keeps CI within its time limit. The full-resolution forge rebuilds, whose bytes the
// Release pass already compares, are skipped there.
namespace effleura::test {
#ifdef __SANITIZE_ADDRESS__
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
inline constexpr int kSanitizedStride = kSanitized ? 4 : 1;
}  // namespace effleura::test
