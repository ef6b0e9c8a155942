#include "forge/extra_content.hpp"

#include <array>

#include "core/toml_reader.hpp"

namespace effleura::forge {
namespace {

template <class T>
std::unexpected<Error> bad(const Expected<T>& e) {
  return std::unexpected(e.error());
}

bool valid_id(const std::string& id) {
  return !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

}  // namespace

Expected<std::vector<NamedPoint>> load_palpable(const std::filesystem::path& file, const Description& d) {
  auto parsed = parse_toml_file(file);
  if (!parsed) return bad(parsed);
  const TomlTable root(*parsed, file.string());
  if (auto k = root.only_keys({"landmark"}); !k) return bad(k);
  auto list = root.tables("landmark");
  if (!list) return bad(list);
  std::vector<NamedPoint> out;
  for (const auto& t : *list) {
    if (auto k = t.only_keys({"at", "name"}); !k) return bad(k);
    auto at = t.string("at");
    if (!at) return bad(at);
    const Landmark* l = d.landmark(*at);
    if (!l) return std::unexpected(t.error_at("at", "unknown landmark \"" + *at + "\" (see leg.toml [landmarks])"));
    auto name = t.string("name");
    if (!name) return bad(name);
    if (name->empty()) return std::unexpected(t.error_at("name", "expected the name a student reads"));
    out.push_back({*name, *at, l->p});
  }
  return out;
}

Expected<std::vector<Vessel>> load_vessels(const std::filesystem::path& file, const std::string& kind) {
  auto parsed = parse_toml_file(file);
  if (!parsed) return bad(parsed);
  const TomlTable root(*parsed, file.string());
  if (auto k = root.only_keys({kind}); !k) return bad(k);
  auto list = root.tables(kind);
  if (!list) return bad(list);
  std::vector<Vessel> out;
  for (const auto& t : *list) {
    if (auto k = t.only_keys({"id", "name", "points"}); !k) return bad(k);
    Vessel v;
    auto id = t.string("id");
    if (!id) return bad(id);
    if (!valid_id(*id)) return std::unexpected(t.error_at("id", "ids use lower-case letters, digits and '-'"));
    for (const auto& other : out)
      if (other.line.id == *id) return std::unexpected(t.error_at("id", "id \"" + *id + "\" is used twice"));
    auto name = t.string("name");
    if (!name) return bad(name);
    v.line.id = *id;
    v.line.name = *name;
    v.mesh_name = kind + "." + *id;
    const toml::node* pts = t.raw().get("points");
    const toml::array* arr = pts ? pts->as_array() : nullptr;
    if (!arr || arr->size() < 2)
      return std::unexpected(t.error_at("points", "expected at least two rows of [x, y, z, radius] in metres"));
    for (const auto& row : *arr) {
      const toml::array* r = row.as_array();
      std::array<float, 4> x{};
      bool ok = r && r->size() == 4;
      for (std::size_t i = 0; ok && i < 4; ++i) {
        const auto value = (*r)[i].value<double>();
        ok = value.has_value();
        if (ok) x[i] = static_cast<float>(*value);
      }
      if (!ok || !(x[3] > 0.0f && x[3] < 0.05f) || !(x[1] > -0.5f && x[1] < 3.0f))
        return std::unexpected(Error{"expected [x, y, z, radius] in metres, radius between 0 and 0.05", t.file(),
                                     static_cast<int>(row.source().begin.line),
                                     static_cast<int>(row.source().begin.column), t.qualified("points")});
      v.line.points.emplace_back(x[0], x[1], x[2]);
      v.line.radii_m.push_back(x[3]);
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace effleura::forge
