// The model against the published figures of ../shared/docs/physiology.md, each with its
// range and source, measured the way the clinic measures them (flow/protocols.hpp). The
// table in docs/flow-model.md lists the same figures with the model's values.
#include <doctest/doctest.h>

#include "flow_test_support.hpp"

#include <algorithm>
#include <cmath>
#include <stop_token>

#include "flow/protocols.hpp"
#include "flow/report.hpp"
#include "../support/sanitizer.hpp"

using namespace effleura;
using flow::Posture;

namespace {

using flow_test::network;

const std::vector<std::string> kDeep = {"femoral", "popliteal", "posterior-tibial", "peroneal"};
const std::vector<std::string> kPerforators = {"perforator-calf-medial", "perforator-paratibial",
                                               "perforator-calf-posterior", "perforator-thigh"};

// The clinic's three protocols (flow/protocols.hpp), each minutes of model time.
enum class Protocol { plethysmography, refill, ambulatory };

// Whether a case measures `p`. The Release pass runs every protocol for every leg; the
// sanitized pass (3-10x slower) runs one protocol per leg, a different one in each case, so
// every protocol's code still runs under ASan+UBSan once (tests/support/sanitizer.hpp).
bool measures(Protocol p, Protocol sampled) { return !test::kSanitized || p == sampled; }

// The indices `measures` asks for; the others stay at their zero defaults, unchecked.
flow::ClinicalIndices indices(const flow::LegCondition& leg, Protocol sampled,
                              const flow::PlethysmographyTimes& times = {}) {
  flow::ClinicalIndices c;
  if (measures(Protocol::plethysmography, sampled)) {
    auto p = flow::air_plethysmography(network(), leg, {}, times);
    REQUIRE_MESSAGE(p.has_value(), p.error().describe());
    c.plethysmography = *p;
  }
  if (measures(Protocol::refill, sampled)) {
    auto r = flow::refill_time(network(), leg);
    REQUIRE_MESSAGE(r.has_value(), r.error().describe());
    c.refill_time_s = *r;
  }
  if (measures(Protocol::ambulatory, sampled)) {
    auto a = flow::ambulatory_pressure(network(), leg);
    REQUIRE_MESSAGE(a.has_value(), a.error().describe());
    c.ambulatory = *a;
  }
  return c;
}

// Settling time of the posture cases: the arterioles' tone settles with a 10 s time constant,
// so 60 s leaves it within 0.3 %, and 30 s (the sanitized pass) within 5 %, well inside the
// ranges checked.
constexpr double kSettleS = test::kSanitized ? 30.0 : 60.0;

// A minute of ankle pumps after 30 s of settling, as both popliteal-velocity cases read it: the
// time average still rises slowly as the pumps go on (the calf's veins empty over minutes), 1.50x
// after 22 s supine (the sanitized pass's length until session 16's CI failed on it), 1.66x after
// 30 s, about 2.1x after 2 min (`--simulate`), so both passes pump a minute.
flow::SimulationSummary ankle_pumps_minute(Posture posture) {
  flow::SimulationRequest req;
  req.scenario = "ankle-pumps";
  req.posture = posture;
  req.seconds = 60.0;
  req.active_seconds = req.seconds;
  req.settle_seconds = 30.0;
  req.clinical_indices = false;
  auto rep = flow::simulate(network(), req, {});
  REQUIRE(rep.has_value());
  return rep->summary;
}

// A study's time-averaged peak velocity (TAPV) in the popliteal vein, at rest and during ankle
// exercise, as a 95 % CI each (cm/s).
struct TapvStudy {
  double rest_low, rest_high, exercise_low, exercise_high;
};

// Both popliteal-velocity cases read the study the same way: the report's steady_mean is the
// time average over the pumps' last 10 s (five pumps), at the cross-section's mean, where the
// Doppler envelope reads the fastest cells; the resting flow is slow and laminar, so the envelope
// is about twice the mean (Poiseuille) and the model's resting mean should be half the study's
// CI. The ratio exercise / rest is checked within the CIs' extremes (lowest exercise over highest
// rest to highest exercise over lowest rest). Returns the ratio.
double check_popliteal_tapv(const flow::SimulationSummary& s, const TapvStudy& study) {
  CHECK(s.popliteal_velocity_resting_cm_s > 0.5 * study.rest_low);
  CHECK(s.popliteal_velocity_resting_cm_s < 0.5 * study.rest_high);
  REQUIRE(std::isfinite(s.popliteal_velocity_steady_mean_cm_s));
  const double ratio = s.popliteal_velocity_steady_mean_cm_s / s.popliteal_velocity_resting_cm_s;
  CHECK(ratio > study.exercise_low / study.rest_high);
  CHECK(ratio < study.exercise_high / study.rest_low);
  CHECK(s.volume_error_rel < 1e-9);
  return ratio;
}

}  // namespace

