// Muscle fibre directions on the committed assets/leg.glb: the direction the surface shows
// (stripes, sheen; shaders/model.frag) must follow each muscle's line of action, the line
// from its origin to its insertion (or via point) in content/anatomy/muscles.toml, so "across the fibres"
// means across the line the muscle pulls along.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

#include "anatomy/model_loader.hpp"
#include "forge/description.hpp"
#include "shipped_assets.hpp"

using namespace effleura;

namespace {

const Expected<anatomy::Model>& leg() { return test::shipped_model("leg.glb"); }

// Area-weighted mean angle (degrees) between the fibre direction and `line`, both projected
// onto the surface's tangent plane at each vertex (what the eye sees); lines are undirected.
float mean_surface_angle(const anatomy::Mesh& m, const glm::vec3& line) {
  std::vector<float> area(m.positions.size(), 0.0f);
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
    const glm::vec3 &a = m.positions[m.indices[t]], &b = m.positions[m.indices[t + 1]], &c = m.positions[m.indices[t + 2]];
    const float third = glm::length(glm::cross(b - a, c - a)) / 6.0f;
    for (std::size_t k = 0; k < 3; ++k) area[m.indices[t + k]] += third;
  }
  double sum = 0.0, weight = 0.0;
  for (std::size_t v = 0; v < m.positions.size(); ++v) {
    const glm::vec3 n = m.normals[v];
    const glm::vec3 f = m.fibre_dirs[v] - n * glm::dot(m.fibre_dirs[v], n);
    const glm::vec3 l = line - n * glm::dot(line, n);
    // Where the line of action runs nearly along the normal (the end caps) no direction on
    // the surface can follow it: those vertices do not count.
    if (glm::length(l) < 0.5f || glm::length(f) < 1e-4f) continue;
    const float c = std::min(1.0f, std::abs(glm::dot(glm::normalize(f), glm::normalize(l))));
    sum += static_cast<double>(area[v] * std::acos(c));
    weight += static_cast<double>(area[v]);
  }
  REQUIRE(weight > 0.0);
  return static_cast<float>(sum / weight) * 180.0f / glm::pi<float>();
}

}  // namespace

TEST_CASE("each muscle's surface fibre direction follows its line of action within 15 degrees") {
  REQUIRE_MESSAGE(leg().has_value(), leg().error().describe());
  auto d = forge::load_description(EFFLEURA_SOURCE_DIR + "/content/anatomy");
  REQUIRE_MESSAGE(d.has_value(), d.error().describe());
  std::size_t checked = 0;
  for (const auto& b : d->muscles) {
    const anatomy::Mesh* m = leg()->find(b.mesh_name);
    REQUIRE_MESSAGE(m != nullptr, "missing mesh " << b.mesh_name);
    REQUIRE_MESSAGE(m->fibre_dirs.size() == m->positions.size(), b.mesh_name << " has no fibre directions");
    // A tendon that turns round a pulley pulls the belly toward the pulley (Delp 1990 models
    // the fibulares with via points behind the lateral malleolus).
    const std::string& toward = b.via.empty() ? b.insertion : b.via;
    const glm::vec3 line = glm::normalize(d->landmark(toward)->p - d->landmark(b.origin)->p);
    const float angle = mean_surface_angle(*m, line);
    CHECK_MESSAGE(angle <= 15.0f, b.mesh_name << ": fibres " << angle << " degrees off the line of action");
    ++checked;
  }
  CHECK(checked >= 20);
}

TEST_CASE("the fibre check can fail: fibres across the line of action are 90 degrees off") {
  anatomy::Mesh m;
  m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  m.normals.assign(3, {0, 0, 1});
  m.indices = {0, 1, 2};
  m.fibre_dirs.assign(3, {1, 0, 0});
  CHECK(mean_surface_angle(m, {0, 1, 0}) == doctest::Approx(90.0f));
  CHECK(mean_surface_angle(m, {1, 0, 0}) == doctest::Approx(0.0f).epsilon(0.01));
}
