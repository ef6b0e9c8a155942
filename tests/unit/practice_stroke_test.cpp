// Practice mode (src/practice): synthetic strokes on the analytic leg, graded against the real
// technique files, and the hands they put on the skin.
#include <doctest/doctest.h>

#include "practice_test_support.hpp"

#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

#include "anatomy/area_content.hpp"
#include "anatomy/leg_surface.hpp"
#include "practice/grading.hpp"
#include "practice/stroke.hpp"

using namespace effleura;
using practice::Criterion;

namespace {

using test::areas;
using test::kDeg;
using test::leg;

const technique::Technique& tech(const std::string& id) {
  const auto* t = test::real_library().find(id);
  REQUIRE(t != nullptr);
  return *t;
}

// A straight stroke in surface coordinates, sampled at 30 Hz as the pointer would give it.
practice::Stroke line(float along0, float along1, float around_deg, double seconds, float mmhg, double start = 0.0) {
  practice::Stroke s;
  const int n = std::max(2, static_cast<int>(seconds * 30.0));
  for (int i = 0; i <= n; ++i) {
    const float f = static_cast<float>(i) / static_cast<float>(n);
    const float along = along0 + (along1 - along0) * f;
    const glm::vec3 p = leg().position(along, around_deg * kDeg);
    s.samples.push_back(practice::sample_at(leg(), start + seconds * f, p, mmhg));
  }
  return s;
}

struct Graded {
  practice::Reference ref;
  const technique::Technique* t = nullptr;
  practice::StrokeGrades operator()(const practice::Stroke& s, std::optional<double> since = std::nullopt) const {
    return practice::grade(s, *t, ref, areas(), since);
  }
};

Graded grader(const std::string& id) {
  Graded g;
  g.t = &tech(id);
  const technique::Timeline timeline(*g.t, test::real_poses(), leg());
  // The technique file's own [practice] rules, as the app grades with them.
  auto rules = practice::load_rules(g.t->file);
  if (!rules) FAIL(rules.error().describe());
  CHECK(rules->from_content);
  g.ref = practice::measure_reference(*g.t, timeline, *rules);
  return g;
}

}  // namespace

TEST_CASE("practice: the demonstration's own effleurage stroke scores full marks") {
  const Graded g = grader("effleurage");
  REQUIRE(g.ref.demo.samples.size() > 20);
  // The demonstration's glide: ~0.78 m of leg in ~4.6 s of contact.
  CHECK(g.ref.speed_m_s > 0.1f);
  CHECK(g.ref.speed_m_s < 0.3f);
  CHECK(g.ref.cycle_s == doctest::Approx(8.0));
  const auto r = g(g.ref.demo, g.ref.cycle_s);
  INFO(r.summary);
  for (std::size_t i = 0; i < practice::kCriterionCount; ++i) {
    INFO(practice::kCriterionNames[i], ": ", r.grades[i].coaching);
    CHECK(r.grades[i].applies);
    CHECK(r.grades[i].pass);
  }
  CHECK(r.score == doctest::Approx(1.0f));
}

TEST_CASE("practice: a light glide up the back of the calf passes, the same stroke down the leg fails on direction") {
  const Graded g = grader("effleurage");
  const auto up = g(line(0.15f, 0.42f, 180.0f, 1.6, 12.0f));
  INFO(up.summary);
  CHECK(up[Criterion::direction].pass);
  CHECK(up[Criterion::area].pass);
  CHECK(up[Criterion::pressure].pass);
  CHECK(up[Criterion::avoid].pass);
  CHECK(up[Criterion::speed].pass);
  CHECK_FALSE(up[Criterion::rhythm].applies);  // a first stroke has no rhythm yet
  CHECK(up.score == doctest::Approx(1.0f));

  const auto down = g(line(0.42f, 0.15f, 180.0f, 1.6, 12.0f));
  INFO(down.summary);
  CHECK_FALSE(down[Criterion::direction].pass);
  CHECK(down[Criterion::area].pass);
  CHECK(down.score < up.score);
  CHECK(down.summary.find("away from the heart") != std::string::npos);
}

TEST_CASE("practice: deep pressure behind the knee fails the avoid rule and says why") {
  const Graded g = grader("effleurage");
  const auto deep = g(line(0.44f, 0.56f, 180.0f, 0.8, 45.0f));
  INFO(deep.summary);
  CHECK_FALSE(deep[Criterion::avoid].pass);
  CHECK(deep[Criterion::avoid].coaching.find("behind the knee") != std::string::npos);
  CHECK(deep.summary.find("behind the knee") != std::string::npos);  // safety comes first
  // The same path lightly is fine.
  const auto light = g(line(0.44f, 0.56f, 180.0f, 0.8, 8.0f));
  CHECK(light[Criterion::avoid].pass);
  CHECK(light.score > deep.score);
}

