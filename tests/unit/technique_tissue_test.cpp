// The soft tissue the renderer shows (technique/tissue.hpp; shaders/model.vert moves the skin
// by the same formula): the dent is as deep as the modelled indentation under a pressing hand
// with the volume raised round it, it fills after the hand eases, kneading lifts a fold between
// the hands, and the hands do not sink into the skin as drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include <glm/geometric.hpp>

#include "technique/hand_contact.hpp"
#include "technique/tissue.hpp"
#include "technique_flesh_gap.hpp"
#include "technique_test_support.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using namespace effleura::technique;

namespace {

// The skin's outward normal at the section through p (radial round the leg's axis).
glm::vec3 skin_normal(const anatomy::LegSurface& s, const glm::vec3& p) {
  const glm::vec3 c = anatomy::LegSurface::axis(p.y);
  return s.normal(p.y, std::atan2(p.x - c.x, p.z - c.z));
}

// Deepest any flesh of the hand lies inside the skin as drawn (negative, metres): the same
// points as hand_contact.cpp's measure (palm underside grid, each phalanx's start, middle and
// tip with its radius), against the undented leg moved by the drawn tissue.
float deepest_in_drawn_skin(const anatomy::LegSurface& s, const TissueShape& tissue, const HandShape& shape) {
  float deepest = 0.0f;
  auto flesh = [&](const glm::vec3& p, float radius) {
    if (p.y < s.min_along()) return;
    // The drawn skin over p: the undented skin point on p's radial line, moved in.
    const glm::vec3 n = skin_normal(s, p);
    const float out = s.radial_outside(p);
    const float d = out + skin_displacement(tissue, p - n * out, n) - radius;
    deepest = std::min(deepest, d);
  };
  const HandPart& palm = shape.parts[0];
  const glm::vec3 across(palm.frame[0]), back(palm.frame[1]), along(palm.frame[2]);
  const glm::vec3 centre = glm::vec3(palm.frame[3]) - back * palm.radius.y;
  for (int i = -1; i <= 1; ++i)
    for (int k = 0; k <= 2; ++k)
      flesh(centre + across * (0.8f * palm.radius.x * static_cast<float>(i)) +
                along * (palm.length * (0.1f + 0.4f * static_cast<float>(k))),
            0.0f);
  for (std::size_t f = 0; f < kFingerCount; ++f)
    for (std::size_t j = 0; j < 3; ++j) {
      if (f == 0 && j == 0) continue;
      const HandPart& part = shape.parts[hand_part(f, j)];
      const glm::vec3 start(part.frame[3]);
      for (const glm::vec3& p : {start, 0.5f * (start + part.tip), part.tip}) flesh(p, part.radius.y);
    }
  return deepest;
}

}  // namespace

TEST_CASE("tissue: the dent's rim holds the volume pushed out of it") {
  CHECK(tissue_profile(0.0f) == doctest::Approx(1.0f).epsilon(1e-4));
  // Integral of g over the plane (2 pi r dr), numerically: the dent and the rim cancel.
  double dent = 0.0, net = 0.0;
  for (int i = 0; i < 4000; ++i) {
    const double r = (i + 0.5) * 0.001;
    const double g = tissue_profile(static_cast<float>(r));
    net += g * 2.0 * std::numbers::pi * r * 0.001;
    dent += std::exp(-2.0 * r * r) * 2.0 * std::numbers::pi * r * 0.001;
  }
  CHECK(std::abs(net) < 0.02 * dent);
  CHECK(tissue_profile(1.1f) < -0.3f);  // the rim stands out
  CHECK(tissue_profile(2.5f) == doctest::Approx(0.0f).epsilon(1e-4));
}

