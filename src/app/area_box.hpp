#pragma once
// The box the camera frames for target areas: the skin vertices strongly in them (leg frame).
// Used by the atlas (framing a found area) and the kiosk (a scene without a technique comes
// close to the areas it lights).
#include <array>
#include <cstddef>
#include <optional>

#include "anatomy/model.hpp"

namespace effleura::app {

// The skin vertices at least half in `area`; none when the model has no area data.
[[nodiscard]] std::optional<anatomy::Bounds> area_box(const anatomy::Model& model, std::size_t area);
// The same over every selected area; none when none is selected.
[[nodiscard]] std::optional<anatomy::Bounds> areas_box(const anatomy::Model& model,
                                                       const std::array<bool, anatomy::kAreaCount>& selected);

}  // namespace effleura::app
