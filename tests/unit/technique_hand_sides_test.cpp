// Which hand goes where. The model is a left leg (+X lateral, +Z anterior, +Y up). A therapist
// working from the client's feet, facing up the leg, has the client prone for the back of the
// leg (client's left = therapist's left: the left hand goes on the outer side) and supine for
// the front (client's left = therapist's right: the left hand goes on the inner side). Seen
// from outside the skin with the fingers pointing up the leg, `around` grows to the right on
// every face, so in both cases the left hand has the smaller `around` and the two thumbs point
// toward each other. Hands in the other order are crossed, which no therapist does.
//
// A few steps are done from beside the table, on the outer side of the leg (the inner side of
// a left leg faces the other leg), with the hands one above the other; they are listed below
// with the order that stance gives and why.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

#include <glm/geometric.hpp>

#include "anatomy/leg_surface.hpp"
#include "technique/timeline.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

constexpr double kDt = 0.02;
constexpr float kPi = std::numbers::pi_v<float>;

enum class Layout {
  across,      // side by side around the leg, therapist at the feet: left.around < right.around
  left_above,  // beside the table, client prone, fingers pointing away: left hand toward the head
  left_below,  // beside the table, client supine: right hand toward the head
  handover,    // lifted between two placements; in contact only where its neighbours hold the hands
  heel_and_sole,  // one hand on the sole, the other cradling the heel: no order to keep
};

enum class Thumbs {
  toward_each_other,  // the usual placement of two hands on one surface
  exempt,             // a grip in which they do not (the reason is given where it is listed)
};

struct Rule {
  const char* technique;
  std::size_t step;  // 0-based
  Layout layout;
  Thumbs thumbs;
  const char* why;
};

// Every step not listed here: Layout::across, Thumbs::toward_each_other.
const std::vector<Rule>& listed() {
  static const std::vector<Rule> rules = {
      {"calf-squeezes", 0, Layout::left_above, Thumbs::exempt,
       "client prone, from beside the table: each hand wraps the calf from the back, one above the "
       "other, fingers round one side and the thumb spread wide round the other (wrap-grip), both "
       "pointing diagonally up the leg from the web of the hand: the thumbs point round the calf, "
       "not toward the other hand"},
      {"calf-squeezes", 1, Layout::left_above, Thumbs::exempt, "same grip as step 1"},
      {"vibration", 0, Layout::left_above, Thumbs::toward_each_other,
       "flat hands across the back of the calf from beside the table, client prone, one above the other"},
      {"vibration", 1, Layout::left_above, Thumbs::toward_each_other, "the same stance, lifting over the knee"},
      {"vibration", 2, Layout::left_above, Thumbs::toward_each_other, "the same on the back of the thigh"},
      {"petrissage", 0, Layout::left_above, Thumbs::toward_each_other,
       "kneading the calf from beside the table, client prone, fingers pointing across the leg"},
      {"petrissage", 1, Layout::left_above, Thumbs::toward_each_other,
       "the same stance gliding up to the thigh"},
      {"petrissage", 2, Layout::left_above, Thumbs::toward_each_other,
       "kneading the hamstrings from beside the table, client prone"},
      {"petrissage", 3, Layout::handover, Thumbs::exempt,
       "the client turns over: the hands lift from the back of the thigh to its front"},
      {"petrissage", 4, Layout::left_below, Thumbs::toward_each_other,
       "kneading the front of the thigh from beside the table, client supine"},
      {"compression", 0, Layout::left_above, Thumbs::toward_each_other,
       "pressing the calf from beside the table, client prone (session 18): both hands across its back, "
       "one above the other, fingers wrapped round the far side"},
      {"compression", 1, Layout::left_above, Thumbs::toward_each_other, "the same stance sliding up the calf"},
      {"compression", 2, Layout::left_above, Thumbs::toward_each_other, "the same stance on the calf"},
      {"compression", 3, Layout::handover, Thumbs::exempt,
       "the client turns over: the hands lift from the back of the calf to the front of the thigh"},
      {"compression", 4, Layout::left_below, Thumbs::toward_each_other,
       "pressing the front of the thigh from beside the table, client supine (session 20): both hands "
       "across it, one above the other, fingers over the top toward the inner side"},
      {"cross-fibre", 0, Layout::left_above, Thumbs::toward_each_other,
       "thumbs across the calf from beside the table, client prone, fingers pointing across"},
      {"cross-fibre", 1, Layout::handover, Thumbs::exempt,
       "the client turns over: the hands lift from the calf to the outer thigh"},
      {"cross-fibre", 2, Layout::left_below, Thumbs::exempt,
       "outer thigh from beside the table, client supine: the fingers hang toward the table, "
       "so the thumbs lie along the band pointing away from each other"},
      {"friction", 2, Layout::across, Thumbs::exempt,
       "the lift down to the Achilles tendon ends with the left hand landing as in step 4"},
      {"friction", 3, Layout::across, Thumbs::exempt,
       "beside the Achilles tendon (session 27) the left hand reaches down from the lower calf, fingers "
       "toward the foot, so that its finger pads land in the hollow behind the outer ankle bone (with "
       "its palm at the ankle and the fingers up the leg they landed on the calf 10 cm higher): its "
       "thumb lies round toward the ankle bone, away from the right hand"},
      {"toe-taps", 0, Layout::heel_and_sole, Thumbs::exempt,
       "from the foot end, the right hand cradles the heel to steady the foot (as in ankle pumps) "
       "while the left taps the arch with three fingertips: one hand on the sole"},
      {"toe-taps", 1, Layout::heel_and_sole, Thumbs::exempt, "as step 1, the left hand tapping the ball and the toes"},
      {"ankle-pumps", 0, Layout::heel_and_sole, Thumbs::exempt, "one hand on the sole"},
      {"ankle-pumps", 1, Layout::heel_and_sole, Thumbs::exempt, "one hand on the sole"},
  };
  return rules;
}

