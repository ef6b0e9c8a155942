#include <doctest/doctest.h>

#include "flow_test_support.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include "flow/flow_system.hpp"
#include "flow/particles.hpp"

using namespace effleura;
using flow::FlowSystem;
using flow::Posture;

namespace {

using flow_test::network;

bool all_finite(const FlowSystem& fs) {
  for (const auto& s : fs.segments())
    if (!std::isfinite(s.volume_m3) || !std::isfinite(s.pressure_mmhg) || !std::isfinite(s.flow_m3_s) ||
        !std::isfinite(s.velocity_m_s) || !(s.volume_m3 > 0.0))
      return false;
  for (const auto& v : fs.valves())
    if (!(v.open >= 0.0 && v.open <= 1.0)) return false;
  return std::isfinite(fs.femoral_outflow_ml_s()) && std::isfinite(fs.calf_volume_ml());
}

// Hands pressing everywhere: a grid of patches over the whole leg.
Contacts everywhere(float mmhg) {
  Contacts c;
  for (int i = 0; i < 9; ++i)
    for (int k = 0; k < 6; ++k) {
      ContactPatch p;
      const float a = static_cast<float>(k * std::numbers::pi / 3.0);
      p.point = {0.07f * std::sin(a), 0.08f + 0.1f * static_cast<float>(i), 0.07f * std::cos(a)};
      p.radius_m = 0.06f;
      p.pressure_mmhg = mmhg;
      c.push_back(p);
    }
  return c;
}

}  // namespace

TEST_CASE("300 mmHg everywhere, every valve incompetent, full stocking and contraction: no NaN, volume kept") {
  for (Posture posture : {Posture::standing, Posture::raised, Posture::supine}) {
    auto fs = FlowSystem::create(network(), posture);
    REQUIRE(fs.has_value());
    for (const auto& id : fs->network().ids()) REQUIRE(fs->set_incompetent(id).has_value());
    fs->set_stocking(1e6);               // clamped to its range
    fs->set_calf_muscle_pressure(1e6);
    fs->settle(2.0);                     // settle() relaxes the muscle only while it runs
    const Contacts crush = everywhere(300.0f);
    for (int i = 0; i < 120; ++i) fs->advance(1.0 / 60.0, (i / 30) % 2 ? crush : Contacts{}, posture);
    fs->advance(1.0, crush, posture == Posture::standing ? Posture::raised : Posture::standing);
    fs->set_calf_muscle_pressure(0.0);
    fs->set_stocking(0.0);
    fs->advance(2.0, {}, posture);
    CHECK(all_finite(*fs));
    CHECK(fs->volume_error_rel() < 1e-6);
  }
}

TEST_CASE("odd frame lengths are harmless: zero, negative, NaN, infinite and huge") {
  auto fs = FlowSystem::create(network(), Posture::supine);
  REQUIRE(fs.has_value());
  const double t0 = fs->time_s();
  for (double dt : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(),
                    std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(), 1e-9})
    fs->advance(dt, {}, Posture::supine);
  CHECK(fs->time_s() == t0);
  fs->advance(1e9, {}, Posture::supine);  // clamped to the longest stretch one call simulates
  CHECK(fs->time_s() == doctest::Approx(t0 + flow::kMaxAdvanceS));
  CHECK(all_finite(*fs));
}

TEST_CASE("broken contacts (NaN, infinite, negative) are ignored, not propagated") {
  auto fs = FlowSystem::create(network(), Posture::standing);
  REQUIRE(fs.has_value());
  fs->settle(5.0);
  const double before = fs->calf_volume_ml();
  Contacts bad(4);
  bad[0].pressure_mmhg = std::numeric_limits<float>::quiet_NaN();
  bad[1].point = {std::numeric_limits<float>::infinity(), 0.3f, 0.0f};
  bad[1].pressure_mmhg = 40.0f;
  bad[2].pressure_mmhg = -50.0f;
  bad[3].radius_m = std::numeric_limits<float>::quiet_NaN();
  bad[3].point = {-0.07f, 0.3f, 0.0f};
  bad[3].pressure_mmhg = 30.0f;  // a real press with a broken radius: default radius used
  fs->set_calf_muscle_pressure(std::numeric_limits<double>::quiet_NaN());
  fs->set_stocking(-5.0);
  fs->advance(1.0, bad, Posture::standing);
  CHECK(all_finite(*fs));
  CHECK(fs->calf_volume_ml() < before);  // the one valid press still squeezed
  flow::Particles particles(*fs, 2000, 7u);
  particles.advect(*fs, std::numeric_limits<double>::quiet_NaN());
  particles.advect(*fs, 1.0 / 60.0);
  std::vector<flow::ParticleVertex> out;
  particles.write(*fs, out);
  for (const auto& v : out) REQUIRE((std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z) && std::isfinite(v.speed)));
}
