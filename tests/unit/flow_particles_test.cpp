#include <doctest/doctest.h>

#include "flow_test_support.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>

#include "flow/drivers.hpp"
#include "flow/particles.hpp"

using namespace effleura;
using flow::FlowSystem;
using flow::Particles;
using flow::Posture;

namespace {

using flow_test::network;

FlowSystem settled(Posture posture) {
  auto fs = FlowSystem::create(network(), posture);
  if (!fs) FAIL(fs.error().describe());
  fs->settle(20.0);
  return std::move(*fs);
}

double distance_to_segment(const flow::Segment& s, const glm::vec3& p) {
  const glm::vec3 ab = s.p1 - s.p0;
  const float t = std::clamp(glm::dot(p - s.p0, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
  return static_cast<double>(glm::distance(s.p0 + ab * t, p));
}

}  // namespace

TEST_CASE("20,000 particles sit inside the veins, on the centre lines the renderer draws") {
  FlowSystem fs = settled(Posture::supine);
  Particles particles(fs);
  REQUIRE(particles.size() == 20000);
  for (int i = 0; i < 120; ++i) {
    fs.advance(1.0 / 60.0, {}, Posture::supine);
    particles.advect(fs, 1.0 / 60.0);
  }
  std::vector<flow::ParticleVertex> out;
  particles.write(fs, out);
  REQUIRE(out.size() == 20000);
  double widest = 0.0;
  for (const auto& s : fs.segments())
    widest = std::max(widest, std::sqrt(s.volume_m3 / s.length_m / s.paired / 3.14159));
  int outside = 0;
  for (const auto& v : out) {
    const glm::vec3 p{v.x, v.y, v.z};
    double nearest = 1e9;
    for (const auto& s : fs.segments()) nearest = std::min(nearest, distance_to_segment(s, p));
    if (nearest > widest + 1e-4) ++outside;
    REQUIRE(std::isfinite(v.speed));
  }
  CHECK(outside == 0);
}

TEST_CASE("particles leave at the groin at the rate blood does, and come back at the inflows") {
  // Particles start spread in proportion to volume, so the share leaving per second should be
  // the venous return over the blood held: Q / V (mass transport, independent of the code).
  FlowSystem fs = settled(Posture::supine);
  Particles particles(fs, 20000, 3u);
  const double seconds = 4.0;
  for (int i = 0; i < static_cast<int>(seconds * 60); ++i) {
    fs.advance(1.0 / 60.0, {}, Posture::supine);
    particles.advect(fs, 1.0 / 60.0);
  }
  const double expected = 20000.0 * fs.femoral_outflow_ml_s() / fs.total_volume_ml() * seconds;
  CHECK(static_cast<double>(particles.recycled()) > 0.5 * expected);
  CHECK(static_cast<double>(particles.recycled()) < 2.0 * expected);
  std::size_t total = 0;
  for (auto n : particles.histogram()) total += n;
  CHECK(total == 20000);
}

TEST_CASE("particles are deterministic: same seed same picture, another seed another") {
  FlowSystem fs = settled(Posture::standing);
  Particles a(fs, 5000, 11u), b(fs, 5000, 11u), c(fs, 5000, 12u);
  fs.set_calf_muscle_pressure(100.0);
  for (int i = 0; i < 60; ++i) {
    fs.advance(1.0 / 60.0, {}, Posture::standing);
    a.advect(fs, 1.0 / 60.0);
    b.advect(fs, 1.0 / 60.0);
    c.advect(fs, 1.0 / 60.0);
  }
  std::vector<flow::ParticleVertex> va, vb, vc;
  a.write(fs, va);
  b.write(fs, vb);
  c.write(fs, vc);
  bool same = true, differ = false;
  for (std::size_t i = 0; i < va.size(); ++i) {
    same = same && va[i].x == vb[i].x && va[i].y == vb[i].y && va[i].z == vb[i].z && va[i].speed == vb[i].speed;
    differ = differ || va[i].x != vc[i].x;
  }
  CHECK(same);
  CHECK(differ);
}

TEST_CASE("particles kept as bytes come back the same and go on the same, and foreign bytes are refused") {
  // Start-up keeps the spread particles in the start-up cache (app/simulation.cpp): put back,
  // they must be the very particles, random stream included, or the flow view would differ
  // from a run that spread them itself.
  FlowSystem fs = settled(Posture::standing);
  Particles spread(fs, 3000, 7u);
  for (int i = 0; i < 20; ++i) spread.advect(fs, 0.1);
  const std::vector<std::uint8_t> bytes = spread.to_bytes();
  Particles back(fs, 3000, 99u);  // another seed: other particles and another stream
  REQUIRE(back.restore(fs, bytes));
  CHECK(back.recycled() == spread.recycled());
  auto same = [&fs](const Particles& a, const Particles& b) {
    std::vector<flow::ParticleVertex> va, vb;
    a.write(fs, va);
    b.write(fs, vb);
    if (va.size() != vb.size()) return false;
    for (std::size_t i = 0; i < va.size(); ++i)
      if (va[i].x != vb[i].x || va[i].y != vb[i].y || va[i].z != vb[i].z || va[i].speed != vb[i].speed) return false;
    return true;
  };
  CHECK(same(spread, back));
  // Respawns and junctions draw on the stream: it must go on where it stood.
  const std::size_t recycled_before = spread.recycled();
  for (int i = 0; i < 30; ++i) {
    spread.advect(fs, 0.1);
    back.advect(fs, 0.1);
  }
  REQUIRE(spread.recycled() > recycled_before);
  CHECK(same(spread, back));

  // Truncated, or a particle in a segment the network does not have: refused, left as it was.
  Particles untouched(fs, 3000, 5u), reference(fs, 3000, 5u);
  CHECK_FALSE(untouched.restore(fs, std::span(bytes).first(bytes.size() - 1)));
  std::vector<std::uint8_t> wrong = bytes;
  const std::int32_t far = 1 << 20;
  std::memcpy(wrong.data() + sizeof(std::uint64_t), &far, sizeof far);  // the first particle's segment
  CHECK_FALSE(untouched.restore(fs, wrong));
  CHECK(same(untouched, reference));
}

TEST_CASE("a calf contraction sends the calf's particles up toward the knee") {
  FlowSystem fs = settled(Posture::standing);
  Particles particles(fs, 20000, 5u);
  std::vector<flow::ParticleVertex> before, after;
  particles.write(fs, before);
  fs.set_calf_muscle_pressure(120.0);
  for (int i = 0; i < 24; ++i) {  // 0.4 s contraction
    fs.advance(1.0 / 60.0, {}, Posture::standing);
    particles.advect(fs, 1.0 / 60.0);
  }
  particles.write(fs, after);
  // Particles that were in the calf (below the knee) moved upward on average.
  double rise = 0.0;
  int n = 0;
  for (std::size_t i = 0; i < before.size(); ++i)
    if (before[i].y < 0.4f) {
      rise += after[i].y - before[i].y;
      ++n;
    }
  REQUIRE(n > 1000);
  CHECK(rise / n > 0.01);
}

TEST_CASE("write_visible leaves out only the back half of veins crowded on screen") {
  FlowSystem fs = settled(Posture::supine);
  Particles particles(fs, 20000, 7u);
  std::vector<flow::ParticleVertex> all, seen;
  particles.write(fs, all);
  auto same = [](const flow::ParticleVertex& a, const flow::ParticleVertex& b) {
    return a.x == b.x && a.y == b.y && a.z == b.z && a.speed == b.speed;
  };
  // Every particle written is one write() gives, in the same order.
  auto is_ordered_subset = [&](const std::vector<flow::ParticleVertex>& part) {
    std::size_t j = 0;
    for (const auto& v : part) {
      while (j < all.size() && !same(all[j], v)) ++j;
      if (j == all.size()) return false;
      ++j;
    }
    return true;
  };
  const glm::vec3 middle{0.0f, 0.5f, 0.0f};
  flow::ParticleSight sight;
  sight.dot_px = 3.0f;

  SUBCASE("without a sight every particle is written") {
    particles.write_visible(fs, sight, seen);  // px_per_m_at_1m = 0
    CHECK(seen.size() == all.size());
  }
  SUBCASE("seen from very close, nothing is crowded: every particle is written") {
    sight.eye = middle + glm::vec3(0.0f, 0.0f, 0.5f);
    sight.px_per_m_at_1m = 1e6f;
    particles.write_visible(fs, sight, seen);
    CHECK(seen.size() == all.size());
  }
  SUBCASE("seen from far, all is crowded: about half, on the side facing the eye") {
    sight.px_per_m_at_1m = 870.0f;  // a 720-pixel-high view with a 45 degree field
    sight.eye = middle + glm::vec3(0.0f, 0.0f, 50.0f);  // in front (anterior)
    particles.write_visible(fs, sight, seen);
    CHECK(seen.size() > all.size() * 35 / 100);
    CHECK(seen.size() < all.size() * 65 / 100);
    CHECK(is_ordered_subset(seen));
    double front_z = 0.0;
    for (const auto& v : seen) front_z += v.z;
    front_z /= static_cast<double>(seen.size());
    std::vector<flow::ParticleVertex> from_behind;
    sight.eye = middle - glm::vec3(0.0f, 0.0f, 50.0f);
    particles.write_visible(fs, sight, from_behind);
    double back_z = 0.0;
    for (const auto& v : from_behind) back_z += v.z;
    back_z /= static_cast<double>(from_behind.size());
    // Each view keeps the particles on its own side of the veins' centre lines.
    CHECK(front_z > back_z + 5e-4);
    CHECK(seen.size() + from_behind.size() > all.size() * 95 / 100);
  }
}

TEST_CASE("each particle points the way it moves next, backflow in a leaky saphenous vein points down") {
  FlowSystem fs = settled(Posture::standing);
  REQUIRE(fs.set_incompetent("great-saphenous").has_value());
  fs.settle(20.0);
  Particles particles(fs, 20000, 9u);
  std::vector<flow::ParticleVertex> out, next;
  const auto run = [&](double seconds) {
    for (int i = 0; i < static_cast<int>(seconds * 60.0); ++i) {
      fs.advance(1.0 / 60.0, {}, Posture::standing);
      particles.advect(fs, 1.0 / 60.0);
    }
    particles.write(fs, out);
  };
  fs.set_calf_muscle_pressure(120.0);
  run(0.3);
  // Mid squeeze: move the particles a short step in the same flows; the moving particles that
  // stayed in their stretch of vein (moved under 5 mm) went the way their direction points.
  particles.advect(fs, 1.0 / 600.0);
  particles.write(fs, next);
  int moving = 0, along = 0, markers = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto& v = out[i];
    const glm::vec3 d{v.dx, v.dy, v.dz};
    REQUIRE(glm::length(d) == doctest::Approx(1.0).epsilon(1e-4));
    if (v.marker > 0.5f) ++markers;
    const glm::vec3 step = glm::vec3(next[i].x, next[i].y, next[i].z) - glm::vec3(v.x, v.y, v.z);
    if (std::abs(v.speed) < 0.005f || glm::length(step) > 0.005f || glm::length(step) < 1e-7f) continue;
    ++moving;
    if (glm::dot(step, d) > 0.0f) ++along;
  }
  REQUIRE(moving > 1000);
  // All but a few: one that crossed a junction in the step lands on the next segment's line,
  // a small step sideways (6 of 16,685 here); a wrong sign would fail about half.
  CHECK(along >= 0.999 * moving);
  // One particle in kMarkerEvery is an arrow, the same count whatever the flow does.
  CHECK(markers == static_cast<int>((out.size() + flow::kMarkerEvery - 1) / flow::kMarkerEvery));
  // After the release, blood falls back down the leaky saphenous vein: once it has run back
  // past 0.5 s (reflux, Labropoulos 2003) the particles drawn as reflux (negative speed) point
  // down (-y, away from the heart), and there are some.
  fs.set_calf_muscle_pressure(0.0);
  run(0.8);
  int back = 0, back_down = 0;
  for (const auto& v : out) {
    if (v.speed >= 0.0f) continue;
    ++back;
    if (v.dy < 0.0f) ++back_down;
  }
  REQUIRE(back > 50);
  CHECK(back_down > 0.9 * back);
}

TEST_CASE("a healthy leg walking shows no reflux dots, only the brief backflow of valves closing") {
  // In swing the calf veins refill and blood runs back for a moment while the valves shut
  // (under 0.5 s, Labropoulos 2003): that is not reflux, and a student must not read it as a
  // fault. Reflux colour needs backflow through a valve past the clinic's limit.
  FlowSystem fs = settled(Posture::standing);
  Particles particles(fs, 4000, 5u);
  std::vector<flow::ParticleVertex> out;
  int reflux_dots = 0, backflow_frames = 0;
  for (int i = 0; i < 300; ++i) {  // five strides at 60 frames a second
    fs.set_pumps(flow::kGait.at(i / 60.0));
    fs.advance(1.0 / 60.0, {}, Posture::standing);
    particles.advect(fs, 1.0 / 60.0);
    for (const auto& s : fs.segments()) backflow_frames += s.velocity_m_s < -flow::kRefluxShownM_S ? 1 : 0;
    if (i % 10 != 0) continue;
    particles.write(fs, out);
    for (const auto& v : out) reflux_dots += v.speed < 0.0f ? 1 : 0;
  }
  CHECK(backflow_frames > 1000);  // blood does run back here and there while valves shut
  CHECK(reflux_dots == 0);
}