TEST_CASE("a normal leg reads normal on the clinic's tests") {
  const auto c = indices({}, Protocol::ambulatory);
  const auto& p = c.plethysmography;
  // Air plethysmography norms (plethysmography reviews): ejection fraction of one tiptoe over
  // 60 %, residual volume after ten tiptoes under 35 %; venous filling index under 2 mL/s
  // (van Bemmelen). Venous volume: the calf holds ~100-150 mL (estimate), so the change
  // from legs raised to standing is of that order.
  if (measures(Protocol::plethysmography, Protocol::ambulatory)) {
    CHECK(p.ejection_fraction > 0.60);
    CHECK(p.ejection_fraction < 0.95);
    CHECK(p.residual_volume_fraction < 0.35);
    CHECK(p.filling_index_ml_s > 0.3);
    CHECK(p.filling_index_ml_s < 2.0);
    CHECK(p.venous_volume_ml > 80.0);
    CHECK(p.venous_volume_ml < 250.0);
  }
  // Refill time after ten sitting ankle pumps over 20 s (plethysmography reviews).
  if (measures(Protocol::refill, Protocol::ambulatory)) CHECK(c.refill_time_s > 20.0);
  // Ambulatory venous pressure: standing ~90 mmHg falls to ~20-30 when walking and recovers
  // in ~31 s (Pollack & Wood 1949); we accept 20-40 s.
  CHECK(c.ambulatory.standing_mmhg > 80.0);
  CHECK(c.ambulatory.walking_mmhg >= 20.0);
  CHECK(c.ambulatory.walking_mmhg <= 30.0);
  CHECK(c.ambulatory.recovery_s > 20.0);
  CHECK(c.ambulatory.recovery_s < 40.0);
}

TEST_CASE("great saphenous reflux reads as the clinic grades it") {
  const auto c = indices({{"great-saphenous"}, 0.0}, Protocol::refill);
  // Refill under 20 s with reflux (plethysmography reviews); filling index over 2 mL/s
  // (varicose 2.6 +- 1.7, van Bemmelen); the walking fall is smaller (~37 instead of ~64 mmHg)
  // and recovery takes seconds (~3 s) (Pollack & Wood 1949).
  CHECK(c.refill_time_s > 0.0);
  CHECK(c.refill_time_s < 20.0);
  if (measures(Protocol::plethysmography, Protocol::refill)) CHECK(c.plethysmography.filling_index_ml_s > 2.0);
  // Residual volume fraction over 35 % (plethysmography reviews): the leaky vein refills the
  // calf through the perforators in each pause of the ten tiptoes, and the last pause's refill
  // stays (session 15: 31 %, with the heel down 0.3 s of each second; now 0.5 s).
  if (measures(Protocol::plethysmography, Protocol::refill)) CHECK(c.plethysmography.residual_volume_fraction > 0.35);
  if (measures(Protocol::ambulatory, Protocol::refill)) {
    const auto normal = flow::ambulatory_pressure(network(), {});
    REQUIRE(normal.has_value());
    CHECK(c.ambulatory.walking_mmhg > normal->walking_mmhg + 15.0);
    CHECK(c.ambulatory.recovery_s > 0.0);
    CHECK(c.ambulatory.recovery_s < 10.0);
  }
}

