#pragma once
// A saved view in a small text file of its own, to share: an instructor names a view (the
// atlas tools, or File > Save view as...) and hands the file on; `effleura --view FILE` opens
// it. The keys are those of the settings file's [[view]] tables (app/user_settings.hpp), at the
// top of the file, plus the technique's moment when one was playing:
//   name = "Soleus from behind"
//   camera = [yaw, pitch, distance, x, y, z]
//   layers = ["skin", "muscles"]      skin_opacity = 0.3      lit = ["calves"]
//   hidden = [...]   faded = [...]    cut = 0.4   cut_keep = "below"   cut_axis = "across"
//   technique = "effleurage"          at = 4.5
//   selected = "muscle.soleus"       (the structure picked, lit with its card)
// Only camera is required.
#include <filesystem>
#include <string>

#include "app/user_settings.hpp"
#include "core/error.hpp"

namespace effleura::app {

// The view in `file`; a missing, unreadable or broken file gives an Error naming the file, the
// line and what was expected there.
[[nodiscard]] Expected<SavedView> read_view_file(const std::filesystem::path& file);
// The file's text: a comment line saying how to open it, then the view's keys.
[[nodiscard]] std::string view_file_text(const SavedView& view);
// Writes the file whole (never half a file, never through a planted link).
Expected<void> write_view_file(const SavedView& view, const std::filesystem::path& file);
// A file name for a view's name: letters and digits kept, the rest '-', ".toml" added.
[[nodiscard]] std::string view_file_name(const std::string& name);

}  // namespace effleura::app
