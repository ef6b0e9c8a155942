#pragma once
// The user's own settings, kept between runs in a small file:
// $XDG_CONFIG_HOME/effleura/settings.toml (or ~/.config/effleura/settings.toml). Only the
// interface size for now. A missing or unreadable file means the defaults; it never stops
// the program.
#include <filesystem>
#include <optional>

namespace effleura::app {

struct UserSettings {
  float interface_scale = 1.0f;  // 0.75 .. 2.5, multiplies the font and the panels' sizes
};

// Where the file lives; none when neither XDG_CONFIG_HOME nor HOME is set.
[[nodiscard]] std::optional<std::filesystem::path> user_settings_path();
[[nodiscard]] UserSettings load_user_settings(const std::filesystem::path& file);
// Writes the file (and its folder); false when it cannot.
bool save_user_settings(const UserSettings& settings, const std::filesystem::path& file);
[[nodiscard]] float clamp_interface_scale(float scale);

}  // namespace effleura::app
