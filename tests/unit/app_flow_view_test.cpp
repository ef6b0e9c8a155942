// The flow view as a student opens it (app/flow_view.hpp): ankle pumps work the calf's veins from
// the foot, so the camera that follows the hands must also frame the calf and popliteal veins the
// pump empties; and `--layers skin,veins` without --xray must show the veins (an opaque skin hid
// them). GL-free: the camera and the particles' list are plain data.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>

#include "app/flow_view.hpp"
#include "app/language.hpp"
#include "app/paths.hpp"
#include "app/state.hpp"
#include "ui/flow_plot.hpp"
#include "ui/teaching_panels.hpp"
#include "ui/tr.hpp"

using namespace effleura;

namespace {

constexpr glm::ivec2 kSize{1280, 720};

app::Options source_options() {
  app::Options o;
  o.content_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content";
  o.assets_dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "assets";
  return o;
}

// The veins the calf pump presses and the popliteal vein it empties into, chosen here from the
// flow model's own segment data (as flow/flow_loads.cpp loads the calf's muscle pressure).
std::vector<glm::vec3> pumped_vein_points(const flow::FlowSystem& f) {
  std::vector<glm::vec3> out;
  for (const flow::Segment& s : f.segments()) {
    const bool calf_pump = !s.foot && (s.kind == anatomy::VeinKind::sinus || (s.calf && s.kind != anatomy::VeinKind::superficial));
    if (calf_pump || f.network().veins[s.vein].id == "popliteal") {
      out.push_back(s.p0);
      out.push_back(s.p1);
    }
  }
  return out;
}

struct Framing {
  int points = 0, on_screen = 0;
  float width = 0.0f;  // of the pumped veins on screen, in shares of the frame's width
};

Framing framing(const app::State& scene, const std::vector<glm::vec3>& points) {
  const render::FrameView v = scene.camera_view(kSize);
  const glm::mat4 vp = v.projection * v.view * v.leg_to_room;  // the veins are in the leg's frame
  Framing f;
  float lo = 1e9f, hi = -1e9f;
  for (const glm::vec3& p : points) {
    const glm::vec4 c = vp * glm::vec4(p, 1.0f);
    ++f.points;
    if (c.w <= 1e-4f) continue;
    const float x = c.x / c.w, y = c.y / c.w;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    if (std::abs(x) <= 0.97f && std::abs(y) <= 0.97f) ++f.on_screen;
  }
  f.width = hi > lo ? 0.5f * (std::min(hi, 1.0f) - std::max(lo, -1.0f)) : 0.0f;
  return f;
}

}  // namespace

TEST_CASE("the flow view of ankle pumps frames the calf and popliteal veins the pump empties, from the side") {
  // Followed step by step (no view named: both steps, the camera moving to the second over
  // 1.2 s), and from the named lateral view a student picks.
  for (const bool named : {false, true}) {
    CAPTURE(named);
    app::Options o = source_options();
    o.technique = "ankle-pumps";
    o.layers = render::LayerVisibility{true, false, true, true, false, false};  // skin, bones, veins: the flow view
    if (named) o.view = render::ViewPreset::lateral;
    app::State scene;
    auto loaded = scene.load(o, app::resolve_data_paths(o));
    REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
    REQUIRE(scene.simulation.flow() != nullptr);
    const std::vector<glm::vec3> pumped = pumped_vein_points(*scene.simulation.flow());
    REQUIRE(pumped.size() >= 20);
    const technique::Timeline& tl = *scene.simulation.timeline();
    REQUIRE(tl.step_count() == 2);
    for (const double at : {2.0, tl.step_start(1) + 3.0}) {
      CAPTURE(at);
      while (scene.simulation.frame().time < at) scene.update(1.0 / 30.0);
      const Framing f = framing(scene, pumped);
      // How far the camera looks across the leg: 90 degrees from the side, 0 end-on from the foot.
      const glm::vec3 axis = glm::normalize(glm::vec3(scene.leg_to_room() * glm::vec4(0.0f, 1.0f, 0.0f, 0.0f)));
      const glm::vec3 look = glm::normalize(scene.camera.eye() - scene.camera.pose().target);
      const float across = glm::degrees(std::acos(std::min(1.0f, std::abs(glm::dot(axis, look)))));
      std::printf("ankle pumps, flow view%s at %.1f s: pumped veins on screen %d of %d, %.0f %% of the width, looking %.0f deg across the leg\n",
                  named ? " (lateral)" : "", at, f.on_screen, f.points, 100.0 * f.width, static_cast<double>(across));
      // Session 8's camera, followed, framed the hands' box from the foot end, 60 degrees across
      // the calf (all 92 points on screen but the calf foreshortened behind the foot); from the
      // lateral view its focus (the hands' box) ran the popliteal vein to the picture's edge.
      // Since session 10's ankle pumps (the sole hand's palm on the ball of the foot) the foot
      // hides that palm from straight beside the leg at a few moments, so the followed camera
      // settles at 64 degrees, not 85: still from the side. Session 17's heel cup (the heel hand
      // round the heel from its outer side, its forearm straight out to the therapist's side)
      // hid its own palm from straight beside the leg, so the camera settled at 46 degrees from
      // the foot end, the pumped veins 0.19 of the width (notes/s17/lead-shots/ap-flow-old-new.png).
      // Since session 18 the heel hand's forearm comes from the foot end beside the sole hand's
      // (technique/forearm.cpp), the fingers round the heel turned 30 degrees up the leg: 85 degrees,
      // 0.28 of the width.
      CHECK(f.on_screen == f.points);
      CHECK(across > 62.0f);
      CHECK(f.width > 0.2f);  // the pump's run from ankle to knee spans a fifth of the picture or more
    }
  }
}

