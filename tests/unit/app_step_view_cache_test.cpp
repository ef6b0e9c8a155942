// The view search's answers kept in the start-up cache (app/step_view_cache.hpp): a hit gives
// the judge's answer without asking it, and any other question, context, technique or step, or
// a damaged entry, asks again. The digests the context is made of move with what they digest.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "app/step_view_cache.hpp"
#include "render/camera.hpp"
#include "../support/temp_dir.hpp"
#include "../support/test_models.hpp"

using namespace effleura;

namespace {


anatomy::Model small_model() {
  anatomy::Model m;
  anatomy::Mesh mesh;
  mesh.name = "skin";
  mesh.positions = {{0.0f, 0.0f, 0.0f}, {0.1f, 0.0f, 0.0f}, {0.0f, 0.1f, 0.0f}};
  mesh.indices = {0, 1, 2};
  mesh.ankle_blend = {0.0f, 0.5f, 1.0f};
  m.meshes.push_back(mesh);
  return m;
}

}  // namespace

TEST_CASE("a step's view from the cache is the judge's answer: another question, context or damaged entry asks again") {
  const auto dir = test::temp_dir("step-view-cache");
  std::filesystem::remove_all(dir);
  int asked = 0;
  ViewAngles answer{1.5707964f, 0.1f};
  const auto judge = [&] { ++asked; return answer; };
  const app::StepViewQuestion q{"effleurage", 0x1234'5678'9abc'def0ull, 1, {{-0.1f, 0.2f, -0.1f}, {0.1f, 0.6f, 0.1f}}, {0.5f, 0.2f}};

  bool hit = true;
  ViewAngles got = app::step_view_cached(q, dir, judge, &hit);
  CHECK_FALSE(hit);
  CHECK(asked == 1);
  CHECK(got.yaw == answer.yaw);
  answer = {0.0f, 0.0f};  // a judge asked now would answer otherwise: a hit must not ask it
  got = app::step_view_cached(q, dir, judge, &hit);
  CHECK(hit);
  CHECK(asked == 1);
  CHECK(got.yaw == 1.5707964f);
  CHECK(got.pitch == 0.1f);

  for (int changed = 0; changed < 6; ++changed) {
    app::StepViewQuestion other = q;
    if (changed == 0) other.context ^= 1ull << 40;  // another model, posture, camera, technique file...
    if (changed == 1) other.context ^= 1;
    if (changed == 2) other.region.max.y += 0.01f;
    if (changed == 3) other.suggested.pitch = -0.45f;
    if (changed == 4) other.step = 2;          // its own entry
    if (changed == 5) other.technique = "petrissage";
    CAPTURE(changed);
    const int before = asked;
    (void)app::step_view_cached(other, dir, judge, &hit);
    CHECK_FALSE(hit);
    CHECK(asked == before + 1);
  }

  // A damaged entry (cut short): judged again, and stored again.
  std::filesystem::remove_all(dir);
  (void)app::step_view_cached(q, dir, judge, &hit);
  const auto entry = test::only_file(dir, "step-view-");
  std::filesystem::resize_file(entry, std::filesystem::file_size(entry) - 3);
  const int before = asked;
  (void)app::step_view_cached(q, dir, judge, &hit);
  CHECK_FALSE(hit);
  CHECK(asked == before + 1);
  (void)app::step_view_cached(q, dir, judge, &hit);
  CHECK(hit);

  // No cache folder: judged every time, nothing stored.
  const int before_none = asked;
  (void)app::step_view_cached(q, std::nullopt, judge, &hit);
  (void)app::step_view_cached(q, std::nullopt, judge, &hit);
  CHECK_FALSE(hit);
  CHECK(asked == before_none + 2);
}

TEST_CASE("the view cache's digests follow the models' vertices, triangles and ankle shares, and the camera's framing") {
  const anatomy::Model base = small_model();
  CHECK(app::model_stamp(base) == app::model_stamp(small_model()));
  for (int changed = 0; changed < 4; ++changed) {
    anatomy::Model m = small_model();
    if (changed == 0) m.meshes[0].positions[1].x += 0.001f;
    if (changed == 1) m.meshes[0].indices = {0, 2, 1};
    if (changed == 2) m.meshes[0].ankle_blend[1] = 0.6f;
    if (changed == 3) m.meshes[0].name = "drape";
    CAPTURE(changed);
    CHECK(app::model_stamp(m) != app::model_stamp(base));
  }
  render::Camera camera;
  const auto whole = camera.framing_parameters();
  CHECK(camera.framing_parameters() == whole);
  camera.set_free_area({0.0f, 0.0f, 0.7f, 1.0f}, 16.0f / 9.0f);  // the panels take the right
  CHECK(camera.framing_parameters() != whole);
}
