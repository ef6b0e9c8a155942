// `effleura --headless --simulate`: the report a teacher or a checker reads.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>

#include "../support/test_models.hpp"
#include "run_binary.hpp"
#include "../support/sanitizer.hpp"

using effleura::test::run;

namespace {

const std::string kExe = EFFLEURA_EXE;

std::size_t array_length(const std::string& json, const std::string& key) {
  const auto at = json.find("\"" + key + "\"");
  if (at == std::string::npos) return 0;
  const auto open = json.find('[', at), close = json.find(']', at);
  if (open == std::string::npos || close == std::string::npos) return 0;
  std::size_t commas = 0;
  for (auto i = open; i < close; ++i) commas += json[i] == ',';
  return close > open + 1 ? commas + 1 : 0;
}

double number(const std::string& json, const std::string& key) {
  return effleura::test::number_after(json, "\"" + key + "\"");
}

// Every --simulate report carries the leg's clinical indices, from the start-up cache when an
// earlier run computed them (cold: ~480 model seconds of the clinic's protocols, ~25 s of CPU
// under the sanitizers). Squeezing the calf empties part of it and raises femoral outflow above
// the resting flow.
void check_technique_drives_flow() {
  const auto out = effleura::test::temp_dir("cli") / "squeeze.json";
  auto r = run(kExe, "--headless --simulate calf-squeezes --seconds 20 --report '" + out.string() + "'");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string json = effleura::test::slurp(out);
  CHECK(number(json, "calf_ejection_fraction") > 0.2);
  CHECK(number(json, "peak_flow_ml_min") > 1.2 * number(json, "baseline_flow_ml_min"));
}

}  // namespace

TEST_CASE("a resting report has the summary and equal-length series, and rest flow is physiological") {
  const auto dir = effleura::test::temp_dir("cli");
  const auto out = dir / "rest.json", cache = dir / "rest-cache";
  std::filesystem::remove(out);
  std::filesystem::remove_all(cache);
  // The first run settles the leg and runs the clinic's protocols and keeps both
  // (app/simulate_cache.hpp); the second reads them and must report the same. In the Release
  // pass the first run is cold, in a cache of its own; under the sanitizers both use the
  // tests' shared cache, where another --simulate case may have filled it (each cold run
  // there is ~35 s, the protocols' 400 model seconds).
  const std::string args = "--headless --simulate rest --seconds 5 --report '" + out.string() + "'";
  const std::string env = effleura::test::kSanitized ? "" : "XDG_CACHE_HOME='" + cache.string() + "'";
  auto r = run(kExe, args, env);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string json = effleura::test::slurp(out);
  if (!effleura::test::kSanitized) {
    std::size_t kept = 0;
    for (const auto& e : std::filesystem::directory_iterator(cache / "effleura")) {
      const std::string name = e.path().filename().string();
      kept += name.starts_with("simulate-settled-") || name.starts_with("clinical-indices-");
    }
    CHECK(kept == 2);
  }
  std::filesystem::remove(out);
  auto again = run(kExe, args, env);
  REQUIRE_MESSAGE(again.status == 0, again.err);
  CHECK(effleura::test::slurp(out) == json);
  for (const char* key : {"baseline_flow_ml_min", "mean_flow_ml_min", "peak_flow_ml_min", "calf_ejection_fraction",
                          "ankle_pressure_min_mmhg", "ankle_pressure_max_mmhg", "max_reflux_s",
                          "return_to_baseline_s", "volume_error_rel"})
    CHECK_MESSAGE(json.find(std::string("\"") + key + "\"") != std::string::npos, key);
  const std::size_t n = array_length(json, "t_s");
  CHECK(n >= 90);  // 5 s sampled at 20 Hz
  for (const char* key : {"femoral_flow_ml_s", "calf_volume_ml", "ankle_pressure_mmhg"})
    CHECK_MESSAGE(array_length(json, key) == n, key);
  // Resting venous return supine: 300-420 mL/min (physiology.md, Shoemaker 1997).
  const double baseline = number(json, "baseline_flow_ml_min");
  CHECK(baseline > 300.0);
  CHECK(baseline < 420.0);
  CHECK(number(json, "volume_error_rel") < 1e-6);
  // Under the sanitizers the technique's run follows here, on the indices this case's first run
  // kept: as a case of its own it ran beside this one (ctest -j2, adjacent cases) and both
  // computed them cold. Until session 21 the practice CLI case had filled the shared cache
  // first (its folded Blood flow panel asked for the indices), costing 30 of its 35 s.
  if (effleura::test::kSanitized) check_technique_drives_flow();
}