TEST_CASE("the skin named with the veins on the command line, without --xray, is see-through and the blood shows") {
  const render::LayerVisibility skin_veins{true, false, false, true, false, false};
  CHECK(app::skin_opacity_for_layers(skin_veins, 1.0f) == doctest::Approx(app::kFlowViewSkinOpacity));
  CHECK(app::skin_opacity_for_layers(skin_veins, 0.1f) == doctest::Approx(0.1f));  // fainter already: kept
  CHECK(app::skin_opacity_for_layers({true, false, false, false, false, false}, 1.0f) == 1.0f);  // skin alone
  CHECK(app::skin_opacity_for_layers({false, false, false, true, false, false}, 1.0f) == 1.0f);  // no skin to see through
  CHECK(app::flow_view_shown(skin_veins, app::kFlowViewSkinOpacity));
  CHECK_FALSE(app::flow_view_shown(skin_veins, 1.0f));

  app::Options o = source_options();
  o.layers = skin_veins;
  app::State scene;
  auto loaded = scene.load(o, app::resolve_data_paths(o));
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? "" : loaded.error().describe()));
  CHECK(scene.settings.skin_opacity == doctest::Approx(app::kFlowViewSkinOpacity));  // was 1: no vein seen
  CHECK(scene.frame_view({640, 360}).particles.size() > 1000);                      // the blood is drawn
  // --xray still says how opaque the skin is: 1 keeps it opaque, and no blood is drawn under it.
  o.xray = 1.0f;
  app::State opaque;
  REQUIRE(opaque.load(o, app::resolve_data_paths(o)).has_value());
  CHECK(opaque.settings.skin_opacity == 1.0f);
  CHECK(opaque.frame_view({640, 360}).particles.empty());
}

TEST_CASE("the Blood flow plots' rest label stays in its chart: under a line along the top, over a lower one") {
  constexpr float em = 16.0f, top = 100.0f;
  // A flat trace at rest puts the dashed line at the chart's top (its range is padded by 8 %):
  // the label above it ran over the plot's title line.
  CHECK(ui::rest_label_y(top + 0.08f * 3.6f * em, top, em) >= top);
  CHECK(ui::rest_label_y(top + 2.0f * em, top, em) == doctest::Approx(top + em));  // room above: above the line
}

TEST_CASE("a Blood flow plot with no samples yet spans its rest line, not zero to it") {
  float lo = 0.0f, hi = 0.0f;
  ui::plot_range({}, 110.0f, 1.0f, lo, hi);  // the calf's blood at rest, mL
  CHECK(lo > 109.0f);  // was 0 - 8 % of 110: "-9" on a volume that cannot be negative
  CHECK(hi < 111.0f);
  CHECK(lo < 110.0f);
  CHECK(hi > 110.0f);
  ui::plot_range({100.0f, 120.0f}, 110.0f, 1.0f, lo, hi);  // samples: their range, padded
  CHECK(lo < 100.0f);
  CHECK(hi > 120.0f);
}

