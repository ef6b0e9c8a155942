#include "app/practice_mode.hpp"

#include <algorithm>

#include "anatomy/picking.hpp"
#include "app/state.hpp"

namespace effleura::app {

Expected<void> PracticeMode::start(State& state, const std::string& technique_id) {
  Simulation& sim = state.simulation;
  if (auto picked = sim.select_technique(technique_id); !picked) return picked;
  if (technique::Playback* p = sim.playback()) p->pause();
  state.frame_technique(std::nullopt, true);
  const technique::Technique& t = *sim.technique();
  reference_ = practice::measure_reference(t, *sim.timeline());
  companion_ = practice::companion_of(t);
  pressure_ = std::clamp(t.pressure_mmhg * 0.7f, 0.0f, kMaxPressure);
  technique_ = technique_id;
  strokes_.clear();
  current_ = {};
  stroking_ = placed_ = false;
  point_.reset();
  sim.set_practice_hands(std::nullopt);
  return {};
}

void PracticeMode::stop(State& state) {
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
  if (!stroking_) return;
  add_sample(state);
  state.simulation.set_practice_hands(
      practice::hands_at(current_, companion_, true, state.simulation.poses(), state.simulation.surface()));
}

ui::PracticePanelState practice_panel_state(const PracticeMode& mode, const State& state) {
  ui::PracticePanelState s;
  const Simulation& sim = state.simulation;
  for (const auto& t : sim.techniques().all()) s.techniques.push_back({t.id, t.name, t.areas});
  const technique::Technique* t = sim.technique();
  s.suggested = t ? t->id : (s.techniques.empty() ? std::string() : s.techniques.front().id);
  s.active = mode.active();
  if (!s.active || !t) return s;
  s.technique_name = t->name;
  s.pressure_mmhg = mode.pressure();
  s.typical_mmhg = mode.reference().pressure_mmhg;
  s.stroking = mode.stroking();
  s.strokes = static_cast<int>(mode.strokes().size());
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

void apply(const ui::PracticeCommands& c, PracticeMode& mode, State& state) {
  if (c.stop) mode.stop(state);
  if (c.start) (void)mode.start(state, *c.start);  // ids come from the library the panel listed
  if (c.clear) mode.clear_strokes();
  if (c.pressure_mmhg) mode.set_pressure(*c.pressure_mmhg);
}

}  // namespace effleura::app