TEST_CASE("tissue: compression dents the skin by the indentation, raises a rim, and the dent fills after release") {
  const Timeline tl = test::shipped_timeline("compression");
  const auto& s = test::shipped_surface();
  // The first press of the right hand (step 1: lands at 0.4 s, presses to 0.8 s, holds to 1.4 s
  // while the pressure builds, eases by 2.0 s and lifts off by 2.35 s).
  const TechniqueFrame hold = tl.evaluate(1.2);
  const HandState& hand = hold.hands[1];
  REQUIRE(hand.indentation_m > 0.002f);
  const TissueShape held = tissue_shape(tl, hold, s);
  const TissueDent& d = held.dents[1];
  CHECK(d.depth == doctest::Approx(hand.indentation_m).epsilon(1e-4));
  // Under the palm's middle the skin is in by the indentation, where the palm rests.
  CHECK(skin_displacement(held, d.centre, d.axis) == doctest::Approx(hand.indentation_m).epsilon(0.01));
  // Round the hand the skin is raised: over a 24 cm square of skin round the dent, the
  // highest point stands out by at least half the rim's height, and the volume raised matches
  // the volume pressed in within a factor of two (an estimate from the hand's outline).
  const glm::vec3 t1 = glm::normalize(glm::cross(d.axis, glm::vec3(0, 1, 0)));
  const glm::vec3 t2 = glm::cross(d.axis, t1);
  float highest = 0.0f;
  double in = 0.0, out = 0.0;
  for (int i = -60; i <= 60; ++i)
    for (int j = -60; j <= 60; ++j) {
      const glm::vec3 q0 = d.centre + t1 * (0.002f * static_cast<float>(i)) + t2 * (0.002f * static_cast<float>(j));
      const glm::vec3 n = skin_normal(s, q0);
      const glm::vec3 q = q0 - n * s.radial_outside(q0);
      const float disp = skin_displacement(held, q, n);
      highest = std::min(highest, disp);
      (disp > 0.0f ? in : out) += std::abs(disp) * 4e-6;
    }
  CHECK(highest < -0.5f * held.rim[1]);
  CHECK(out > 0.5 * in);
  CHECK(out < 2.0 * in);
  MESSAGE("compression dent: pressed in " << in * 1e6 << " cm3, raised " << out * 1e6 << " cm3, rim "
                                         << -highest * 1000.0f << " mm");
  // Pressing in, the dent deepens with the pressure (the palm lands at 0.4 s and presses
  // harder until 1.4 s).
  float last = 0.0f;
  for (double t = 0.5; t <= 1.35; t += 0.1) {
    const TechniqueFrame f = tl.evaluate(t);
    const float depth = tissue_shape(tl, f, s).dents[1].depth;
    CHECK(depth > last);
    last = depth;
  }
  // Released (pressure back to 8 mmHg by 2.0 s), the dent is deeper than the hand now presses
  // and fills over the next few tenths of a second.
  const TechniqueFrame released = tl.evaluate(2.05);
  const float d_release = tissue_shape(tl, released, s).dents[1].depth;
  CHECK(d_release > released.hands[1].indentation_m + 0.0002f);
  const TechniqueFrame later = tl.evaluate(2.35);
  const float d_later = tissue_shape(tl, later, s).dents[1].depth;
  CHECK(d_later < d_release);
  CHECK(d_later >= later.hands[1].indentation_m);
}

TEST_CASE("tissue: petrissage and calf squeezes lift a fold between the hands") {
  const auto& s = test::shipped_surface();
  for (const char* id : {"petrissage", "calf-squeezes"}) {
    CAPTURE(id);
    const Timeline tl = test::shipped_timeline(id);
    int lifted = 0;
    float highest = 0.0f;
    for (double t = 0.0; t < tl.duration(); t += 0.1) {
      const TechniqueFrame f = tl.evaluate(t);
      const float lift = 0.5f * (f.hands[0].tissue_lift_m + f.hands[1].tissue_lift_m);
      if (!(f.hands[0].contact && f.hands[1].contact) || lift < 0.002f) continue;
      const TissueShape shape = tissue_shape(tl, f, s);
      const TissueDent& fold = shape.dents[2];
      if (fold.radius <= 0.0f) continue;
      ++lifted;
      // The fold's top is raised by the hands' lift (less what the hands' own dents take).
      const float up = -skin_displacement(shape, fold.centre, fold.axis);
      highest = std::max(highest, up);
      CHECK(fold.depth == doctest::Approx(-lift));
      // It sits between the hands: nearer the midpoint than either hand is.
      const glm::vec3 a(f.hands[0].transform[3]), b(f.hands[1].transform[3]);
      CHECK(glm::length(fold.centre - 0.5f * (a + b)) < 0.5f * glm::length(a - b));
    }
    CHECK(lifted > 10);
    CHECK(highest > 0.004f);
  }
}