TEST_CASE("the groin plot's 1 s mean sits under its spike, and its settled axis clips only older samples") {
  // Centred: entry i is the mean about sample i + half (1 s at 20 Hz for half 10), so a pump's
  // bold mean rises under its spike, not half a second after it as a trailing mean would.
  CHECK(ui::centred_mean({1.0f, 2.0f, 3.0f, 4.0f, 5.0f}, 1) == std::vector<float>{2.0f, 3.0f, 4.0f});
  CHECK(ui::centred_mean({1.0f, 2.0f}, 1).empty());  // no whole neighbourhood: no mean
  // A bump peaking at sample 30, wider than the mean (29 samples): its mean peaks there too; a
  // trailing mean of the same width would peak 10 samples (0.5 s) later.
  std::vector<float> bump(61, 0.0f);
  for (int i = 16; i <= 44; ++i) bump[static_cast<std::size_t>(i)] = 15.0f - static_cast<float>(std::abs(i - 30));
  const std::vector<float> mean = ui::centred_mean(bump, 10);
  REQUIRE(mean.size() == 41);
  CHECK(std::max_element(mean.begin(), mean.end()) - mean.begin() + 10 == 30);
  CHECK(mean[20] == doctest::Approx(205.0 / 21.0));  // 15 x 21 less 2 x (1 + ... + 10), over 21 samples
  // A first pump of 80 after rest, then settled pumps of 20 every 3 s (60 samples), resting 5.
  std::vector<float> flow(600, 5.0f);
  flow[30] = 80.0f;
  for (std::size_t i = 90; i < 600; i += 60) flow[i] = 20.0f;
  const std::vector<float> flow_mean = ui::centred_mean(flow, 10);
  const ui::PlotAxis axis = ui::settled_axis(flow, flow_mean, 10, 5.0f, 200, 1.0f);
  CHECK(axis.hi > 20.0f);  // the settled pumps whole
  CHECK(axis.hi < 25.0f);  // padded by 8 %: not the first pump's 80
  REQUIRE(axis.clipped_peak.has_value());
  CHECK(*axis.clipped_peak == 30);  // marked where it was
  // Samples within the settled span are never clipped: a recent first pump shows whole.
  const ui::PlotAxis recent = ui::settled_axis(flow, flow_mean, 10, 5.0f, 600, 1.0f);
  CHECK(recent.hi > 80.0f);
  CHECK_FALSE(recent.clipped_peak.has_value());
}

TEST_CASE("the groin plot holds older, taller pumps' bold 1 s mean, and marks where a far one leaves the chart") {
  // Ankle pumps: the pumps after the first are taller than the settled ones for several seconds,
  // and their 1 s means rose above the axis fitted to the last 10 s: the bold line ran off the
  // top unmarked (session 15; only the highest spike of the moment was marked). Now a mean within
  // half the settled span above it is held; a far one (the first pump's) is clipped and listed.
  std::vector<float> flow(600, 5.0f);
  for (std::size_t i = 20; i < 60; ++i) flow[i] = 60.0f;   // a long, tall first pump: mean 60, far
  for (std::size_t i = 100; i < 130; ++i) flow[i] = 25.0f;  // a taller second pump: mean 25
  for (std::size_t i = 400; i < 600; i += 60)
    for (std::size_t k = 0; k < 20; ++k) flow[i + k] = 20.0f;  // settled pumps: mean 20
  const std::vector<float> mean = ui::centred_mean(flow, 10);
  const ui::PlotAxis axis = ui::settled_axis(flow, mean, 10, 5.0f, 200, 1.0f);
  CHECK(axis.hi >= 25.0f);  // the second pump's bold line whole (old: 21.2)
  CHECK(axis.hi < 30.0f);   // not up to the first pump's 60 (nor its rising flank's)
  REQUIRE(axis.clipped_mean.size() == 1);  // the first pump's run, at its farthest point
  CHECK(axis.clipped_mean[0] >= 30);
  CHECK(axis.clipped_mean[0] < 50);
  for (std::size_t j = 0; j < mean.size(); ++j) {
    CAPTURE(j);
    if (j + 10 >= 70) CHECK(mean[j] <= axis.hi);  // only means over the first pump (samples 20-59) leave
  }
}

TEST_CASE("the groin plot clips only a spike far above its settled rhythm, not a squeeze a little taller") {
  // Calf squeezes: one older squeeze of 16 mL/s among settled ones of 15 (axis 0-15): clipping
  // it put a "peak 16" mark on a plot that read well whole. Within half the settled span above
  // it, the axis holds every sample.
  std::vector<float> flow(600, 0.0f);
  for (std::size_t i = 0; i < 600; i += 60) flow[i] = i < 400 ? 16.0f : 15.0f;
  const ui::PlotAxis axis = ui::settled_axis(flow, ui::centred_mean(flow, 10), 10, 0.0f, 200, 1.0f);
  CHECK_FALSE(axis.clipped_peak.has_value());
  CHECK(axis.hi > 16.0f);
}

