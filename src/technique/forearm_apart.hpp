#pragma once
// Two forearms never pass into each other (place_forearms, technique/forearm.cpp). Internal to
// the forearm's placing; plain maths.
#include <array>
#include <cstddef>
#include <functional>

#include <glm/vec3.hpp>

#include "technique/forearm.hpp"

namespace effleura::technique {

// Two forearms keep this far apart (surface to surface) where spreading the elbows can do it.
inline constexpr float kForearmsApart = 0.005f;

// `arms`, each placed for its own hand (wrists `wrist`, directions `dirs` from the wrist, in the
// leg's frame), spread apart where they come closer than kForearmsApart. `place(h, d)` places
// hand h's forearm along the direction nearest `d` that its wrist allows, clear of the skin and
// the table.
[[nodiscard]] std::array<Forearm, 2> kept_apart(const std::array<Forearm, 2>& arms, const std::array<glm::vec3, 2>& wrist,
                                                const std::array<glm::vec3, 2>& dirs,
                                                const std::function<Forearm(std::size_t, const glm::vec3&)>& place);

}  // namespace effleura::technique
