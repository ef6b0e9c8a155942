// The placed label with a given text in an overlay layout, for the label tests; a missing one
// fails the test that asked.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "ui/overlay_layout.hpp"

namespace effleura::test {

inline const ui::PlacedLabel& placed(const ui::OverlayLayout& layout, const std::string& text) {
  for (const auto& p : layout.labels)
    if (p.label->text == text) return p;
  FAIL("no label " << text);
  return layout.labels.front();
}

}  // namespace effleura::test