TEST_CASE("the groin plot marks an older dip far below its settled rhythm, as a peak above, and holds a smaller one") {
  // Walking from standing still: the first steps empty a full calf (a peak far above the settled
  // strides) and the groin's blood runs back as the valves shut (-58 mL/s in one replay, against
  // -18 at most once walking settles). Until session 15 such a dip was clipped without a mark
  // whenever a peak was clipped, and any smaller older dip with it: a student saw neither.
  std::vector<float> flow(600, 5.0f);
  flow[30] = 80.0f;  // the first step: far above
  for (std::size_t i = 200; i < 600; i += 20) {  // settled strides, 0..20 mL/s
    flow[i] = 20.0f;
    flow[i + 5] = 0.0f;
  }
  const auto axis_of = [](const std::vector<float>& v) { return ui::settled_axis(v, ui::centred_mean(v, 10), 10, 5.0f, 400, 1.0f); };
  std::vector<float> far = flow;
  far[40] = -60.0f;  // far below the settled 0..20 (over half its span under it)
  const ui::PlotAxis a = axis_of(far);
  CHECK(a.hi < 25.0f);  // the settled strides fill the axis
  CHECK(a.lo > -5.0f);
  REQUIRE(a.clipped_peak.has_value());
  CHECK(*a.clipped_peak == 30);
  REQUIRE(a.clipped_dip.has_value());  // marked where it was, with its value
  CHECK(*a.clipped_dip == 40);
  // A dip a little below the settled span (-6 under 0..20) is held whole, unmarked, while the
  // peak on the other side is still clipped (each side on its own).
  std::vector<float> near = flow;
  near[40] = -6.0f;
  const ui::PlotAxis b = axis_of(near);
  CHECK(b.lo < -6.0f);
  CHECK_FALSE(b.clipped_dip.has_value());
  REQUIRE(b.clipped_peak.has_value());
  CHECK(b.hi < 30.0f);
  // A far dip alone is clipped and marked; the top then holds every sample.
  std::vector<float> dip_only(600, 5.0f);
  for (std::size_t i = 200; i < 600; i += 20) dip_only[i] = 20.0f;
  dip_only[40] = -60.0f;
  const ui::PlotAxis c = axis_of(dip_only);
  CHECK(c.clipped_dip.has_value());
  CHECK_FALSE(c.clipped_peak.has_value());
  CHECK(c.lo > -10.0f);
}

TEST_CASE("the groin plot's header reads the last second's mean, where the bold line ends, not the moment") {
  // Walking swings the groin's flow from about -15 to 60 mL/s within a stride: until session 15
  // the header showed the flow of the moment ("-4.5 mL/s") while the bold 1 s mean sat above rest,
  // and the two read as disagreeing. Now the header's flow and speed are the last second's mean
  // and say so ("mean ... mL/s, ... cm/s"); the flow is the bold line's last point.
  REQUIRE(app::use_interface_language(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content" / "locales", "en").has_value());
  ui::FlowPanelState s;
  s.sample_interval_s = 0.05f;
  for (int i = 0; i < 600; ++i) {  // a stride a second: a spike of 100 for 0.1 s, -4.5 between
    s.femoral_ml_s.push_back(i % 20 < 2 ? 100.0f : -4.5f);
    s.femoral_cm_s.push_back(i % 20 < 2 ? 60.0f : -3.6f);
  }
  s.femoral_velocity_cm_s = -3.6f;  // the moment's
  const auto plots = ui::flow_panel_plots(s);
  const float mean = ui::centred_mean(s.femoral_ml_s, 10).back();  // the bold line's last point
  CHECK(ui::last_mean(s.femoral_ml_s, 21) == doctest::Approx(mean));
  CHECK(mean > 5.0f);  // (2 x 100 - 19 x 4.5) / 21 in this last second: 5.45
  char flow_text[16], speed_text[16];
  std::snprintf(flow_text, sizeof flow_text, "%.1f", static_cast<double>(mean));
  std::snprintf(speed_text, sizeof speed_text, "%.1f", static_cast<double>(ui::last_mean(s.femoral_cm_s, 21)));
  // Session 22 showed the flow alone: the speed beside it had been the mid-thigh femoral vein's,
  // whose blood slows between ankle pumps while the groin still drains more than at rest. Since
  // session 23 the speed is the groin's own (app::record_flow: the common femoral vein where it
  // leaves the leg, its lying calibre the measured one), its last second's mean too.
  CHECK(plots[0].now == std::string("mean ") + flow_text + " mL/s, " + speed_text + " cm/s");
  CHECK(plots[0].now.find("-4.5") == std::string::npos);  // not the moment's flow
  CHECK(plots[0].now.find("-3.6") == std::string::npos);  // nor its speed
  ui::set_interface_locale(nullptr);  // as other tests in this binary expect
}
