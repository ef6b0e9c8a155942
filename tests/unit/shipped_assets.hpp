#pragma once
// The committed glb files, each loaded once per test binary, and a named mesh in them: several
// anatomy tests measure what ships (the skin, the client's other leg, the muscles), and each
// had its own copy of this loader.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "anatomy/model.hpp"
#include "anatomy/model_loader.hpp"
#include "core/error.hpp"

namespace effleura::test {

// `file` is a name under assets/ ("leg.glb", "client.glb"); a load error is kept and returned.
inline const Expected<anatomy::Model>& shipped_model(const std::string& file) {
  static std::map<std::string, Expected<anatomy::Model>> models;
  auto it = models.find(file);
  if (it == models.end())
    it = models.emplace(file, anatomy::load_model(std::string(EFFLEURA_SOURCE_DIR + "/assets/") + file)).first;
  return it->second;
}

// The mesh `name` in that file; the test stops with the load error or the missing name.
inline const anatomy::Mesh& shipped_mesh(const std::string& file, const std::string& name) {
  const Expected<anatomy::Model>& model = shipped_model(file);
  if (!model) FAIL(model.error().describe());
  const anatomy::Mesh* m = model->find(name);
  REQUIRE_MESSAGE(m != nullptr, file << " has no mesh " << name);
  return *m;
}

}  // namespace effleura::test