TEST_CASE("great saphenous reflux above the knee only: walking lowers the ankle ~37 mmHg, as with varicose veins (Pollack & Wood 1949)") {
  // Of 122 legs with great saphenous reflux, 51 had it above the knee only (Mendoza 2013):
  // "great-saphenous:above-knee" leaks the valves above the knee and keeps those below.
  auto fs = flow::FlowSystem::create(network());
  REQUIRE(fs.has_value());
  REQUIRE(fs->set_incompetent("great-saphenous:above-knee").has_value());
  const auto gsv = *network().index_of("great-saphenous");
  int above = 0, below = 0;
  for (const auto& v : fs->valves()) {
    if (v.vein != gsv) {
      CHECK_FALSE(v.incompetent);
      continue;
    }
    const bool is_above = static_cast<double>(v.position.y) >= network().params.calf_top_m;
    CHECK(v.incompetent == is_above);
    ++(is_above ? above : below);
  }
  CHECK(above >= 6);  // 6 above the knee and the junction's (veins.toml)
  CHECK(below >= 2);
  CHECK_FALSE(fs->set_incompetent("great-saphenus:above-knee").has_value());
  // With varicose veins walking lowers the ankle's pressure ~37 mmHg (64 in a normal leg) and it
  // recovers in ~3 s (Pollack & Wood 1949). With every valve of the vein open (the plain id) the
  // model's fall is 22 mmHg, the valves below the knee shut 37.
  const auto c = indices({{"great-saphenous:above-knee"}, 0.0}, Protocol::ambulatory);
  const double fall = c.ambulatory.standing_mmhg - c.ambulatory.walking_mmhg;
  MESSAGE("above the knee: standing " << c.ambulatory.standing_mmhg << ", walking " << c.ambulatory.walking_mmhg
          << " mmHg (fall " << fall << "), recovery " << c.ambulatory.recovery_s << " s");
  CHECK(fall > 37.0 - 10.0);
  CHECK(fall < 37.0 + 10.0);
  CHECK(c.ambulatory.recovery_s > 0.0);
  CHECK(c.ambulatory.recovery_s < 10.0);
  // It still reads as reflux on the other tests: residual over 35 %, filling index over 2 mL/s,
  // refill under 20 s (plethysmography reviews; van Bemmelen). The residual is thin (35.43 %
  // since session 18) and its bound is the weak part, not the model: 35 % is the reviews' cut-off
  // for venous insufficiency in general; with saphenous and junction reflux the residual was
  // comparable to normal legs' in 121 legs (ostial great saphenous reflux study) and overlapped
  // widely without following the ambulatory pressure in 113 (Payne 1993, Br J Surg 80:967), so
  // a leg like this one may read either side of 35 %. What moves it is the protocol's estimates
  // (the heel's time down in each tiptoe, the moment it is read): docs/flow-model.md.
  if (measures(Protocol::plethysmography, Protocol::ambulatory)) {
    CHECK(c.plethysmography.residual_volume_fraction > 0.35);
    CHECK(c.plethysmography.filling_index_ml_s > 2.0);
    // The sourced claim beside the thin bound: with varicose veins the residual is higher on
    // average than in legs without disease (294 legs, Int Angiol 2006;25:352), so this leg's must
    // exceed the normal leg's, by more than the protocol's own estimates move a normal leg (the
    // heel's time down in each tiptoe, 0.3-0.5 s, gave it 24-27 %, session 16): 5 points. One
    // more plethysmography (~1.5 s CPU), Release only: the sanitized pass samples this case's
    // ambulatory protocol, not this one.
    const auto normal = flow::air_plethysmography(network(), {});
    REQUIRE(normal.has_value());
    MESSAGE("residual volume: above-knee reflux " << c.plethysmography.residual_volume_fraction << ", normal "
            << normal->residual_volume_fraction);
    CHECK(c.plethysmography.residual_volume_fraction > normal->residual_volume_fraction + 0.05);
  }
  if (measures(Protocol::refill, Protocol::ambulatory)) CHECK(c.refill_time_s < 20.0);
}

TEST_CASE("deep reflux leaves more than 35 % of the calf's blood after ten tiptoes") {
  // The sanitized pass's one plethysmography: its quiet phases shortened from 30 / 180 / 90 s to
  // 10 / 60 / 30 (the same code; 312 -> 112 s of model time, CI 13.5 -> ~5 s), which reads this
  // leg on the same side of each bound (flow/protocols.hpp); the Release pass runs the clinic's.
  const auto c = indices({kDeep, 0.0}, Protocol::plethysmography,
                         test::kSanitized ? flow::PlethysmographyTimes{10.0, 60.0, 30.0} : flow::PlethysmographyTimes{});
  // Residual volume fraction over 35 % and ejection ~40 % in deep reflux (plethysmography
  // reviews); filling index well over 2 mL/s; refill under 20 s.
  CHECK(c.plethysmography.residual_volume_fraction > 0.35);
  CHECK(c.plethysmography.filling_index_ml_s > 2.0);
  if (measures(Protocol::refill, Protocol::plethysmography)) CHECK(c.refill_time_s < 20.0);
}