// Release: a case of its own (the tests' shared cache is warm by then, ~1 s); under the
// sanitizers the resting report's case runs it.
TEST_CASE("a technique drives the flow through its contacts" * doctest::skip(effleura::test::kSanitized)) {
  check_technique_drives_flow();
}

TEST_CASE("unknown technique, posture or vein: one clear line and exit 2") {
  const std::string report = " --report '" + (effleura::test::temp_dir("cli") / "x.json").string() + "'";
  struct Case { std::string args; const char* mentions; };
  for (const Case& c : {Case{"--simulate kneading" + report, "walking"},
                        Case{"--simulate rest --posture lying" + report, "supine, prone"},
                        Case{"--simulate rest --incompetent aorta" + report, "great-saphenous"},
                        Case{"--simulate rest", "--report"}}) {
    auto r = run(kExe, "--headless " + c.args);
    CHECK_MESSAGE(r.status == 2, c.args);
    CHECK_MESSAGE(r.err_lines() == 1, r.err);
    CHECK_MESSAGE(r.err.find(c.mentions) != std::string::npos, r.err);
  }
}

// Three 6 s runs of the whole program: 124 s under the sanitizers, whose pass runs the same
// --simulate path in the other cases here; the Release pass runs this one.
TEST_CASE("--speed slows a technique's hands in --simulate as in the window, the blood keeps real time" * doctest::skip(effleura::test::kSanitized)) {
  const auto dir = effleura::test::temp_dir("cli");
  auto report = [&](const std::string& speed, const char* name) {
    const auto out = dir / name;
    std::filesystem::remove(out);
    auto r = run(kExe, "--headless --simulate calf-squeezes --seconds 6 --speed " + speed + " --report '" + out.string() + "'");
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return effleura::test::slurp(out);
  };
  // At full speed the first squeezes of the 6 s empty part of the calf; at a tenth of it the
  // hands are still in their first 0.6 s, laying on, and the calf has not been squeezed.
  const std::string full = report("1", "speed-1.json"), slow = report("0.1", "speed-0.1.json");
  CHECK(number(full, "calf_ejection_fraction") > 0.1);
  // Under a tenth of the full-speed run's share (was an absolute 0.02 until session 23: since
  // the prone leg's heights are measured from its back the settled calf holds ~21 mL, not ~62,
  // and the laying-on's ~1 mL (1.4 before) is 0.021 of it; full speed 0.36, main's 0.45/0.009).
  CHECK(number(slow, "calf_ejection_fraction") < 0.1 * number(full, "calf_ejection_fraction"));
  // Quiet breathing alone swings the groin flow to about 1.4x its mean (flow/report.hpp), so
  // the slowed run's peak is compared with the resting run's, breath for breath.
  const auto rest_out = dir / "speed-rest.json";
  std::filesystem::remove(rest_out);
  auto rest = run(kExe, "--headless --simulate rest --seconds 6 --report '" + rest_out.string() + "'");
  REQUIRE_MESSAGE(rest.status == 0, rest.err);
  const std::string resting = effleura::test::slurp(rest_out);
  CHECK(number(slow, "peak_flow_ml_min") < 1.05 * number(resting, "peak_flow_ml_min"));
  // The full-speed squeezes must show at the groin well clear of that 5 %: 1.3 lets the squeeze
  // add six times as much over breathing's own peak. Our margin, not a measured figure (it was
  // 1.5, set just under the 1.53 main then gave). Session 27's smaller calf sinuses and valve
  // losses (docs/flow-model.md, the first-step row) leave the prone calf about 15 mL instead of
  // 19, so each gentle squeeze moves less: 704 against 484 mL/min (1.46x); the slowed run 1.01x.
  CHECK(number(full, "peak_flow_ml_min") > 1.3 * number(resting, "peak_flow_ml_min"));
}
