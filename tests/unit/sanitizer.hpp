#pragma once
// Whether this test binary runs under AddressSanitizer. The full-resolution forge rebuilds are
// slow there; the Release pass of scripts/test.sh already compares the same bytes, so the
// sanitized pass skips only those cases.
namespace effleura::test {
#ifdef __SANITIZE_ADDRESS__
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
}  // namespace effleura::test
