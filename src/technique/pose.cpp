#include "technique/pose.hpp"

#include <algorithm>

#include "core/toml_reader.hpp"

namespace effleura::technique {

FingerPose blend(const FingerPose& a, const FingerPose& b, float w) {
  const float k = std::clamp(w, 0.0f, 1.0f);
  auto mix = [k](float x, float y) { return x + (y - x) * k; };
  FingerPose out;
  for (std::size_t f = 0; f < kFingerCount; ++f)
    for (std::size_t j = 0; j < 3; ++j) out.flexion[f][j] = mix(a.flexion[f][j], b.flexion[f][j]);
  out.spread_deg = mix(a.spread_deg, b.spread_deg);
  out.opposition_deg = mix(a.opposition_deg, b.opposition_deg);
  out.abduction_deg = mix(a.abduction_deg, b.abduction_deg);
  out.contact_radius_m = mix(a.contact_radius_m, b.contact_radius_m);
  for (std::size_t f = 0; f < kFingerCount; ++f) out.reach[f] = mix(a.reach[f], b.reach[f]);
  out.palm_touch = mix(a.palm_touch, b.palm_touch);
  out.heel_touch = mix(a.heel_touch, b.heel_touch);
  out.max_curl_deg = mix(a.max_curl_deg, b.max_curl_deg);
  out.skin_sag = mix(a.skin_sag, b.skin_sag);
  out.palm_gap_m = mix(a.palm_gap_m, b.palm_gap_m);
  out.arch_deg = mix(a.arch_deg, b.arch_deg);
  out.radial_arch_deg = mix(a.radial_arch_deg, b.radial_arch_deg);
  return out;
}

std::optional<std::size_t> PoseLibrary::index(std::string_view name) const {
  for (std::size_t i = 0; i < poses_.size(); ++i)
    if (poses_[i].name == name) return i;
  return std::nullopt;
}

std::string PoseLibrary::names() const {
  std::string out;
  for (const auto& p : poses_) out += (out.empty() ? "" : ", ") + p.name;
  return out;
}

namespace {

// `touch`: the parts that rest on the skin. Absent: the palm alone (fingers keep their angles
// unless they would sink in).
Expected<void> read_touch(const TomlTable& t, FingerPose& pose) {
  pose.reach.fill(0.0f);
  pose.palm_touch = 1.0f;
  pose.heel_touch = 0.0f;
  if (!t.has("touch")) return {};
  auto parts = t.strings("touch");
  if (!parts) return std::unexpected(parts.error());
  if (parts->empty()) return std::unexpected(t.error_at("touch", "must name at least one part: " + std::string(kTouchParts)));
  pose.palm_touch = 0.0f;
  for (const std::string& part : *parts) {
    if (part == "palm") {
      pose.palm_touch = 1.0f;
    } else if (part == "heel") {
      pose.heel_touch = 1.0f;
    } else if (part == "fingers") {
      for (std::size_t f = 1; f < kFingerCount; ++f) pose.reach[f] = 1.0f;
    } else if (auto it = std::find(kFingerNames.begin(), kFingerNames.end(), part); it != kFingerNames.end()) {
      pose.reach[static_cast<std::size_t>(it - kFingerNames.begin())] = 1.0f;
    } else {
      return std::unexpected(
          t.error_at("touch", "unknown part '" + part + "': expected " + std::string(kTouchParts)));
    }
  }
  return {};
}

Expected<PoseLibrary> read_poses(const toml::table& root, const std::string& file) {
  PoseLibrary lib;
  TomlTable top(root, file);
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    auto t = top.table(name);
    if (!t) return std::unexpected(t.error());
    std::vector<std::string> known{"description", "spread", "opposition", "abduction", "contact_radius_mm", "touch", "max_curl", "palm_gap_mm", "skin_sag"};
    for (auto f : kFingerNames) known.emplace_back(f);
    if (auto ok = t->only_keys(known); !ok) return std::unexpected(ok.error());
    NamedPose p;
    p.name = name;
    p.description = t->optional_string("description").value_or("");
    for (std::size_t f = 0; f < kFingerCount; ++f) {
      auto v = t->numbers(kFingerNames[f], 3);
      if (!v) return std::unexpected(v.error());
      for (std::size_t j = 0; j < 3; ++j) {
        // Hyperextension to -30 degrees (a flat palm pressing) up to a full fist at 110.
        if ((*v)[j] < -30.0 || (*v)[j] > 110.0)
          return std::unexpected(t->error_at(kFingerNames[f],
                                             "joint flexion must be from -30 to 110 degrees"));
        p.pose.flexion[f][j] = static_cast<float>((*v)[j]);
      }
    }
    auto spread = t->number_or("spread", 0.0, -5.0, 30.0);
    if (!spread) return std::unexpected(spread.error());
    auto opp = t->number_or("opposition", 0.0, 0.0, 90.0);
    if (!opp) return std::unexpected(opp.error());
    auto abd = t->number_or("abduction", 0.0, 0.0, 90.0);
    if (!abd) return std::unexpected(abd.error());
    auto radius = t->number("contact_radius_mm", 3.0, 80.0);
    if (!radius) return std::unexpected(radius.error());
    p.pose.spread_deg = static_cast<float>(*spread);
    p.pose.opposition_deg = static_cast<float>(*opp);
    p.pose.abduction_deg = static_cast<float>(*abd);
    p.pose.contact_radius_m = static_cast<float>(*radius * 1e-3);
    if (auto touch = read_touch(*t, p.pose); !touch) return std::unexpected(touch.error());
    auto curl = t->number_or("max_curl", 90.0, 0.0, 110.0);
    if (!curl) return std::unexpected(curl.error());
    p.pose.max_curl_deg = static_cast<float>(*curl);
    auto gap = t->number_or("palm_gap_mm", 0.0, 0.0, 30.0);
    if (!gap) return std::unexpected(gap.error());
    if (*gap > 0.0 && p.pose.palm_touch < 1.0f)
      return std::unexpected(t->error_at("palm_gap_mm", "a palm held off the skin needs \"palm\" in touch (the fingers close round the limb only on a gripping hand)"));
    p.pose.palm_gap_m = static_cast<float>(*gap * 1e-3);
    auto sag = t->number_or("skin_sag", 0.0, 0.0, 1.0);
    if (!sag) return std::unexpected(sag.error());
    p.pose.skin_sag = static_cast<float>(*sag);
    lib.add(std::move(p));
  }
  for (auto req : kRequiredPoses)
    if (!lib.index(req))
      return fail("pose '" + std::string(req) + "' is missing; techniques rely on it", file, 1, 1,
                  std::string(req));
  return lib;
}

}  // namespace

Expected<PoseLibrary> load_poses_from_string(std::string_view text, const std::string& source_name) {
  auto root = parse_toml_string(text, source_name);
  if (!root) return std::unexpected(root.error());
  return read_poses(*root, source_name);
}

Expected<PoseLibrary> load_poses(const std::filesystem::path& file) {
  auto root = parse_toml_file(file);
  if (!root) return std::unexpected(root.error());
  return read_poses(*root, file.string());
}

}  // namespace effleura::technique
