#pragma once
// The client's side at each step of a lying technique, as the app turns it: shared by the forearm
// tests (technique_forearm_test, technique_forearm_rise_test), which check the forearms on the
// side the client really lies on.
#include <algorithm>
#include <optional>
#include <vector>

#include "anatomy/client_pose.hpp"
#include "technique/technique.hpp"
#include "technique/timeline.hpp"
#include "technique/working_side.hpp"

namespace effleura::test {

// The client's side at each step as the app turns it lying (app/client_stage.cpp): prone for a
// step that works the back, supine for the front, a step on either side keeps the side of the
// nearest sided step before it (else after it), supine when there is none; a technique whose
// views show neither side never turns.
inline std::vector<anatomy::ClientPosture> lying_sides(const technique::Technique& t, const technique::Timeline& tl) {
  auto sides = technique::step_sides(tl);
  const auto shows = [&t](const char* v) { return t.views.empty() || std::find(t.views.begin(), t.views.end(), v) != t.views.end(); };
  for (auto& side : sides)
    if ((side == technique::WorkingSide::back && !shows("back")) || (side == technique::WorkingSide::front && !shows("front"))) side = technique::WorkingSide::either;
  std::vector<anatomy::ClientPosture> out(sides.size(), anatomy::ClientPosture::supine);
  for (std::size_t s = 0; s < sides.size(); ++s) {
    std::optional<technique::WorkingSide> found;
    for (std::size_t i = s + 1; i-- > 0 && !found;)
      if (sides[i] != technique::WorkingSide::either) found = sides[i];
    for (std::size_t i = s; i < sides.size() && !found; ++i)
      if (sides[i] != technique::WorkingSide::either) found = sides[i];
    if (found == technique::WorkingSide::back) out[s] = anatomy::ClientPosture::prone;
  }
  return out;
}

}  // namespace effleura::test
