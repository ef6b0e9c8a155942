#pragma once
// Grades a stroke on what the technique's own content says: its direction, its target areas,
// its typical pressure and each area's pressure range (content/areas.toml), its tempo, and the
// light-only areas it must not press into (behind the knee, the shin, the ankle bones). What
// "right" looks like for speed is measured from the demonstration itself (its main step), so
// the demonstration's own stroke scores full marks and an instructor who edits the technique
// file changes the yardstick with it. Each grade carries one sentence of coaching. No GL.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "anatomy/area_content.hpp"
#include "practice/rules.hpp"
#include "practice/stroke.hpp"
#include "technique/technique.hpp"
#include "technique/timeline.hpp"

namespace effleura::practice {

enum class Criterion { avoid, direction, area, pressure, speed, rhythm };
inline constexpr std::size_t kCriterionCount = 6;
inline constexpr std::array<std::string_view, kCriterionCount> kCriterionNames{
    "safety", "direction", "area", "pressure", "speed", "rhythm"};

struct Grade {
  bool applies = false;   // false: the technique says nothing about it (or too little stroke to tell)
  bool pass = false;
  float score = 0.0f;     // 0..1
  std::string coaching;   // one sentence, our own words
};

struct StrokeGrades {
  std::array<Grade, kCriterionCount> grades;
  float score = 0.0f;     // mean of the grades that apply, 0..1
  std::string summary;    // what was right, and the one thing to change
  [[nodiscard]] const Grade& operator[](Criterion c) const { return grades[static_cast<std::size_t>(c)]; }
};

// The demonstration's yardstick, measured once per technique from its main step, with the
// file's grading rules (the caller loads them: measure_reference leaves the defaults, and
// takes a tempo override from `rules` when given).
struct Reference {
  float speed_m_s = 0.0f;     // mean speed of the lead hand over the skin while it presses
  float pressure_mmhg = 0.0f; // the technique's typical peak (its file's pressure_mmhg)
  double cycle_s = 0.0;       // 60 / tempo
  Stroke demo;                // the lead hand's first pressing run of the main step
  Rules rules;                // the technique file's [practice] table (defaults where silent)
  std::vector<Spot> spots;    // where not to press (avoid_spots), in the leg's frame
};
Reference measure_reference(const technique::Technique& technique, const technique::Timeline& timeline,
                            Rules rules = {});

// `since_last_s`: time from the previous stroke's start to this one's (none for the first).
StrokeGrades grade(const Stroke& stroke, const technique::Technique& technique, const Reference& reference,
                   const anatomy::AreaContent& areas, std::optional<double> since_last_s = std::nullopt);

}  // namespace effleura::practice
