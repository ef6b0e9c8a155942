#pragma once
// A target area's name, description and cautions in the interface's language. English has one
// source, content/areas.toml (instructors edit it, it reloads while the program runs); another
// language overrides it in its locale file:
//   [area-notes.calves]  description = "..."  caution-1 = "..."  caution-2 = "..."
// and its name is the lessons' [area] name. What a language leaves out shows in English;
// --check-locales lists it (lesson::check_area_notes).
#include <string>
#include <vector>

#include "anatomy/area_content.hpp"

namespace effleura::ui {

[[nodiscard]] std::string area_title(const anatomy::AreaInfo& area);
[[nodiscard]] std::string area_description(const anatomy::AreaInfo& area);
[[nodiscard]] std::vector<std::string> area_cautions(const anatomy::AreaInfo& area);

}  // namespace effleura::ui
