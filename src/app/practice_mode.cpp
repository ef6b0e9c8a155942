#include "app/practice_mode.hpp"

#include <algorithm>
#include <filesystem>

#include "anatomy/leg_surface.hpp"
#include "anatomy/picking.hpp"
#include "app/state.hpp"
#include "ui/technique_texts.hpp"

namespace effleura::app {

Expected<void> PracticeMode::start(State& state, const std::string& technique_id) {
  Simulation& sim = state.simulation;
  if (auto picked = sim.select_technique(technique_id); !picked) return picked;
  if (technique::Playback* p = sim.playback()) p->pause();
  const technique::Technique& t = *sim.technique();
  // The technique's first view, held still (not following the demonstration's steps): the
  // student strokes the side of the leg the technique works first.
  state.frame_technique(render::parse_view(t.views.empty() ? "back" : t.views.front()), true);
  technique_ = technique_id;
  measure(state);
  // Closer than that: the demonstration's stroke where the panels leave room for it.
  frame_stroke(state, true);
  pressure_ = std::clamp(t.pressure_mmhg * 0.7f, 0.0f, kMaxPressure);
  strokes_.clear();
  current_ = {};
  stroking_ = placed_ = false;
  point_.reset();
  sim.set_practice_hands(std::nullopt);
  return {};
}

void PracticeMode::measure(State& state) {
  const Simulation& sim = state.simulation;
  const technique::Technique* t = sim.technique();
  if (!t || !sim.timeline()) return;
  practice::Rules rules = reference_.rules;
  if (auto loaded = practice_rules(*t)) {
    rules = std::move(*loaded);
    rules_error_.clear();
  } else {
    rules_error_ = loaded.error().describe();  // the last good rules stay
  }
  reference_ = practice::measure_reference(*t, *sim.timeline(), std::move(rules));
  reference_.spots = practice_spots(reference_.rules, *t, state);
  companion_ = practice::companion_of(*t);
  generation_ = sim.content_generation();
  varicose_ = state.incompetent;
  if (!rules_error_.empty()) state.reload_error = rules_error_;  // shown where content errors are
}

void PracticeMode::stop(State& state) {
  script_.reset();
  ghost_start_.reset();
  state.simulation.hide_trails(false);
  technique_.clear();
  stroking_ = placed_ = false;
  current_ = {};
  state.simulation.set_practice_hands(std::nullopt);
  if (technique::Playback* p = state.simulation.playback()) p->play();
}

std::optional<glm::vec3> PracticeMode::pick(const State& state, glm::vec2 pixel, glm::ivec2 size) const {
  const auto hit = anatomy::pick(state.model, state.ray_through(pixel, size));
  if (!hit.skin) return std::nullopt;
  return hit.skin->point;
}

bool PracticeMode::begin(State& state, glm::vec2 pixel, glm::ivec2 size) {
  if (!active()) return false;
  point_ = pick(state, pixel, size);
  if (!point_) return false;
  end_ghost(state);
  current_ = {};
  stroking_ = true;
  add_sample(state);
  return true;
}

void PracticeMode::move(State& state, glm::vec2 pixel, glm::ivec2 size) {
  if (!stroking_) return;
  // Off the leg the stroke holds its last point on the skin.
  if (auto p = pick(state, pixel, size)) point_ = p;
}

void PracticeMode::end(State& state) {
  if (!stroking_) return;
  add_sample(state);
  stroking_ = false;
  const technique::Technique* t = state.simulation.technique();
  if (!t || !state.areas) return;
  std::optional<double> since;
  if (!strokes_.empty() && !strokes_.back().stroke.empty() && !current_.empty())
    since = current_.samples.front().t - strokes_.back().stroke.samples.front().t;
  PracticeStroke done{current_, practice::grade(current_, *t, reference_, *state.areas, since)};
  // A click without a drag is not a stroke: nothing to grade, nothing to count.
  if (std::any_of(done.grades.grades.begin(), done.grades.grades.end(), [](const auto& g) { return g.applies; }))
    strokes_.push_back(std::move(done));
  state.simulation.set_practice_hands(practice::hands_at(current_, companion_, false, state.simulation.poses(),
                                                         state.simulation.surface()));
}

const PracticeStroke& PracticeMode::grade_stroke(State& state, practice::Stroke stroke) {
  std::optional<double> since;
  if (!strokes_.empty() && !strokes_.back().stroke.empty() && !stroke.empty())
    since = stroke.samples.front().t - strokes_.back().stroke.samples.front().t;
  const technique::Technique* t = state.simulation.technique();
  practice::StrokeGrades grades;
  if (t && state.areas) grades = practice::grade(stroke, *t, reference_, *state.areas, since);
  strokes_.push_back({std::move(stroke), std::move(grades)});
  return strokes_.back();
}

void PracticeMode::play(practice::StrokeFile file) {
  script_ = std::move(file);
  script_start_ = -1.0;
}

void PracticeMode::follow_script(State& state) {
  const Simulation& sim = state.simulation;
  if (script_start_ < 0.0) script_start_ = sim.time();
  const double t = script_->points.front().t + (sim.time() - script_start_);
  const practice::StrokePoint q = practice::point_at(*script_, t);
  point_ = sim.surface().position(q.along, q.around_deg * 3.14159265f / 180.0f);
  pressure_ = q.pressure_mmhg;
  if (!stroking_ && t <= script_->points.back().t) {
    current_ = {};
    end_ghost(state);
    stroking_ = true;
  } else if (stroking_ && t > script_->points.back().t) {
    script_.reset();
    end(state);
  }
}

void PracticeMode::show_me(State& state) {
  if (!active() || stroking_ || reference_.demo.samples.size() < 2) return;
  ghost_start_ = state.simulation.time();
  ghost_path_.clear();
  const anatomy::LegSurface& surface = state.simulation.surface();
  const auto& demo = reference_.demo.samples;
  constexpr std::size_t kEvery = 2;  // 0.1 s apart: 2 cm at effleurage's glide, a smooth ribbon
  // The skin under a point of the fitted surface, looking in from 8 cm outside it.
  const auto on_skin = [&](float along, float around) {
    const glm::vec3 p = surface.position(along, around), n = surface.normal(along, around);
    const auto hit = anatomy::pick(state.model, {p + n * 0.08f, -n});
    return std::pair{hit.skin ? hit.skin->point : p, n};
  };
  const auto add = [&](const practice::StrokeSample& s) {
    const auto [centre, n] = on_skin(s.along, s.around);
    // The edges a ribbon's half width round the leg from the centre (radians on its radius).
    const float half = kGhostHalfWidthM / std::max(surface.radius(s.along, s.around), 0.02f);
    const auto [left, left_n] = on_skin(s.along, s.around - half);
    const auto [right, right_n] = on_skin(s.along, s.around + half);
    ghost_path_.push_back({s.t - demo.front().t, centre, n, left, right, left_n, right_n});
  };
  for (std::size_t i = 0; i < demo.size(); i += kEvery) add(demo[i]);
  if ((demo.size() - 1) % kEvery != 0) add(demo.back());
  // The demonstration's own cyan trail would run right under the ghost: hidden while it plays.
  state.simulation.hide_trails(true);
  turn_to_ghost(state);
}

void PracticeMode::end_ghost(State& state) {
  // A stroke begun while showing: the camera stays where the student is stroking.
  ghost_start_.reset();
  back_pose_.reset();
  show_pose_.reset();
  state.simulation.hide_trails(false);
}

std::optional<double> PracticeMode::ghost_time(const State& state) const {
  if (!ghost_start_) return std::nullopt;
  return std::min(state.simulation.time() - *ghost_start_, reference_.demo.duration());
}

void PracticeMode::follow_ghost(State& state) {
  Simulation& sim = state.simulation;
  const technique::Technique* t = sim.technique();
  const technique::Timeline* timeline = sim.timeline();
  if (!t || !timeline) return;
  const double elapsed = sim.time() - *ghost_start_;
  constexpr double kLinger = 1.0;  // the hands rest at the stroke's end a moment
  if (elapsed <= reference_.demo.duration() + kLinger) {
    // The demonstration's own hands at that moment of its main step (both of them).
    const double at = timeline->step_start(practice::main_step(*t)) + reference_.demo.samples.front().t +
                      std::min(elapsed, reference_.demo.duration());
    sim.set_practice_hands(timeline->evaluate(at));
    return;
  }
  // Done: the student's hands come back, lifted above their last stroke; the ghost path stays,
  // and the camera turns back to where the student was looking.
  state.simulation.hide_trails(false);
  turn_back(state);
  sim.set_practice_hands(strokes_.empty() ? std::nullopt
                                          : std::optional(practice::hands_at(strokes_.back().stroke, companion_, false,
                                                                             sim.poses(), sim.surface())));
}

void PracticeMode::adjust_pressure(float steps) { set_pressure(pressure_ + steps * kPressureStep); }
void PracticeMode::set_pressure(float mmhg) { pressure_ = std::clamp(mmhg, 0.0f, kMaxPressure); }

void PracticeMode::add_sample(State& state) {
  if (!point_) return;
  const double t = state.simulation.time();
  if (!current_.empty() && current_.samples.back().t >= t) current_.samples.pop_back();  // one sample a moment
  current_.samples.push_back(practice::sample_at(state.simulation.surface(), t, *point_, pressure_));
  placed_ = true;
}

void PracticeMode::update(State& state) {
  if (!active()) return;
  // Another technique chosen in the Technique panel: practise that one from now on.
  const technique::Technique* t = state.simulation.technique();
  if (!t) {
    stop(state);
    return;
  }
  if (t->id != technique_ && !start(state, t->id)) return;
  if (generation_ != state.simulation.content_generation() || varicose_ != state.incompetent) measure(state);
  // The client turned over after practice began (the technique works the other side): frame
  // the stroke again where the leg now lies.
  if (state.camera.subject() != framed_subject_ && !state.client.turning() && !back_pose_ && !stroking_)
    frame_stroke(state, true);
  if (script_) follow_script(state);
  if (ghost_start_ && !stroking_) follow_ghost(state);
  if (!stroking_) return;
  add_sample(state);
  state.simulation.set_practice_hands(
      practice::hands_at(current_, companion_, true, state.simulation.poses(), state.simulation.surface()));
}

ui::PracticePanelState practice_panel_state(const PracticeMode& mode, const State& state) {
  ui::PracticePanelState s;
  const Simulation& sim = state.simulation;
  for (const auto& t : sim.techniques().all()) s.techniques.push_back({t.id, ui::technique_name(t.id, t.name), t.areas});
  const technique::Technique* t = sim.technique();
  s.suggested = t ? t->id : (s.techniques.empty() ? std::string() : s.techniques.front().id);
  s.active = mode.active();
  if (!s.active || !t) return s;
  s.technique_name = t->name;
  s.pressure_mmhg = mode.pressure();
  s.typical_mmhg = mode.reference().pressure_mmhg;
  s.stroking = mode.stroking();
  s.strokes = static_cast<int>(mode.strokes().size());
  s.band_low = mode.reference().rules.pressure_low;
  s.band_high = mode.reference().rules.pressure_high;
  s.showing = mode.ghost_time(state).has_value();
  if (!mode.strokes().empty()) s.last = mode.strokes().back().grades;
  for (const auto& done : mode.strokes())
    for (std::size_t i = 0; i < practice::kCriterionCount; ++i)
      if (done.grades.grades[i].applies) {
        s.mean_score[i] += done.grades.grades[i].score;
        ++s.graded[i];
      }
  for (std::size_t i = 0; i < practice::kCriterionCount; ++i)
    if (s.graded[i] > 0) s.mean_score[i] /= static_cast<float>(s.graded[i]);
  return s;
}

Expected<practice::Rules> practice_rules(const technique::Technique& technique) {
  if (technique.file.empty()) return practice::Rules{};  // built in code (tests): the defaults
  return practice::load_rules(technique.file);
}

std::vector<practice::Spot> practice_spots(const practice::Rules& rules, const technique::Technique& technique,
                                           const State& state) {
  // content/anatomy/landmarks.toml sits beside the techniques' folder; without it (a foreign
  // --model, a test's content) only the varicose veins can be marked.
  std::vector<practice::LandmarkName> names;
  if (!technique.file.empty()) {
    const auto file = std::filesystem::path(technique.file).parent_path().parent_path() / "anatomy" / "landmarks.toml";
    if (auto loaded = practice::load_landmark_names(file)) names = std::move(*loaded);
  }
  std::vector<std::string> varicose;
  for (std::size_t i = 0; i < state.valve_veins.size() && i < state.incompetent.size(); ++i)
    if (state.incompetent[i]) varicose.push_back(state.valve_veins[i]);
  const flow::FlowSystem* flow = state.simulation.flow();
  return practice::avoid_spots(rules, names, state.model.landmarks, flow ? &flow->network() : nullptr, varicose);
}

void apply(const ui::PracticeCommands& c, PracticeMode& mode, State& state) {
  if (c.stop) mode.stop(state);
  if (c.start) (void)mode.start(state, *c.start);  // ids come from the library the panel listed
  if (c.clear) mode.clear_strokes();
  if (c.show_me) mode.show_me(state);
  if (c.pressure_mmhg) mode.set_pressure(*c.pressure_mmhg);
}

}  // namespace effleura::app