TEST_CASE("practice: too fast, too light, off the area and out of rhythm each get their own coaching") {
  const Graded g = grader("effleurage");
  const auto fast = g(line(0.15f, 0.80f, 180.0f, 0.5, 12.0f));
  CHECK_FALSE(fast[Criterion::speed].pass);
  CHECK(fast[Criterion::speed].coaching.find("Slow down") != std::string::npos);
  const auto feather = g(line(0.15f, 0.42f, 180.0f, 1.6, 2.0f));
  CHECK_FALSE(feather[Criterion::pressure].pass);
  CHECK(feather[Criterion::pressure].coaching.find("Press a little more") != std::string::npos);
  // Compression works the calves and the front of the thigh: the back of the thigh is off its areas.
  const Graded c = grader("compression");
  const auto off = c(line(0.60f, 0.80f, 180.0f, 1.0, 50.0f));
  INFO(off.summary);
  CHECK_FALSE(off[Criterion::area].pass);
  CHECK(off[Criterion::area].coaching.find("calves") != std::string::npos);
  const auto on = c(line(0.20f, 0.40f, 180.0f, 1.0, 50.0f));
  CHECK(on[Criterion::area].pass);
  // Rhythm: effleurage is a stroke every 8 s.
  const auto steady = g(line(0.15f, 0.42f, 180.0f, 1.6, 12.0f), 8.5);
  const auto hurried = g(line(0.15f, 0.42f, 180.0f, 1.6, 12.0f), 3.0);
  CHECK(steady[Criterion::rhythm].pass);
  CHECK_FALSE(hurried[Criterion::rhythm].pass);
}

TEST_CASE("practice: the student's hand sits on the picked point facing the stroke, effleurage's second hand mirrors") {
  const auto comp = practice::companion_of(tech("effleurage"));
  CHECK(comp.kind == practice::Companion::Kind::mirror);
  // Where the two hands first press in the file: right 225, left 105 degrees (85 until session 24).
  CHECK(comp.d_around == doctest::Approx(-120.0f * kDeg).epsilon(0.01));
  for (const bool upward : {true, false}) {
    const auto s = upward ? line(0.20f, 0.35f, 200.0f, 1.0, 15.0f) : line(0.35f, 0.20f, 200.0f, 1.0, 15.0f);
    const auto f = practice::hands_at(s, comp, true, test::real_poses(), leg());
    REQUIRE(f.contact_count == 2);
    const auto& lead = f.hands[comp.lead];
    CHECK(lead.contact);
    CHECK(lead.pressure_mmhg == doctest::Approx(15.0f));
    // The palm centre on the skin under the last picked point (dented and fitted by the same
    // hand solver as the demonstrations: within a couple of centimetres).
    CHECK(glm::length(glm::vec3(lead.transform[3]) - s.samples.back().point) < 0.02f);
    // Fingers (local +Z) point the way the stroke goes.
    const glm::vec3 fingers = glm::normalize(glm::vec3(lead.transform[2]));
    CHECK(fingers.y * (upward ? 1.0f : -1.0f) > 0.8f);
    // The other hand at the content's offset round the leg, pressing too.
    const auto& other = f.hands[1 - comp.lead];
    CHECK(other.contact);
    CHECK(std::abs(other.around - (200.0f - 120.0f) * kDeg) < 0.05f);
  }
  // Lifted: no contacts, hands above the skin.
  const auto lifted = practice::hands_at(line(0.2f, 0.3f, 180.0f, 0.5, 15.0f), comp, false, test::real_poses(), leg());
  CHECK(lifted.contact_count == 0);
}

TEST_CASE("practice: every technique gives a reference and puts the student's hand on the skin") {
  for (const auto& t : test::real_library().all()) {
    INFO(t.id);
    const auto comp = practice::companion_of(t);
    const technique::Timeline timeline(t, test::real_poses(), leg());
    const auto ref = practice::measure_reference(t, timeline);
    CHECK(ref.cycle_s > 0.0);
    const auto f = practice::hands_at(line(0.20f, 0.30f, 180.0f, 0.5, 20.0f), comp, true, test::real_poses(), leg());
    CHECK(f.hands[comp.lead].contact);
    CHECK(f.contact_count >= 1);
  }
}

TEST_CASE("practice: where the content's hands take turns, the second hand repeats the stroke that much later") {
  // One 4 s cycle: the right hand presses from 0.5 s, the left from 2.5 s, 0.3 rad further round.
  technique::Technique t;
  t.tempo = 15.0f;
  technique::Step s;
  s.duration = 4.0f;
  auto k = [](float time, float around, bool on) {
    technique::Keyframe key;
    key.t = time;
    key.a = 0.3f;
    key.b = around;
    key.contact = on;
    key.pressure_mmhg = on ? 20.0f : 0.0f;
    key.lift_m = on ? 0.0f : 0.03f;
    return key;
  };
  s.hands[1] = {k(0.0f, 3.0f, false), k(0.5f, 3.0f, true), k(1.5f, 3.0f, true), k(2.0f, 3.0f, false), k(4.0f, 3.0f, false)};
  s.hands[0] = {k(0.0f, 3.3f, false), k(2.5f, 3.3f, true), k(3.5f, 3.3f, true), k(4.0f, 3.3f, false)};
  t.steps.push_back(s);
  const auto comp = practice::companion_of(t);
  REQUIRE(comp.kind == practice::Companion::Kind::alternate);
  CHECK(comp.lead == 1);
  CHECK(comp.delay_s == doctest::Approx(2.0));
  CHECK(comp.d_around == doctest::Approx(0.3f));
  // 1 s into a stroke the second hand has not started; 3 s in it presses where the first was at 1 s.
  const auto early = practice::hands_at(line(0.20f, 0.40f, 180.0f, 1.0, 20.0f), comp, true, test::real_poses(), leg());
  CHECK(early.hands[1].contact);
  CHECK_FALSE(early.hands[0].contact);
  const auto stroke = line(0.20f, 0.50f, 180.0f, 3.0, 20.0f);
  const auto later = practice::hands_at(stroke, comp, true, test::real_poses(), leg());
  CHECK(later.hands[0].contact);
  CHECK(later.hands[0].along == doctest::Approx(0.30f).epsilon(0.02));  // where the lead hand was at 1 s
}
