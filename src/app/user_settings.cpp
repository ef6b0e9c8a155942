#include "app/user_settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <toml++/toml.h>

#include "core/log.hpp"

namespace effleura::app {

float clamp_interface_scale(float scale) { return std::clamp(scale, 0.75f, 2.5f); }

std::optional<std::filesystem::path> user_settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "effleura" / "settings.toml";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / "effleura" / "settings.toml";
  return std::nullopt;
}

UserSettings load_user_settings(const std::filesystem::path& file) {
  UserSettings s;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return s;
  try {
    const toml::table t = toml::parse_file(file.string());
    if (auto v = t["interface_scale"].value<double>()) s.interface_scale = clamp_interface_scale(static_cast<float>(*v));
  } catch (const toml::parse_error& e) {
    log::warn(file.string() + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()) +
              " (settings ignored)");
  }
  return s;
}

bool save_user_settings(const UserSettings& settings, const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  std::ofstream out(file);
  if (!out) return false;
  out << "# Effleura's settings, written by the program (View menu).\n"
      << "interface_scale = " << clamp_interface_scale(settings.interface_scale) << "\n";
  return static_cast<bool>(out);
}

}  // namespace effleura::app
