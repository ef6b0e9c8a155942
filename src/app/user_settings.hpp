#pragma once
// The user's own settings, kept between runs in a small file:
// $XDG_CONFIG_HOME/effleura/settings.toml (or ~/.config/effleura/settings.toml): the interface
// size, the language and the atlas's saved views. A missing file means the defaults; a broken one gives one
// message (file, line, what was expected) and the defaults; it never stops the program.
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/areas.hpp"
#include "app/atlas.hpp"
#include "render/camera.hpp"
#include "render/frame_view.hpp"

namespace effleura::app {

// A view an instructor named (the atlas tools): the camera, layers, lit areas, which
// structures are hidden or faded (by mesh name, so a rebuilt model keeps them) and the cut.
struct SavedView {
  std::string name;
  render::OrbitPose camera;
  render::LayerVisibility layers{};
  float skin_opacity = 1.0f;
  std::array<bool, anatomy::kAreaCount> lit{};
  std::vector<std::string> hidden, faded;
  std::optional<float> cut;  // clip_at (0..1 along the cut's axis) when the leg is cut
  bool cut_keep_below = true;
  CutAxis cut_axis = CutAxis::across;
  // The technique playing when the view was saved, and its moment (s); empty: none. Read when
  // a view file opens the program (--view FILE), which starts that technique there.
  std::string technique;
  double at = 0.0;
  // The structure picked in the atlas (its mesh name, "muscle.soleus"), lit with its card open;
  // empty: none. Files saved before it was kept have none.
  std::string selected;
};

struct UserSettings {
  float interface_scale = 1.0f;  // 0.75 .. 2.5, multiplies the font and the panels' sizes
  std::vector<SavedView> views;
  std::string language;  // the View menu's Language choice ("es"); empty: not chosen
};

// Where the file lives; none when neither XDG_CONFIG_HOME nor HOME is set.
[[nodiscard]] std::optional<std::filesystem::path> user_settings_path();
// The file's settings; the defaults when it is missing, or when it is broken: then `problem`
// (when given) gets one message naming the file, the line and what was expected, which is
// also logged as a warning.
[[nodiscard]] UserSettings load_user_settings(const std::filesystem::path& file, std::string* problem = nullptr);
// Writes the file (and its folder); false when it cannot.
bool save_user_settings(const UserSettings& settings, const std::filesystem::path& file);
[[nodiscard]] float clamp_interface_scale(float scale);

}  // namespace effleura::app
