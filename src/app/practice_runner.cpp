// `effleura --headless --practice ID --stroke FILE.toml --report FILE.json`: grades a written
// stroke (practice/stroke_file.hpp) exactly as a drawn one is graded in the window, with the
// technique file's [practice] rules, and writes the grades as JSON. With --record, --frames-dir
// or --screenshot the same stroke is played through the frames instead (prepare_practice), so
// the hands, the blood and the coaching are seen as a student would see them.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/context.hpp"
#include "app/exit_codes.hpp"
#include "app/runners.hpp"
#include "core/files.hpp"
#include "practice/stroke_file.hpp"

namespace effleura::app {
namespace {

// --incompetent marks a vein varicose for practice too (the avoid rule's "varicose"). State::load
// has already leaked each named vein and ticked each whole one; practice marks whole veins only,
// so a vein named in part (':above-knee') is refused here.
int check_varicose(const Context& ctx, const Options& options) {
  const State& state = ctx.state;
  for (const std::string& id : options.incompetent)
    if (std::find(state.valve_veins.begin(), state.valve_veins.end(), id) == state.valve_veins.end()) {
      std::string ids;
      for (const auto& v : state.valve_veins) ids += (ids.empty() ? "" : ", ") + v;
      report_error("invalid value '" + id + "' for --incompetent: expected one of " + ids);
      return kExitBadInput;
    }
  return kExitOk;
}

nlohmann::ordered_json round2(double v) { return std::round(v * 100.0) / 100.0; }

}  // namespace

Expected<practice::StrokeFile> read_practice_stroke(const Options& options) {
  if (!options.stroke) return fail("--practice needs --stroke FILE.toml (points on the leg with time and pressure)");
  return practice::load_stroke_file(*options.stroke);
}

int prepare_practice(Context& ctx, const Options& options, bool play) {
  if (!options.practice) return kExitOk;
  auto file = read_practice_stroke(options);
  if (!file) { report_error(file.error().describe()); return kExitBadInput; }
  if (const int status = check_varicose(ctx, options); status != kExitOk) return status;
  if (auto started = ctx.practice.start(ctx.state, *options.practice); !started) {
    report_error(started.error().describe());
    return kExitBadInput;
  }
  if (!ctx.practice.rules_error().empty()) { report_error(ctx.practice.rules_error()); return kExitBadInput; }
  if (play) {
    ctx.practice.play(std::move(*file));
    ctx.style.panels = true;  // the Practice panel's coaching is what the picture or video is for
  }
  return kExitOk;
}

int run_practice(const Options& options) {
  if (!options.report) {
    report_error("--practice needs --report FILE.json (or --record, --frames-dir or --screenshot to see it)");
    return kExitBadInput;
  }
  auto file = read_practice_stroke(options);
  if (!file) { report_error(file.error().describe()); return kExitBadInput; }
  Context ctx;
  if (const int status = load_content(ctx, options); status != kExitOk) return status;
  if (const int status = prepare_practice(ctx, options, false); status != kExitOk) return status;
  State& state = ctx.state;
  const PracticeStroke& done =
      ctx.practice.grade_stroke(state, practice::to_stroke(*file, state.simulation.surface()));

  nlohmann::ordered_json j;
  j["technique"] = *options.practice;
  j["stroke"] = options.stroke->string();
  if (!file->note.empty()) j["note"] = file->note;
  j["score"] = round2(done.grades.score);
  j["summary"] = done.grades.summary;
  nlohmann::ordered_json grades = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < practice::kCriterionCount; ++i) {
    const practice::Grade& g = done.grades.grades[i];
    if (!g.applies) continue;  // the technique says nothing about it, or too little stroke to tell
    grades[std::string(practice::kCriterionNames[i])] = {{"pass", g.pass}, {"score", round2(g.score)},
                                                         {"coaching", g.coaching}};
  }
  j["grades"] = grades;
  const auto& ref = ctx.practice.reference();
  // The yardstick checked on this leg: the demonstration's own stroke graded by the same rules
  // (with the same spots to avoid) should score full marks.
  const technique::Technique* technique = state.simulation.technique();
  const double demo_score = technique && state.areas
                                ? practice::grade(ref.demo, *technique, ref, *state.areas).score
                                : 0.0;
  j["reference"] = {{"speed_m_s", round2(ref.speed_m_s)},
                    {"pressure_mmhg", round2(ref.pressure_mmhg)},
                    {"cycle_s", round2(ref.cycle_s)},
                    {"demonstration_score", round2(demo_score)},
                    {"rules_from_file", ref.rules.from_content},
                    {"spots_to_avoid", ref.spots.size()}};
  const std::string text = j.dump(2) + "\n";
  if (auto written = write_binary_file(*options.report, text.data(), text.size()); !written) {
    report_error(written.error().describe());
    return kExitBadInput;
  }
  std::printf("%s, %s: %.0f %%. %s\nwrote %s\n", options.practice->c_str(), options.stroke->string().c_str(),
              100.0 * done.grades.score, done.grades.summary.c_str(), options.report->string().c_str());
  return kExitOk;
}

}  // namespace effleura::app