TEST_CASE("reflux durations: normal valves close in time, incompetent ones reflux past the thresholds") {
  // Labropoulos 2003: closing backflow over 0.5 s superficial, 1 s femoral/popliteal, 0.35 s
  // perforators is reflux. Walking standing for 20 s, then 10 s still (under the sanitizers
  // 8 s, then 4 s: every stride closes the valves and lets a leaky vein reflux again).
  flow::SimulationRequest req;
  req.scenario = "walking";
  req.seconds = test::kSanitized ? 12.0 : 30.0;
  req.active_seconds = test::kSanitized ? 8.0 : 20.0;
  req.posture = Posture::standing;
  req.clinical_indices = false;
  auto normal = flow::simulate(network(), req, {});
  REQUIRE(normal.has_value());
  for (const auto& [id, s] : normal->reflux_by_vein) {
    const double limit = id.starts_with("perforator") ? 0.35 : (id == "femoral" || id == "popliteal") ? 1.0 : 0.5;
    CHECK_MESSAGE(s < limit, id);
  }
  req.incompetent = {"great-saphenous"};
  auto gsv = flow::simulate(network(), req, {});
  REQUIRE(gsv.has_value());
  double gsv_reflux = 0.0;
  for (const auto& [id, s] : gsv->reflux_by_vein)
    if (id == "great-saphenous") gsv_reflux = s;
  CHECK(gsv_reflux > 0.5);
  req.incompetent = kPerforators;
  auto perf = flow::simulate(network(), req, {});
  REQUIRE(perf.has_value());
  double perf_reflux = 0.0;
  for (const auto& [id, s] : perf->reflux_by_vein)
    if (id.starts_with("perforator")) perf_reflux = std::max(perf_reflux, s);
  CHECK(perf_reflux > 0.35);
}

TEST_CASE("standing lowers the leg's inflow (venoarteriolar reflex), a stocking barely changes it (autoregulation)") {
  auto supine = flow::make_leg(network(), {}, Posture::supine, kSettleS);
  auto standing = flow::make_leg(network(), {}, Posture::standing, kSettleS);
  auto stocking = flow::make_leg(network(), {{}, 40.0}, Posture::supine, kSettleS);
  REQUIRE(supine.has_value());
  REQUIRE(standing.has_value());
  REQUIRE(stocking.has_value());
  // The reflex cuts limb blood flow on dependency by tens of percent (estimate 30-50 %).
  CHECK(standing->total_inflow_ml_s() < 0.8 * supine->total_inflow_ml_s());
  CHECK(standing->total_inflow_ml_s() > 0.5 * supine->total_inflow_ml_s());
  // Arterioles reset their tone, so a stocking does not starve the leg at rest.
  CHECK(stocking->total_inflow_ml_s() > 0.9 * supine->total_inflow_ml_s());
}

TEST_CASE("sitting keeps the leg's arterial inflow and about halves the shank's (seated leg flow, popliteal artery)") {
  auto supine = flow::make_leg(network(), {}, Posture::supine, kSettleS);
  auto sitting = flow::make_leg(network(), {}, Posture::sitting, kSettleS);
  REQUIRE(supine.has_value());
  REQUIRE(sitting.has_value());
  // Seated upright at rest the femoral artery carries 0.31 +- 0.04 L/min against 0.32 +- 0.04
  // lying (Med Sci Sports Exerc abstract, nine subjects, Doppler): the whole leg keeps its inflow.
  CHECK(sitting->total_inflow_ml_s() > 0.8 * supine->total_inflow_ml_s());
  // Below the knee it falls: popliteal artery 110 +- 43 mL/min lying, 57 +- 27 sitting (Arch Surg,
  // 37 normal legs, colour duplex): 0.52, whose 95 % confidence interval, from the two means'
  // standard errors (43 and 27 over the root of 37), is about 0.42-0.62. The beds below the knee
  // (calf and sole) lying inside the first, sitting at 0.42-0.62 times that (the model 0.55; 0.70
  // with the reflex's old 40 % cut, which this fails).
  const auto below_knee_ml_min = [](const flow::FlowSystem& fs) {
    double q = 0.0;
    for (const auto& s : fs.segments())
      if (s.calf || s.foot) q += s.inflow_m3_s;
    return q * 6e7;
  };
  const double lying = below_knee_ml_min(*supine), seated = below_knee_ml_min(*sitting);
  MESSAGE("below the knee: lying " << lying << " mL/min, sitting " << seated << "; whole leg " << 60.0 * supine->total_inflow_ml_s()
          << " -> " << 60.0 * sitting->total_inflow_ml_s());
  CHECK(lying > 110.0 - 43.0);
  CHECK(lying < 110.0 + 43.0);
  CHECK(seated < 0.62 * lying);
  CHECK(seated > 0.42 * lying);
}

