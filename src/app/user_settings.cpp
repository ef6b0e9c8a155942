#include "app/user_settings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <sstream>

#include <toml++/toml.h>

#include "core/files.hpp"
#include "core/log.hpp"
#include "core/toml_guard.hpp"
#include "app/view_toml.hpp"

namespace effleura::app {

float clamp_interface_scale(float scale) { return std::clamp(scale, 0.75f, 2.5f); }

std::optional<std::filesystem::path> user_settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "effleura" / "settings.toml";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / "effleura" / "settings.toml";
  return std::nullopt;
}

UserSettings load_user_settings(const std::filesystem::path& file, std::string* problem) {
  UserSettings s;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return s;
  auto fail = [&](std::size_t line, const std::string& what) {
    const std::string where = line > 0 ? ":" + std::to_string(line) : std::string();
    const std::string message = file.string() + where + ": " + what + " (settings ignored, defaults used)";
    log::warn(message);
    if (problem) *problem = message;
    return UserSettings{};
  };
  // Through core/files: a FIFO, device or folder planted as the settings file is refused at
  // once (toml::parse_file blocked on a FIFO and read /dev/zero until memory ran out).
  const auto text = read_text_file(file);
  if (!text) return fail(0, text.error().message);
  if (auto bad = toml_header_problem(*text, file.string())) return fail(static_cast<std::size_t>(bad->line), bad->message);
  try {
    const toml::table t = toml::parse(*text, file.string());
    if (const toml::node* n = t.get("interface_scale")) {
      auto v = n->value<double>();
      if (!v) return fail(static_cast<std::size_t>(n->source().begin.line), "interface_scale should be a number (0.75 to 2.5)");
      s.interface_scale = clamp_interface_scale(static_cast<float>(*v));
    }
    if (const toml::node* n = t.get("language")) {
      auto v = n->value<std::string>();
      if (!v) return fail(static_cast<std::size_t>(n->source().begin.line), "language should be a language id in quotes, e.g. \"es\"");
      s.language = *v;
    }
    if (const toml::node* n = t.get("view")) {
      const toml::array* views = n->as_array();
      if (!views) return fail(static_cast<std::size_t>(n->source().begin.line), "views should be [[view]] tables");
      for (const auto& e : *views) {
        const toml::table* vt = e.as_table();
        if (!vt) return fail(static_cast<std::size_t>(e.source().begin.line), "views should be [[view]] tables");
        s.views.push_back(read_view_keys(*vt, static_cast<int>(e.source().begin.line), true));
      }
    }
  } catch (const toml::parse_error& e) {
    return fail(e.source().begin.line, std::string(e.description()));
  } catch (const ViewProblem& b) {
    return fail(b.line, b.what);
  }
  return s;
}

bool save_user_settings(const UserSettings& settings, const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  // Written whole through core/files (temp file, then rename): a crash or a full disk never
  // leaves half a settings file, and a planted symlink or device is not written through.
  std::ostringstream out;
  out << "# Effleura's settings, written by the program (View menu, atlas tools).\n"
      << "interface_scale = " << clamp_interface_scale(settings.interface_scale) << "\n";
  if (!settings.language.empty()) {
    std::ostringstream lang;
    lang << std::quoted(settings.language);
    out << "language = " << lang.str() << "\n";
  }
  for (const SavedView& v : settings.views) {
    out << "\n[[view]]\n";
    write_view_keys(out, v);
  }
  const std::string text = out.str();
  auto written = write_binary_file(file, text.data(), text.size());
  if (!written) log::warn("settings not saved: " + written.error().describe());
  return written.has_value();
}

}  // namespace effleura::app