// Grasping hands leave the skin beside their fingers where it is (session 22). Session 21 drew
// the skin beside every pressing hand down into its dent; under the fingers of a grip (petrissage
// sitting at 5 s, calf squeezes at 6.6 s) that cut a groove along each finger with a ridge
// between them, and the kneaded calf read crumpled (lead's pictures, stop 41). Only a flat press
// draws the skin down (poses.toml skin_sag). Measured: skin points whose undented place lies
// 3-15 mm from a gripping hand's flesh, their mean inward displacement (mm, + in), against main's
// before session 21 (e49f898): it may not sink more than 0.3 mm deeper than there. Session 21's
// sag drew it in 1.3-1.8 mm more (petrissage left -3.46 -> -1.54, right 0.56 -> 1.25; calf
// squeezes 0.28 -> 1.87, 0.26 -> 2.04): this fails with it.
// Petrissage's right hand reads 0.95 with no sag at all since squeeze's lower thumb lies round
// the calf's near side (session 22, 334ccc0: its flesh and so the 3-15 mm band moved; the lead
// measured it with skin_sag 0 in every pose): that is the reference now, 0.56 before.
TEST_CASE("tissue: the skin beside a grasping hand's fingers is not drawn down (petrissage sitting, calf squeezes)") {
  const auto& s = test::shipped_surface();
  struct Moment {
    const char* id;
    bool sitting;
    double time;
    std::array<double, 2> main_mm;  // left, right
  };
  for (const Moment m : {Moment{"petrissage", true, 5.0, {-3.46, 0.95}}, Moment{"calf-squeezes", false, 6.6, {0.28, 0.26}}}) {
    CAPTURE(m.id);
    Timeline tl = test::shipped_timeline(m.id);
    tl.set_client_sitting(m.sitting);
    const TechniqueFrame f = tl.evaluate(m.time);
    const TissueShape shape = tissue_shape(tl, f, s);
    for (std::size_t h = 0; h < 2; ++h) {
      CAPTURE(h);
      const HandState& hand = f.hands[h];
      REQUIRE(hand.contact);
      REQUIRE(hand.indentation_m > 0.001f);
      // Every 3 mm over 30 cm along, every 1.5 degrees round the whole leg (a grip wraps it).
      double sum = 0.0;
      float deepest = 0.0f;
      int n = 0;
      for (int i = -50; i <= 50; ++i)
        for (int j = 0; j < 240; ++j) {
          const float along = hand.along + 0.003f * static_cast<float>(i);
          const float around = static_cast<float>(j) * 1.5f * std::numbers::pi_v<float> / 180.0f;
          const anatomy::SurfaceFrame sf = s.frame(along, around);
          const float gap = test::flesh_gap(shape.hands[h], sf.position);
          if (gap < 0.003f || gap > 0.015f) continue;
          const float in = skin_displacement(shape, sf.position, sf.normal);
          sum += in;
          deepest = std::max(deepest, in);
          ++n;
        }
      REQUIRE(n > 100);
      const double mean = sum / n;
      const std::string who = std::string(m.id) + (h == 0 ? " left" : " right");
      MESSAGE(who << ": skin 3-15 mm beside the grip in " << mean * 1e3
                   << " mm on average, deepest " << deepest * 1e3 << " mm (" << n << " points; the hand presses "
                   << hand.indentation_m * 1e3f << " mm)");
      CHECK(mean * 1e3 <= m.main_mm[h] + 0.3);
    }
  }
}

TEST_CASE("tissue: no hand sinks into the skin as drawn deeper than into the modelled dented skin") {
  const auto& s = test::shipped_surface();
  for (const Technique& t : test::real_library().all()) {
    CAPTURE(t.id);
    const Timeline tl(t, test::real_poses(), s);
    float drawn = 0.0f, modelled = 0.0f;
    // Every 20 ms (every 80 ms under the sanitizers: support/sanitizer.hpp).
    for (double time = 0.0; time < tl.duration(); time += 0.02 * test::kSanitizedStride) {
      const TechniqueFrame f = tl.evaluate(time);
      const TissueShape tissue = tissue_shape(tl, f, s);
      for (const HandState& hand : f.hands) {
        if (hand.on_sole) continue;
        const HandShape shape = build_hand(hand.transform, hand.pose, hand.hand);
        drawn = std::min(drawn, deepest_in_drawn_skin(s, tissue, shape));
        modelled = std::min(modelled, measure_sitting(skin_under(s, f, hand), shape, hand.pose).deepest_m);
      }
    }
    MESSAGE(t.id << ": deepest in the drawn skin " << drawn * 1000.0f << " mm, in the modelled " << modelled * 1000.0f << " mm");
    CHECK(drawn >= modelled - 0.0015f);
  }
}