TEST_CASE("legs raised: the femoral vein narrows and its blood runs faster (Lancet posture study)") {
  auto flat = flow::make_leg(network(), {}, Posture::supine, kSettleS);
  auto raised = flow::make_leg(network(), {}, Posture::raised, kSettleS);
  REQUIRE(flat.has_value());
  REQUIRE(raised.has_value());
  // 6 degrees leg-up: common femoral velocity +17 %, diameter -14 %; our 30 degrees more so.
  CHECK(raised->femoral_velocity_m_s() > 1.17 * flat->femoral_velocity_m_s());
  CHECK(raised->vein_volume_ml("femoral") < 0.86 * flat->vein_volume_ml("femoral"));
}

TEST_CASE("sitting, then standing, slow the femoral vein's blood as duplex measured (Thromb Haemost 2004, economy class)") {
  // 26 normal legs of 13 people, duplex at the popliteal, femoral and common femoral veins lying
  // flat, seated as in an aircraft seat and standing (Thromb Haemost 2004;91:941, the medians'
  // changes): in the femoral vein the mean velocity fell 70 % from lying to sitting and 42 % more
  // standing, its flow 34 % and 27 %, while its diameter grew 39 % and 12 %; the popliteal and
  // common femoral veins slowed in the same order. The Lancet's ranking of the common femoral
  // vein's peak velocity (12 people) put sitting below standing; this larger study, which also
  // measured the flows and calibres that set the velocity, puts standing lowest, as the model does:
  // the hanging thigh's inflow is cut by the venoarteriolar reflex and its vein distended by the
  // column (docs/flow-model.md, validation table). Ratios within 0.15 of the study's medians (the
  // abstract gives no spread).
  auto supine = flow::make_leg(network(), {}, Posture::supine, kSettleS);
  auto sitting = flow::make_leg(network(), {}, Posture::sitting, kSettleS);
  auto standing = flow::make_leg(network(), {}, Posture::standing, kSettleS);
  REQUIRE(supine.has_value());
  REQUIRE(sitting.has_value());
  REQUIRE(standing.has_value());
  struct Femoral {
    double velocity, flow, diameter;
  };
  const auto femoral = [](const flow::FlowSystem& fs) {
    const auto pieces = fs.segments_of("femoral");
    REQUIRE_FALSE(pieces.empty());
    const auto& s = fs.segments()[static_cast<std::size_t>(pieces[pieces.size() / 2])];
    return Femoral{s.velocity_m_s, s.flow_m3_s, 2.0 * std::sqrt(s.volume_m3 / s.length_m / 3.14159265358979)};
  };
  const Femoral lying = femoral(*supine), seated = femoral(*sitting), upright = femoral(*standing);
  MESSAGE("femoral vein lying / sitting / standing: " << 100.0 * lying.velocity << " / " << 100.0 * seated.velocity << " / "
          << 100.0 * upright.velocity << " cm/s, " << 1e6 * lying.flow << " / " << 1e6 * seated.flow << " / "
          << 1e6 * upright.flow << " mL/s, " << 1e3 * lying.diameter << " / " << 1e3 * seated.diameter << " / "
          << 1e3 * upright.diameter << " mm");
  const auto near = [](double model, double study) { return std::abs(model - study) < 0.15; };
  CHECK(near(seated.velocity / lying.velocity, 0.30));
  CHECK(near(upright.velocity / seated.velocity, 0.58));
  CHECK(near(seated.flow / lying.flow, 0.66));
  CHECK(near(upright.flow / seated.flow, 0.73));
  CHECK(near(seated.diameter / lying.diameter, 1.39));
  CHECK(near(upright.diameter / seated.diameter, 1.12));
  // The same order at the popliteal vein and where the common femoral vein leaves the leg.
  CHECK(sitting->vein_velocity_m_s("popliteal") < supine->vein_velocity_m_s("popliteal"));
  CHECK(standing->vein_velocity_m_s("popliteal") < sitting->vein_velocity_m_s("popliteal"));
  CHECK(sitting->groin_velocity_m_s() < supine->groin_velocity_m_s());
  CHECK(standing->groin_velocity_m_s() < sitting->groin_velocity_m_s());
}