const Rule* rule_for(const std::string& id, std::size_t step) {
  for (const Rule& r : listed())
    if (id == r.technique && step == r.step) return &r;
  return nullptr;
}

float wrapped(float a) {
  while (a > kPi) a -= 2.0f * kPi;
  while (a <= -kPi) a += 2.0f * kPi;
  return a;
}

bool pressing(const HandState& h) { return h.indentation_m > 0.0f; }  // taps included

// The thumb lies on -X of a left hand's frame and on +X of a right hand's (hand_rig.hpp).
glm::vec3 thumb_side(const HandState& h) {
  const glm::vec3 x(h.transform[0]);
  return h.hand == Hand::left ? -x : x;
}

struct Tally {
  int checked = 0;
  int wrong_side = 0;
  int wrong_thumbs = 0;
  std::string first;
};

void check_moment(const Technique& t, const TechniqueFrame& f, const Rule* rule, Tally& tally) {
  const HandState& l = f.hands[0];
  const HandState& r = f.hands[1];
  if (!pressing(l) || !pressing(r)) return;
  const Layout layout = rule ? rule->layout : Layout::across;
  if (layout == Layout::handover) return;
  ++tally.checked;
  bool side_ok = true;
  switch (layout) {
    case Layout::across:
      REQUIRE(l.on_sole == r.on_sole);
      // On the sole `around` is v (-1 inner edge .. +1 outer): seen from below with the fingers
      // toward the toes the outer edge is on the right, as `around` is on the leg.
      side_ok = l.on_sole ? r.around - l.around > 0.2f
                          : wrapped(r.around - l.around) > 10.0f * kPi / 180.0f;
      break;
    case Layout::left_above: side_ok = l.along > r.along + 0.03f; break;
    case Layout::left_below: side_ok = l.along < r.along - 0.03f; break;
    case Layout::heel_and_sole: side_ok = l.on_sole != r.on_sole; break;
    case Layout::handover: break;
  }
  bool thumbs_ok = true;
  if ((!rule || rule->thumbs == Thumbs::toward_each_other)) {
    if (layout == Layout::across && !l.on_sole) {
      // Round the leg: each thumb points along the skin toward the other hand (where the hands
      // cup opposite sides of the ankle, a straight line between the palms runs through it).
      auto toward_more_around = [](const HandState& h) {
        return glm::vec3(std::cos(h.around), 0.0f, -std::sin(h.around));
      };
      const float to_right = wrapped(r.around - l.around) >= 0.0f ? 1.0f : -1.0f;
      thumbs_ok = glm::dot(thumb_side(l), to_right * toward_more_around(l)) > 0.2f &&
                  glm::dot(thumb_side(r), -to_right * toward_more_around(r)) > 0.2f;
    } else {
      const glm::vec3 lp(l.transform[3]);
      const glm::vec3 rp(r.transform[3]);
      const glm::vec3 to_right = glm::normalize(rp - lp);
      thumbs_ok = glm::dot(thumb_side(l), to_right) > 0.2f && glm::dot(thumb_side(r), -to_right) > 0.2f;
    }
  }
  if (!side_ok) ++tally.wrong_side;
  if (!thumbs_ok) ++tally.wrong_thumbs;
  if ((!side_ok || !thumbs_ok) && tally.first.empty())
    tally.first = t.id + " step " + std::to_string(f.step + 1) + " (" + t.steps[f.step].caption +
                  ") at " + std::to_string(f.time) + " s: left along/around " + std::to_string(l.along) +
                  "/" + std::to_string(l.around * 180.0f / kPi) + ", right " + std::to_string(r.along) + "/" +
                  std::to_string(r.around * 180.0f / kPi) + (side_ok ? "" : " [sides]") +
                  (thumbs_ok ? "" : " [thumbs]");
}

}  // namespace

