#pragma once
// Hand poses (content/poses.toml): per finger three flexion angles, plus the spread between the
// fingers and the thumb's opposition, in degrees. The engine blends two poses linearly; angles
// stay within a joint's range, so a straight blend never passes through an impossible pose.
#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace effleura::technique {

enum class Finger { thumb, index, middle, ring, little };
inline constexpr std::size_t kFingerCount = 5;
inline constexpr std::array<std::string_view, kFingerCount> kFingerNames{"thumb", "index", "middle",
                                                                          "ring", "little"};

struct FingerPose {
  // flexion[finger][joint]: joint 0 is the knuckle (MCP; CMC for the thumb), 1 the middle
  // (PIP; thumb MCP), 2 the tip (DIP; thumb IP). Degrees, + flexion.
  std::array<std::array<float, 3>, kFingerCount> flexion{};
  float spread_deg = 0.0f;      // angle between neighbouring fingers
  float opposition_deg = 0.0f;  // thumb turned across the palm
  // Thumb swung out from the index in the palm's plane (radial abduction) beyond its rest 28
  // degrees: a hand that wraps a limb spreads its thumb wide so that it reaches round the
  // other side (calf squeezes' wrap-grip).
  float abduction_deg = 0.0f;
  float contact_radius_m = 0.04f;  // radius of the skin patch this pose presses
  // The intention (poses.toml `touch`, `max_curl`): which parts rest on the skin. reach[f] is 1
  // for a finger that closes joint by joint until its pad meets the skin, 0 for one that only
  // opens if it would sink in; palm_touch is 1 when the palm rests on the skin, 0 when the hand
  // works with its finger or thumb pads and the palm rises until they just touch. Both blend
  // between poses like the angles, so a change of grip is gradual.
  std::array<float, kFingerCount> reach{};
  float palm_touch = 1.0f;
  // 1 for a cupped hand (`touch` names "heel"): the heel of the hand lands with the finger pads
  // and the palm between them stays off the skin, hollow; the hand tips about its finger pads
  // until its heel meets the skin.
  float heel_touch = 0.0f;
  float max_curl_deg = 90.0f;  // no joint closes past this while reaching for the skin
  // How much of its dent a pressing hand draws the skin beside it down with it (poses.toml
  // `skin_sag`, 0-1; technique/tissue.hpp kSagM): 1 for a flat press, whose trough at the palm's
  // edge is the dent a student sees; 0 for a grip, whose fingers would groove the kneaded calf.
  float skin_sag = 0.0f;
  // A grip that holds its palm this far off the skin (poses.toml `palm_gap_mm`): the muscle is
  // taken between the thumb and the fingers, which close further to reach it, with a hollow
  // under the palm (petrissage's C grip). 0: the palm rests.
  float palm_gap_m = 0.0f;
  // The palm's arch: its ulnar side (ring and little fingers' metacarpals) and its radial side
  // (the index's) turned toward the palm (hand_rig.hpp kMaxArchDeg). Not content: the fit
  // solves them to the skin under the palm (hand_fit.cpp arch_palm); 0 flat.
  float arch_deg = 0.0f;
  float radial_arch_deg = 0.0f;

  [[nodiscard]] float joint(Finger f, int j) const {
    return flexion[static_cast<std::size_t>(f)][static_cast<std::size_t>(j)];
  }
};

// w = 0 gives a, w = 1 gives b.
[[nodiscard]] FingerPose blend(const FingerPose& a, const FingerPose& b, float w);

struct NamedPose {
  std::string name;
  std::string description;
  FingerPose pose;
};

class PoseLibrary {
 public:
  [[nodiscard]] std::optional<std::size_t> index(std::string_view name) const;
  [[nodiscard]] const FingerPose& at(std::size_t i) const { return poses_[i].pose; }
  [[nodiscard]] const NamedPose& named(std::size_t i) const { return poses_[i]; }
  [[nodiscard]] std::size_t size() const { return poses_.size(); }
  [[nodiscard]] std::string names() const;  // "a, b, c" for error messages
  void add(NamedPose p) { poses_.push_back(std::move(p)); }

 private:
  std::vector<NamedPose> poses_;
};

// The parts a pose's `touch` may name: "palm", "heel" (of the hand), "fingers" (the four), or
// one finger's name.
inline constexpr std::string_view kTouchParts = "palm, heel, fingers, thumb, index, middle, ring, little";

// The poses every technique may rely on; load_poses fails if one is missing.
inline constexpr std::array<std::string_view, 6> kRequiredPoses{
    "flat-palm", "kneading-grip", "fingertips", "thumb-pads", "cupped", "loose-fist"};

Expected<PoseLibrary> load_poses(const std::filesystem::path& file);
Expected<PoseLibrary> load_poses_from_string(std::string_view text, const std::string& source_name);

}  // namespace effleura::technique
