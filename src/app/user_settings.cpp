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

namespace effleura::app {

float clamp_interface_scale(float scale) { return std::clamp(scale, 0.75f, 2.5f); }

std::optional<std::filesystem::path> user_settings_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "effleura" / "settings.toml";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / "effleura" / "settings.toml";
  return std::nullopt;
}

namespace {

// The layers a view shows, by the names the View panel uses.
constexpr std::array<const char*, 6> kLayerNames = {"skin", "muscles", "bones", "veins", "arteries", "nerves"};

std::array<bool*, 6> layer_flags(render::LayerVisibility& l) {
  return {&l.skin, &l.muscles, &l.bones, &l.veins, &l.arteries, &l.nerves};
}

// A problem in the file: where, and what was expected there.
struct Bad {
  std::size_t line;
  std::string what;
};

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

std::vector<std::string> strings(const toml::table& t, const char* key) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) throw Bad{static_cast<std::size_t>(line_of(*n)), std::string(key) + " should be a list of names in quotes"};
  for (const auto& e : *a) {
    auto s = e.value<std::string>();
    if (!s) throw Bad{static_cast<std::size_t>(line_of(e)), std::string(key) + " should hold names in quotes"};
    out.push_back(*s);
  }
  return out;
}

SavedView read_view(const toml::table& t, int line) {
  SavedView v;
  auto name = t["name"].value<std::string>();
  if (!name || name->empty()) throw Bad{static_cast<std::size_t>(line), "each [[view]] needs a name = \"...\""};
  v.name = *name;
  const toml::array* cam = t["camera"].as_array();
  if (!cam || cam->size() != 6) throw Bad{static_cast<std::size_t>(line), "camera = [yaw, pitch, distance, x, y, z] (six numbers)"};
  std::array<float, 6> c{};
  for (std::size_t i = 0; i < 6; ++i) {
    auto x = (*cam)[i].value<double>();
    if (!x || !std::isfinite(*x)) throw Bad{static_cast<std::size_t>(line_of((*cam)[i])), "camera should hold six numbers"};
    c[i] = static_cast<float>(*x);
  }
  v.camera = {c[0], c[1], c[2], {c[3], c[4], c[5]}};
  if (const toml::node* n = t.get("layers")) {
    const auto shown = strings(t, "layers");
    auto flags = layer_flags(v.layers);
    for (std::size_t i = 0; i < flags.size(); ++i) *flags[i] = std::find(shown.begin(), shown.end(), kLayerNames[i]) != shown.end();
    for (const auto& s : shown)
      if (std::find_if(kLayerNames.begin(), kLayerNames.end(), [&](const char* k) { return s == k; }) == kLayerNames.end())
        throw Bad{static_cast<std::size_t>(line_of(*n)), "unknown layer \"" + s + "\" (skin, muscles, bones, veins, arteries, nerves)"};
  }
  if (auto o = t["skin_opacity"].value<double>()) v.skin_opacity = std::clamp(static_cast<float>(*o), 0.0f, 1.0f);
  for (const auto& id : strings(t, "lit")) {
    const auto a = anatomy::area_index(id);
    if (!a) throw Bad{static_cast<std::size_t>(line), "unknown area \"" + id + "\" in lit"};
    v.lit[*a] = true;
  }
  v.hidden = strings(t, "hidden");
  v.faded = strings(t, "faded");
  if (auto cut = t["cut"].value<double>()) v.cut = std::clamp(static_cast<float>(*cut), 0.0f, 1.0f);
  if (auto keep = t["cut_keep"].value<std::string>()) {
    if (*keep != "below" && *keep != "above") throw Bad{static_cast<std::size_t>(line), "cut_keep should be \"below\" or \"above\""};
    v.cut_keep_below = *keep == "below";
  }
  if (auto axis = t["cut_axis"].value<std::string>()) {
    bool known = false;
    for (CutAxis a : kCutAxes)
      if (*axis == cut_axis_name(a)) {
        v.cut_axis = a;
        known = true;
      }
    if (!known) throw Bad{static_cast<std::size_t>(line), "cut_axis should be \"across\", \"front-back\" or \"sideways\""};
  }
  return v;
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::ostringstream q;
    q << std::quoted(items[i]);
    out += (i ? ", " : "") + q.str();
  }
  return out + "]";
}

}  // namespace

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
      if (!v) return fail(static_cast<std::size_t>(line_of(*n)), "interface_scale should be a number (0.75 to 2.5)");
      s.interface_scale = clamp_interface_scale(static_cast<float>(*v));
    }
    if (const toml::node* n = t.get("language")) {
      auto v = n->value<std::string>();
      if (!v) return fail(static_cast<std::size_t>(line_of(*n)), "language should be a language id in quotes, e.g. \"es\"");
      s.language = *v;
    }
    if (const toml::node* n = t.get("view")) {
      const toml::array* views = n->as_array();
      if (!views) return fail(static_cast<std::size_t>(line_of(*n)), "views should be [[view]] tables");
      for (const auto& e : *views) {
        const toml::table* vt = e.as_table();
        if (!vt) return fail(static_cast<std::size_t>(line_of(e)), "views should be [[view]] tables");
        s.views.push_back(read_view(*vt, line_of(e)));
      }
    }
  } catch (const toml::parse_error& e) {
    return fail(e.source().begin.line, std::string(e.description()));
  } catch (const Bad& b) {
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
  out << std::setprecision(7);
  for (const SavedView& v : settings.views) {
    std::ostringstream name;
    name << std::quoted(v.name);
    out << "\n[[view]]\nname = " << name.str() << "\n";
    const auto& c = v.camera;
    out << "camera = [" << c.yaw << ", " << c.pitch << ", " << c.distance << ", " << c.target.x << ", " << c.target.y << ", "
        << c.target.z << "]\n";
    std::vector<std::string> layers, lit;
    render::LayerVisibility l = v.layers;
    const auto flags = layer_flags(l);
    for (std::size_t i = 0; i < flags.size(); ++i)
      if (*flags[i]) layers.emplace_back(kLayerNames[i]);
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
      if (v.lit[a]) lit.emplace_back(anatomy::kAreaIds[a]);
    out << "layers = " << quoted_list(layers) << "\nskin_opacity = " << v.skin_opacity << "\nlit = " << quoted_list(lit)
        << "\nhidden = " << quoted_list(v.hidden) << "\nfaded = " << quoted_list(v.faded) << "\n";
    if (v.cut)
      out << "cut = " << *v.cut << "\ncut_keep = \"" << (v.cut_keep_below ? "below" : "above") << "\"\ncut_axis = \""
          << cut_axis_name(v.cut_axis) << "\"\n";
  }
  const std::string text = out.str();
  auto written = write_binary_file(file, text.data(), text.size());
  if (!written) log::warn("settings not saved: " + written.error().describe());
  return written.has_value();
}

}  // namespace effleura::app
