#pragma once
// An area's or a structure's cautions, as the View panel and the atlas card both show them.
#include <string>
#include <vector>

namespace effleura::ui {

// Each caution an amber bullet with its text wrapped (inside the caller's wrap width).
void caution_bullets(const std::vector<std::string>& cautions);

}  // namespace effleura::ui
