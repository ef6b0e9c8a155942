// effleura-forge as a user meets it: which part it builds, checking a committed asset, and one
// line naming a bad value.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>

#include "run_binary.hpp"
#include "../support/sanitizer.hpp"

#ifdef EFFLEURA_HAS_FORGE

using effleura::test::run;
// --check rebuilds the part at full resolution: 30 s and more under the sanitizers, whose pass
// already runs the same forge code at coarse resolution (tests/unit/forge_*_test.cpp); the
// Release pass runs these two.
using effleura::test::kSanitized;

TEST_CASE("effleura-forge --help names the three parts it builds") {
  auto r = run(EFFLEURA_FORGE_EXE, "--help");
  CHECK(r.status == 0);
  CHECK(r.out.find("--part leg|hands|client") != std::string::npos);
  CHECK(r.out.find("assets/client.glb") != std::string::npos);
  CHECK(r.out.find("assets/hands.glb") != std::string::npos);
}

TEST_CASE("effleura-forge --part hands --check accepts the committed hands and refuses another file" * doctest::skip(kSanitized)) {
  const std::string committed = EFFLEURA_SOURCE_DIR + "/assets/hands.glb";
  auto r = run(EFFLEURA_FORGE_EXE, "--part hands --check '" + committed + "'");
  CHECK_MESSAGE(r.status == 0, r.err);
  auto other = run(EFFLEURA_FORGE_EXE, "--part hands --check '" + EFFLEURA_SOURCE_DIR + "/assets/leg.glb'");
  CHECK(other.status == 1);
  CHECK(other.err.find("--part hands") != std::string::npos);
}

// The one byte-for-byte check of assets/client.glb (unit_anatomy forged it a third time for the
// same claim until session 20: 23 -> 15 s of Release CI).
TEST_CASE("effleura-forge --part client --check accepts the committed client and refuses the hands" * doctest::skip(kSanitized)) {
  const std::string content = " --content '" + EFFLEURA_SOURCE_DIR + "/content'";  // the other leg is the leg's
  auto r = run(EFFLEURA_FORGE_EXE, "--part client --check '" + EFFLEURA_SOURCE_DIR + "/assets/client.glb'" + content);
  CHECK_MESSAGE(r.status == 0, r.err);
  auto other = run(EFFLEURA_FORGE_EXE, "--part client --check '" + EFFLEURA_SOURCE_DIR + "/assets/hands.glb'" + content);
  CHECK(other.status == 1);
  CHECK(other.err.find("--part client") != std::string::npos);
}

TEST_CASE("effleura-forge refuses an unknown part in one line and exit 2") {
  auto r = run(EFFLEURA_FORGE_EXE, "--part knee");
  CHECK(r.status == 2);
  CHECK(r.err_lines() == 1);
  CHECK(r.err.find("knee") != std::string::npos);
}

#endif