TEST_CASE("the foot pump: weight or pressure on the sole empties the plantar plexus toward the heart") {
  auto fs = flow::make_leg(network(), {}, Posture::standing, 40.0);
  REQUIRE(fs.has_value());
  const double foot0 = fs->foot_volume_ml();
  const double base = fs->femoral_outflow_ml_s();
  const double out0 = fs->outflow_total_ml();
  REQUIRE(foot0 > 5.0);
  fs->set_foot_pressure(150.0);  // body weight on the sole (estimate)
  for (int i = 0; i < 50; ++i) fs->advance(0.01, {}, Posture::standing);
  // What left at the groin above the resting outflow, counted exactly from the step's own ledger
  // (a sum of the outflow read at the end of each 10 ms read 0.203 where the exact count is 0.199).
  const double ejected = fs->outflow_total_ml() - out0 - 0.5 * base;
  const double emptied = foot0 - fs->foot_volume_ml();
  MESSAGE("foot pump: plexus emptied " << emptied << " mL, " << ejected << " mL above rest at the groin in 0.5 s (share "
          << ejected / emptied << ")");
  CHECK(fs->foot_volume_ml() < 0.5 * foot0);
  // Our own floor, not a measured figure (the sourced foot-pump check is the Ilgenfritz case
  // below): the column above must start moving within 0.5 s, so a good part of what the sole
  // empties reaches the groin by then. The model gives 0.199, and 0.15 leaves it a quarter's margin.
  CHECK(ejected > 0.15 * emptied);
  // A hand pressing the sole does the same, less strongly.
  auto hand = flow::make_leg(network(), {}, Posture::supine, 40.0);
  REQUIRE(hand.has_value());
  const double plexus0 = hand->foot_volume_ml();
  Contacts sole(1);
  sole[0].point = {-0.02f, 0.0f, 0.06f};
  sole[0].normal = {0.0f, -1.0f, 0.0f};
  sole[0].radius_m = 0.04f;
  sole[0].pressure_mmhg = 40.0f;
  hand->advance(1.0, sole, Posture::supine);
  CHECK(hand->foot_volume_ml() < 0.7 * plexus0);
}

// Session 29: the foot pump against a measured figure. A pneumatic garment squeezing the sole
// of a lying person raised the peak femoral venous velocity from 25.9 to 40.6 cm/s, 1.57-fold
// (Ilgenfritz & Meier, Angiology 1994;45:946; physiology.md). The abstract gives neither the
// spread, the garment's pressure nor the probe's site, so: the ratio is read at the groin (the
// common femoral vein, where such studies usually place the probe; the mid-thigh femoral piece
// reads 3.9-fold, see docs/flow-model.md), the garment presses at 130 mmHg (estimate; the model
// gives 1.64-1.70 from 60 to 160 mmHg), and the range 1.3-2.0 is our margin around 1.57. A
// Doppler reads the centre line and the model the mean over the area: the ratio assumes the same
// profile at rest and at the peak. A foot pump that moved nothing would read 1.0.
TEST_CASE("a pneumatic foot pump lying down raises the groin's peak velocity about 1.6-fold (Ilgenfritz 1994)") {
  // 20 s lying settles the groin's resting velocity within 0.5 % of 40 s (6.60 against 6.57 cm/s)
  // at half the cost: 0.3 s in Release.
  auto fs = flow::make_leg(network(), {}, Posture::supine, 20.0);
  REQUIRE(fs.has_value());
  const double rest = fs->groin_velocity_m_s();
  REQUIRE(rest > 0.0);
  double peak = rest;
  fs->set_foot_pressure(130.0);
  for (int i = 0; i < 300; ++i) {  // the garment holds for about 3 s
    fs->advance(0.01, {}, Posture::supine);
    peak = std::max(peak, fs->groin_velocity_m_s());
  }
  MESSAGE("groin " << 100.0 * rest << " -> " << 100.0 * peak << " cm/s (" << peak / rest << "x; measured 1.57x)");
  CHECK(peak / rest > 1.3);
  CHECK(peak / rest < 2.0);
}

