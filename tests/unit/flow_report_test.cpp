#include <doctest/doctest.h>

#include "flow_test_support.hpp"

#include <string>

#include "flow/report.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;

namespace {

using flow_test::network;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("parse_posture knows the four postures and lists them when given another") {
  CHECK(flow::parse_posture("supine").value() == flow::Posture::supine);
  CHECK(flow::parse_posture("sitting").value() == flow::Posture::sitting);
  CHECK(flow::parse_posture("standing").value() == flow::Posture::standing);
  CHECK(flow::parse_posture("raised").value() == flow::Posture::raised);
  auto bad = flow::parse_posture("lying");
  REQUIRE_FALSE(bad.has_value());
  for (const auto& name : flow::posture_names()) CHECK(contains(bad.error().message, name));
}

TEST_CASE("simulate rejects an unknown vein, naming the valid ones, and impossible numbers") {
  flow::SimulationRequest req;
  req.seconds = 1.0;
  req.incompetent = {"great-saphenus"};
  auto r = flow::simulate(network(), req, {});
  REQUIRE_FALSE(r.has_value());
  CHECK(contains(r.error().message, "great-saphenus"));
  CHECK(contains(r.error().message, "great-saphenous"));
  CHECK(contains(r.error().message, "small-saphenous"));
  req.incompetent.clear();
  for (double bad : {0.0, -5.0, 1e9}) {
    req.seconds = bad;
    CHECK_FALSE(flow::simulate(network(), req, {}).has_value());
  }
  req.seconds = 1.0;
  req.stocking_mmhg = -3.0;
  CHECK_FALSE(flow::simulate(network(), req, {}).has_value());
}

TEST_CASE("a resting report: flow at baseline, equal-length series at 20 Hz, JSON with every field") {
  flow::SimulationRequest req;
  req.scenario = "rest";
  req.seconds = 4.0;
  req.settle_seconds = 20.0;
  // The clinic's protocols are minutes of model time: the sanitized pass leaves them out (their
  // keys then hold null) and flow_validation's cases run each protocol under it.
  req.clinical_indices = !test::kSanitized;
  auto r = flow::simulate(network(), req, {});
  REQUIRE(r.has_value());
  const auto& s = r->summary;
  CHECK(s.baseline_flow_ml_min > 300.0);
  CHECK(s.baseline_flow_ml_min < 420.0);
  CHECK(s.mean_flow_ml_min == doctest::Approx(s.baseline_flow_ml_min).epsilon(0.02));
  CHECK(s.last_drive_s < 0.0);
  CHECK(s.calf_ejection_fraction < 0.02);
  CHECK(s.volume_error_rel < 1e-6);
  REQUIRE(r->t_s.size() == 81);  // 0 s and 80 samples at 20 Hz
  CHECK(r->femoral_flow_ml_s.size() == r->t_s.size());
  CHECK(r->calf_volume_ml.size() == r->t_s.size());
  CHECK(r->ankle_pressure_mmhg.size() == r->t_s.size());
  CHECK(r->t_s.back() == doctest::Approx(4.0));
  const std::string json = flow::to_json(*r);
  for (const char* key : {"\"summary\"", "\"baseline_flow_ml_min\"", "\"mean_flow_ml_min\"", "\"peak_flow_ml_min\"",
                          "\"calf_ejection_fraction\"", "\"ankle_pressure_min_mmhg\"", "\"ankle_pressure_max_mmhg\"",
                          "\"max_reflux_s\"", "\"return_to_baseline_s\"", "\"volume_error_rel\"", "\"series\"",
                          "\"t_s\"", "\"femoral_flow_ml_s\"", "\"calf_volume_ml\"", "\"ankle_pressure_mmhg\"",
                          "\"reflux_s\"", "\"great-saphenous\"", "\"ejection_fraction\"",
                          "\"residual_volume_fraction\"", "\"venous_volume_ml\"", "\"venous_filling_index_ml_s\"", "\"refill_time_s\"",
                          "\"ambulatory_pressure_mmhg\"", "\"ambulatory_recovery_s\"", "\"femoral_velocity_cm_s\"",
                          "\"resting\"", "\"peak\"", "\"arterial_supply_ml_s\""})
    CHECK_MESSAGE(contains(json, key), key);
  CHECK_FALSE(contains(json, "nan"));
  if (req.clinical_indices) CHECK_FALSE(contains(json, "null"));  // every index was measured
  CHECK(r->arterial_supply_ml_s.size() == r->t_s.size());
  CHECK_FALSE(contains(json, "inf"));
  // Balanced brackets: a cheap guard against a malformed writer.
  int depth = 0;
  for (char c : json) {
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    REQUIRE(depth >= 0);
  }
  CHECK(depth == 0);
}

TEST_CASE("the contacts callback drives technique runs and is asked for every 10 ms") {
  int calls = 0;
  double last_t = -1.0;
  flow::SimulationRequest req;
  req.scenario = "calf-squeezes";
  req.seconds = 2.0;
  req.clinical_indices = false;
  req.settle_seconds = 10.0;
  auto r = flow::simulate(network(), req, [&](double t) {
    ++calls;
    last_t = t;
    Contacts c(1);
    c[0].point = {-0.02f, 0.33f, -0.068f};
    c[0].pressure_mmhg = t < 1.0 ? 40.0f : 0.0f;
    return c;
  });
  REQUIRE(r.has_value());
  CHECK(calls == 200);
  CHECK(last_t == doctest::Approx(1.99));
  CHECK(r->summary.last_drive_s == doctest::Approx(1.0));
  CHECK(r->summary.peak_flow_ml_min > 1.5 * r->summary.baseline_flow_ml_min);
}

TEST_CASE("a stocking narrows the standing leg's veins (Downie 2007: cross-sections shrink)") {
  flow::SimulationRequest req;
  req.scenario = "rest";
  req.seconds = 1.0;
  req.posture = flow::Posture::standing;
  req.clinical_indices = false;
  auto plain = flow::simulate(network(), req, {});
  req.stocking_mmhg = 30.0;
  auto stocking = flow::simulate(network(), req, {});
  REQUIRE(plain.has_value());
  REQUIRE(stocking.has_value());
  CHECK(stocking->calf_volume_ml.back() < 0.9 * plain->calf_volume_ml.back());
}
