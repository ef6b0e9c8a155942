#include "practice/wording.hpp"

#include <array>

#include "core/placeholders.hpp"
#include "practice/grading.hpp"

namespace effleura::practice {
namespace {

// The grading's English, by key: en.toml's [practice.grade] says the same (a test compares them).
constexpr EnglishPhrase kEnglish[] = {
    {"up-good", "Good: the stroke ran up the leg toward the heart."},
    {"up-down", "This stroke ran down the leg, away from the heart: press going up, and bring the hand back down without pressure."},
    {"up-across", "Glide along the leg toward the heart; this stroke went mostly across or back and forth."},
    {"across-good", "Good: you worked across the muscle fibres."},
    {"across-fail", "Work across the muscle, round the leg, rather than along it."},
    {"circles-good", "Good: small circles, as the technique asks."},
    {"circles-fail", "Move in small circles here rather than in a straight line."},
    {"in-place-good", "Good: the hand stayed in place."},
    {"in-place-fail", "Keep the hand in one place for this technique instead of gliding."},
    {"too-short", "Press and drag on the leg to make a stroke."},
    {"vein", "You pressed over {spot} at {pressed} mmHg: keep to the lightest touch there (under {limit} mmHg) or work around it; no deep pressure over varicose veins."},
    {"varicose-spot", "a marked varicose vein ({vein})"},
    {"bone", "Too hard over a bony point, the {spot}, at {pressed} mmHg. Bone lies right under the skin there with no muscle to cushion it: glide over it lightly (under {limit} mmHg)."},
    {"on-area", "over {area}"},
    {"light-area", "Too hard {area}, which takes light pressure only (up to {limit} mmHg; you reached {pressed})."},
    {"avoid-good", "Good: you stayed light where the leg needs it."},
    {"area-good", "Good: the stroke stayed on the technique's areas."},
    {"and", " and "},
    {"area-fail", "Only {share} % of this stroke was on the right areas: {technique} is for the {areas}."},
    {"more", "Press a little more: this stroke averaged {mean} mmHg, and {technique} works at about {typical} mmHg."},
    {"lighter", "Lighter: this stroke averaged {mean} mmHg, and {technique} is a {pressure} technique, about {typical} mmHg."},
    {"ease-off", "Ease off {area}: it takes up to {limit} mmHg, you reached {pressed}."},
    {"pressure-good", "Good: about {mean} mmHg, right for this technique and this part of the leg."},
    {"slower", "Slow down: you moved at {speed} cm/s; the demonstration glides at about {demo} cm/s."},
    {"quicker", "A little quicker: you moved at {speed} cm/s; the demonstration glides at about {demo} cm/s."},
    {"speed-good", "Good: an even pace, about {speed} cm/s."},
    {"rhythm-good", "Good rhythm: a stroke every {gap} s."},
    {"rhythm-fail", "Rhythm: this stroke came {gap} s after the last; aim for one every {cycle} s."},
    {"well-done", "Well done: {right} all right."},
    {"got-right", "Right: {right}."},
    {"change", "Change: {change}"},
};

Wording& current() {
  static Wording w;
  return w;
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z')) s[0] += 'a' - 'A';
  return s;
}

}  // namespace

void set_wording(Wording wording) { current() = std::move(wording); }
bool wording_is_english() { return !current().phrase; }

std::span<const EnglishPhrase> english_phrases() { return kEnglish; }

std::string phrase(std::string_view key, const Values& values) {
  std::string_view english;
  for (const EnglishPhrase& e : kEnglish)
    if (e.key == key) english = e.text;
  const Wording& w = current();
  const char* own = w.phrase ? w.phrase("practice.grade." + std::string(key)) : nullptr;
  return fill_placeholders(own ? std::string(own) : std::string(english), values);
}

std::string criterion_name(std::size_t criterion) {
  const std::string_view english = kCriterionNames[criterion];
  const Wording& w = current();
  const char* own = w.phrase ? w.phrase("practice.criterion." + std::string(english)) : nullptr;
  return own ? std::string(own) : std::string(english);
}

std::string area_name(const anatomy::AreaInfo& area) {
  const Wording& w = current();
  return w.area ? w.area(area) : lower_first(area.name);
}

// English: "over the shin", but "behind the knee" (an area named by where it lies reads
// without "over the"); another language says it with its own practice.grade.on-area, {area}
// being the area's title there.
std::string area_here(const anatomy::AreaInfo& area) {
  if (!wording_is_english()) return phrase("on-area", {{"area", area_name(area)}});
  const std::string name = lower_first(area.name);
  return name.starts_with("behind ") ? name : "over the " + name;
}

std::string area_first_caution(const anatomy::AreaInfo& area) {
  const Wording& w = current();
  if (w.area_caution) return w.area_caution(area);
  return area.cautions.empty() ? std::string() : area.cautions.front();
}

std::string technique_name(const technique::Technique& technique) {
  const Wording& w = current();
  return w.technique ? w.technique(technique) : technique.name;
}

std::string pressure_word(std::string_view pressure) {
  const Wording& w = current();
  return w.pressure ? w.pressure(pressure) : std::string(pressure);
}

std::string spot_name(const Spot& spot) {
  const Wording& w = current();
  if (w.spot) return w.spot(spot);
  return spot.vein ? spot.name : lower_first(spot.name);
}

}  // namespace effleura::practice