TEST_CASE("breathing makes the supine groin flow phasic without changing its mean") {
  auto quiet = flow::make_leg(network(), {}, Posture::supine, 30.0);
  auto breathing = flow::make_leg(network(), {}, Posture::supine, 0.0);
  REQUIRE(quiet.has_value());
  REQUIRE(breathing.has_value());
  breathing->set_breathing(true);
  breathing->settle(30.0);
  double lo = 1e9, hi = -1e9, sum = 0.0;
  for (int i = 0; i < 800; ++i) {
    breathing->advance(0.01, {}, Posture::supine);
    lo = std::min(lo, breathing->femoral_outflow_ml_s());
    hi = std::max(hi, breathing->femoral_outflow_ml_s());
    sum += breathing->femoral_outflow_ml_s();
  }
  // Inspiration slows the outflow, expiration speeds it ("Optimal physical methods": deep
  // breathing raises peak femoral velocity, least of the methods).
  CHECK(hi > 1.3 * lo);
  CHECK(lo > 0.0);  // no backflow at the groin from quiet breathing
  CHECK(sum / 800.0 == doctest::Approx(quiet->femoral_outflow_ml_s()).epsilon(0.05));
}

TEST_CASE("the clinical indices stop when asked (the app's worker drops a leg no longer on screen)") {
  std::stop_source stop;
  stop.request_stop();
  const auto c = flow::clinical_indices(network(), {}, stop.get_token());
  REQUIRE_FALSE(c.has_value());
  CHECK(c.error().message.find("stopped") != std::string::npos);
  // Not asked, the same calls run to the end: every test above uses the default token.
}

TEST_CASE("supine ankle pumps about double the popliteal vein's time-averaged velocity (Thromb Haemost 2009)") {
  // The study reads the time-averaged peak velocity (TAPV: the Doppler envelope averaged over the
  // recording) in the popliteal vein: supine at rest 11 cm/s (95 % CI 9-13), during ankle
  // exercise 24 (20-28): the ratio between 20/13 and 28/9. Until session 16 the report had only
  // the instant's peak over the last 5 s (steady_peak, 8.7 times rest), which no Doppler reports.
  const flow::SimulationSummary s = ankle_pumps_minute(Posture::supine);
  const double ratio = check_popliteal_tapv(s, {9.0, 13.0, 20.0, 28.0});
  MESSAGE("popliteal resting " << s.popliteal_velocity_resting_cm_s << " cm/s, pumping: mean "
          << s.popliteal_velocity_steady_mean_cm_s << " (" << ratio << "x), instant peak "
          << s.popliteal_velocity_steady_peak_cm_s);
}

TEST_CASE("sitting ankle pumps raise the popliteal vein's time-averaged velocity about six-fold (Thromb Haemost 2009)") {
  // The same study, sitting: resting TAPV 3 (95 % CI 2-4) cm/s, during ankle exercise 18 (15-21):
  // six-fold, where supine it doubles (previous case), the ratio between 15/4 = 3.75 and
  // 21/2 = 10.5. Sitting the vein at rest is wide and slow (the shank hangs; the
  // venoarteriolar reflex cuts its inflow); the pumps empty the calf's veins, which eases the
  // reflex, and the calf's muscle beds, which work, keep their arterioles open against the column
  // the pump takes off their veins (the muscle pump: tens of mmHg hanging, a few lying).
  // Session 18's model (reflex eased, the leg-wide hyperemia alone) gave 3.27, below 3.75; with the
  // reflex following the height alone (until session 18) 2.07.
  const flow::SimulationSummary s = ankle_pumps_minute(Posture::sitting);
  const double ratio = check_popliteal_tapv(s, {2.0, 4.0, 15.0, 21.0});
  MESSAGE("sitting popliteal resting " << s.popliteal_velocity_resting_cm_s << " cm/s, pumping mean "
          << s.popliteal_velocity_steady_mean_cm_s << " (" << ratio << "x)");
}
