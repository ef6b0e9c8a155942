// --incompetent in the modes that draw (app/state.cpp): a picture, a recording or the window of a
// varicose leg starts with the named vein's valves leaking, as the Blood flow panel's checkbox
// leaks them while running, and an unknown vein stops the load with the list of known ones.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/paths.hpp"
#include "app/state.hpp"

using namespace effleura;

namespace {

app::Options source_options() {
  app::Options o;
  o.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  o.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  return o;
}

struct Leaks {
  int leaking = 0, tight = 0;           // the named vein's valves
  int elsewhere = 0;                    // other veins' leaking valves
  int above_knee = 0, below_knee = 0;   // the named vein's leaking valves by height
};

Leaks leaks_of(const flow::FlowSystem& f, const std::string& vein) {
  Leaks out;
  const auto index = f.network().index_of(vein);
  REQUIRE(index.has_value());
  for (const flow::Valve& v : f.valves()) {
    if (v.vein != *index) {
      out.elsewhere += v.incompetent ? 1 : 0;
      continue;
    }
    (v.incompetent ? out.leaking : out.tight) += 1;
    if (v.incompetent) (static_cast<double>(v.position.y) >= f.network().params.calf_top_m ? out.above_knee : out.below_knee) += 1;
  }
  return out;
}

bool box_ticked(const app::State& s, const std::string& vein) {
  for (std::size_t i = 0; i < s.valve_veins.size() && i < s.incompetent.size(); ++i)
    if (s.valve_veins[i] == vein) return s.incompetent[i];
  FAIL("no checkbox for " << vein);
  return false;
}

}  // namespace

TEST_CASE("--incompetent leaks the named vein's valves from the start in the drawn modes, and ticks its box") {
  {
    app::State healthy;
    const app::Options o = source_options();
    REQUIRE(healthy.load(o, app::resolve_data_paths(o)).has_value());
    REQUIRE(healthy.simulation.flow() != nullptr);
    const Leaks none = leaks_of(*healthy.simulation.flow(), "great-saphenous");
    CHECK(none.leaking == 0);
    CHECK(none.elsewhere == 0);
    CHECK_FALSE(box_ticked(healthy, "great-saphenous"));
  }
  {
    app::State varicose;
    app::Options o = source_options();
    o.incompetent = {"great-saphenous"};
    REQUIRE(varicose.load(o, app::resolve_data_paths(o)).has_value());
    const Leaks all = leaks_of(*varicose.simulation.flow(), "great-saphenous");
    CHECK(all.leaking >= 4);  // the great saphenous has about 8-9 valves (physiology.md); the model's are fewer, but several
    CHECK(all.tight == 0);
    CHECK(all.elsewhere == 0);
    CHECK(box_ticked(varicose, "great-saphenous"));
  }
  {
    app::State upper;
    app::Options o = source_options();
    o.incompetent = {"great-saphenous:above-knee"};
    REQUIRE(upper.load(o, app::resolve_data_paths(o)).has_value());
    const Leaks part = leaks_of(*upper.simulation.flow(), "great-saphenous");
    CHECK(part.above_knee >= 1);
    CHECK(part.below_knee == 0);
    CHECK(part.tight >= 1);
    // The box means the whole vein; only part of it leaks here.
    CHECK_FALSE(box_ticked(upper, "great-saphenous"));
  }
}

TEST_CASE("--incompetent with a vein the model does not have stops the load and lists the veins") {
  app::State s;
  app::Options o = source_options();
  o.incompetent = {"aorta"};
  const auto loaded = s.load(o, app::resolve_data_paths(o));
  REQUIRE_FALSE(loaded.has_value());
  const std::string message = loaded.error().describe();
  CHECK(message.find("--incompetent") != std::string::npos);
  CHECK(message.find("'aorta'") != std::string::npos);
  CHECK(message.find("great-saphenous") != std::string::npos);
}
