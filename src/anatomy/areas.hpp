#pragma once
// The nine target areas (subject.md). Their order is the index used in per-vertex area
// weights, in the shader's highlight mask and in content; never reorder, only append.
#include <array>
#include <optional>
#include <string_view>

namespace effleura::anatomy {

inline constexpr std::size_t kAreaCount = 9;
inline constexpr std::array<std::string_view, kAreaCount> kAreaIds{
    "feet", "ankles", "calves", "shin", "thighs", "popliteal", "hamstrings", "it-band", "glutes"};

// Index of an area id, or nullopt if the id is not one of the nine.
constexpr std::optional<std::size_t> area_index(std::string_view id) {
  for (std::size_t i = 0; i < kAreaCount; ++i)
    if (kAreaIds[i] == id) return i;
  return std::nullopt;
}

}  // namespace effleura::anatomy
