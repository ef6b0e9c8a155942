#include "app/view_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "app/view_toml.hpp"
#include "core/files.hpp"
#include "core/toml_guard.hpp"

namespace effleura::app {

namespace {

// The layers a view shows, by the names the View panel uses.
constexpr std::array<const char*, 6> kLayerNames = {"skin", "muscles", "bones", "veins", "arteries", "nerves"};

std::array<bool*, 6> layer_flags(render::LayerVisibility& l) {
  return {&l.skin, &l.muscles, &l.bones, &l.veins, &l.arteries, &l.nerves};
}

std::size_t line_of(const toml::node& n) { return static_cast<std::size_t>(n.source().begin.line); }

std::vector<std::string> strings(const toml::table& t, const char* key) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) throw ViewProblem{line_of(*n), std::string(key) + " should be a list of names in quotes"};
  for (const auto& e : *a) {
    auto s = e.value<std::string>();
    if (!s) throw ViewProblem{line_of(e), std::string(key) + " should hold names in quotes"};
    out.push_back(*s);
  }
  return out;
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

SavedView read_view_keys(const toml::table& t, int table_line, bool named) {
  const auto line = static_cast<std::size_t>(table_line);
  // A key's own line where it has one, else the table's.
  auto at = [&](const char* key) { const toml::node* n = t.get(key); return n ? line_of(*n) : line; };
  SavedView v;
  const auto name = t["name"].value<std::string>();
  if (t.get("name") && !name) throw ViewProblem{at("name"), "name should be the view's name in quotes"};
  if (named && (!name || name->empty())) throw ViewProblem{line, "each [[view]] needs a name = \"...\""};
  if (name) v.name = *name;
  const toml::array* cam = t["camera"].as_array();
  if (!cam || cam->size() != 6) throw ViewProblem{at("camera"), "camera = [yaw, pitch, distance, x, y, z] (six numbers)"};
  std::array<float, 6> c{};
  for (std::size_t i = 0; i < 6; ++i) {
    auto x = (*cam)[i].value<double>();
    if (!x || !std::isfinite(*x)) throw ViewProblem{line_of((*cam)[i]), "camera should hold six numbers"};
    c[i] = static_cast<float>(*x);
  }
  v.camera = {c[0], c[1], c[2], {c[3], c[4], c[5]}};
  if (const toml::node* n = t.get("layers")) {
    const auto shown = strings(t, "layers");
    auto flags = layer_flags(v.layers);
    for (std::size_t i = 0; i < flags.size(); ++i) *flags[i] = std::find(shown.begin(), shown.end(), kLayerNames[i]) != shown.end();
    for (const auto& s : shown)
      if (std::find_if(kLayerNames.begin(), kLayerNames.end(), [&](const char* k) { return s == k; }) == kLayerNames.end())
        throw ViewProblem{line_of(*n), "unknown layer \"" + s + "\" (skin, muscles, bones, veins, arteries, nerves)"};
  }
  if (t.get("skin_opacity")) {
    auto o = t["skin_opacity"].value<double>();
    if (!o) throw ViewProblem{at("skin_opacity"), "skin_opacity should be a number from 0 to 1"};
    v.skin_opacity = std::clamp(static_cast<float>(*o), 0.0f, 1.0f);
  }
  for (const auto& id : strings(t, "lit")) {
    const auto a = anatomy::area_index(id);
    if (!a) throw ViewProblem{at("lit"), "unknown area \"" + id + "\" in lit"};
    v.lit[*a] = true;
  }
  v.hidden = strings(t, "hidden");
  v.faded = strings(t, "faded");
  if (t.get("cut")) {
    auto cut = t["cut"].value<double>();
    if (!cut) throw ViewProblem{at("cut"), "cut should be a number from 0 to 1 (where the leg is cut)"};
    v.cut = std::clamp(static_cast<float>(*cut), 0.0f, 1.0f);
  }
  if (auto keep = t["cut_keep"].value<std::string>()) {
    if (*keep != "below" && *keep != "above") throw ViewProblem{at("cut_keep"), "cut_keep should be \"below\" or \"above\""};
    v.cut_keep_below = *keep == "below";
  }
  if (auto axis = t["cut_axis"].value<std::string>()) {
    bool known = false;
    for (CutAxis a : kCutAxes)
      if (*axis == cut_axis_name(a)) {
        v.cut_axis = a;
        known = true;
      }
    if (!known) throw ViewProblem{at("cut_axis"), "cut_axis should be \"across\", \"front-back\" or \"sideways\""};
  }
  if (t.get("technique")) {
    auto id = t["technique"].value<std::string>();
    if (!id || id->empty()) throw ViewProblem{at("technique"), "technique should be a technique's id in quotes, e.g. \"effleurage\""};
    v.technique = *id;
  }
  if (t.get("at")) {
    auto s = t["at"].value<double>();
    if (!s || !std::isfinite(*s) || *s < 0.0) throw ViewProblem{at("at"), "at should be the technique's moment in seconds (0 or more)"};
    if (v.technique.empty()) throw ViewProblem{at("at"), "at needs technique = \"...\" (the moment of which technique)"};
    v.at = *s;
  }
  if (t.get("selected")) {
    auto picked = t["selected"].value<std::string>();
    if (!picked || picked->empty())
      throw ViewProblem{at("selected"), "selected should be a structure's name in quotes, e.g. \"muscle.soleus\""};
    v.selected = *picked;
  }
  return v;
}

void write_view_keys(std::ostream& out, const SavedView& v) {
  out << std::setprecision(7);
  std::ostringstream name;
  name << std::quoted(v.name);
  out << "name = " << name.str() << "\n";
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
  if (!v.technique.empty()) {
    std::ostringstream id;
    id << std::quoted(v.technique);
    out << "technique = " << id.str() << "\nat = " << v.at << "\n";
  }
  if (!v.selected.empty()) {
    std::ostringstream picked;
    picked << std::quoted(v.selected);
    out << "selected = " << picked.str() << "\n";
  }
}

Expected<SavedView> read_view_file(const std::filesystem::path& file) {
  const std::string where = file.string();
  // Through core/files: a FIFO, device or folder given as the file is refused at once.
  const auto text = read_text_file(file);
  if (!text) return fail("cannot read the view file: " + text.error().message, where);
  if (auto bad = toml_header_problem(*text, where)) return fail(bad->message, where, bad->line);
  try {
    const toml::table t = toml::parse(*text, where);
    return read_view_keys(t, 1, false);
  } catch (const toml::parse_error& e) {
    return fail(std::string(e.description()), where, static_cast<int>(e.source().begin.line));
  } catch (const ViewProblem& b) {
    return fail(b.what, where, static_cast<int>(b.line));
  }
}

std::string view_file_text(const SavedView& view) {
  std::ostringstream out;
  out << "# An Effleura view: open it with  effleura --view THIS-FILE\n";
  write_view_keys(out, view);
  return out.str();
}

Expected<void> write_view_file(const SavedView& view, const std::filesystem::path& file) {
  const std::string text = view_file_text(view);
  auto written = write_binary_file(file, text.data(), text.size());
  if (!written) return fail("cannot write the view file: " + written.error().message, file.string());
  return {};
}

std::string view_file_name(const std::string& name) {
  std::string out;
  for (unsigned char ch : name) {
    const bool keep = std::isalnum(ch) != 0 || ch >= 0x80;  // letters of other scripts kept whole
    if (keep) out += static_cast<char>(ch);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return (out.empty() ? std::string("view") : out) + ".toml";
}

}  // namespace effleura::app