TEST_CASE("hands: on a left leg the left hand takes the outer side at the back and the inner at the front") {
  const anatomy::AnalyticLegSurface leg;
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const Timeline tl(t, test::real_poses(), leg);
    Tally tally;
    // Every 20 ms; every 80 ms under the sanitizers (support/sanitizer.hpp).
    for (double time = 0.0; time <= tl.duration(); time += kDt * test::kSanitizedStride) {
      const TechniqueFrame f = tl.evaluate(time);
      check_moment(t, f, rule_for(t.id, f.step), tally);
    }
    CAPTURE(tally.first);
    CHECK(tally.checked * test::kSanitizedStride > 50);  // both hands do work together in every technique
    CHECK(tally.wrong_side == 0);
    CHECK(tally.wrong_thumbs == 0);
  }
}

TEST_CASE("hands: every listed exception names a real step, and each placement it allows occurs") {
  const anatomy::AnalyticLegSurface leg;
  for (const Rule& rule : listed()) {
    CAPTURE(rule.technique);
    CAPTURE(rule.step);
    const Technique* t = test::real_library().find(rule.technique);
    REQUIRE(t != nullptr);
    REQUIRE(rule.step < t->steps.size());
    CHECK(std::string(rule.why).size() > 10);
    // The step has moments with both hands on the skin (otherwise the entry hides nothing).
    const Timeline tl(*t, test::real_poses(), leg);
    const double start = tl.step_starts()[rule.step];
    int both = 0;
    for (double time = start; time < start + static_cast<double>(t->steps[rule.step].total());
         time += kDt * test::kSanitizedStride) {
      const TechniqueFrame f = tl.evaluate(time);
      if (f.step == rule.step && pressing(f.hands[0]) && pressing(f.hands[1])) ++both;
    }
    CHECK(both > 0);
  }
}

TEST_CASE("hands: the check itself tells crossed hands from uncrossed ones") {
  // Effleurage's first step with the two hands' keyframes swapped is what the content held
  // before: the right hand on the outer side of the back of the leg, thumbs pointing apart.
  const Technique* original = test::real_library().find("effleurage");
  REQUIRE(original != nullptr);
  Technique crossed = *original;
  std::swap(crossed.steps[0].hands[0], crossed.steps[0].hands[1]);
  const anatomy::AnalyticLegSurface leg;
  for (const Technique* t : {original, static_cast<const Technique*>(&crossed)}) {
    const Timeline tl(*t, test::real_poses(), leg);
    Tally tally;
    for (double time = 0.0; time < static_cast<double>(t->steps[0].total()); time += kDt)
      check_moment(*t, tl.evaluate(time), nullptr, tally);
    REQUIRE(tally.checked > 50);
    if (t == original) {
      CHECK(tally.wrong_side == 0);
      CHECK(tally.wrong_thumbs == 0);
    } else {
      CHECK(tally.wrong_side == tally.checked);
      CHECK(tally.wrong_thumbs == tally.checked);
    }
  }
}
