#include "app/structure_quiz.hpp"

#include <functional>

#include "anatomy/picking_shown.hpp"
#include "app/atlas.hpp"
#include "app/atlas_commands.hpp"

namespace effleura::app {
namespace {

bool layer_shown(const render::LayerVisibility& l, anatomy::Layer layer) {
  switch (layer) {
    case anatomy::Layer::muscle: return l.muscles;
    case anatomy::Layer::bone: return l.bones;
    case anatomy::Layer::vein: return l.veins;
    case anatomy::Layer::artery: return l.arteries;
    case anatomy::Layer::nerve: return l.nerves;
    default: return false;  // the skin (the areas'), the hands, unnamed parts
  }
}

bool waiting_click(const lesson::LessonPlayer& player) {
  const auto& q = player.step().question;
  return q && q->kind == lesson::QuestionKind::click_structure && !player.presenter().feedback &&
         player.presenter().revealed_answer.empty();
}

}  // namespace

std::optional<std::size_t> find_structure(const anatomy::Model& model, std::string_view name) {
  for (std::size_t i = 0; i < model.meshes.size(); ++i)
    if (model.meshes[i].name == name && is_structure(model.meshes[i])) return i;
  return std::nullopt;
}

std::optional<std::size_t> structure_at(const State& state, glm::vec2 pixel, glm::ivec2 size) {
  const anatomy::Model& drawn = state.drawn_model();  // the leg as drawn (bent when sitting)
  const AtlasSettings& atlas = state.settings.atlas;
  const render::LayerVisibility& layers = state.settings.layers;
  const auto hit = anatomy::pick(drawn, state.ray_through(pixel, size), [&](std::size_t mesh) {
    return visibility(atlas, mesh) != Visibility::hidden && layer_shown(layers, drawn.meshes[mesh].layer);
  });
  if (!hit.nearest) return std::nullopt;
  return hit.nearest->mesh;
}

bool answer_by_click(lesson::LessonPlayer& player, State& state, glm::vec2 pixel, glm::ivec2 size) {
  if (!waiting_click(player)) return false;
  const auto clicked = structure_at(state, pixel, size);
  if (!clicked) return false;
  if (!player.answer(state.model.meshes[*clicked].name)) return false;
  if (auto right = find_structure(state.model, player.step().question->answer)) select_structure(state, *right);
  return true;
}

bool asks_structures(const lesson::Lesson& lesson) {
  for (const auto& step : lesson.steps)
    if (!step.structure.empty() || (step.question && lesson::asks_structure(step.question->kind))) return true;
  return false;
}

Expected<void> check_lesson_structures(const lesson::Lesson& lesson, const anatomy::Model& model) {
  auto check = [&](const std::string& name, int line, const char* key) -> Expected<void> {
    if (find_structure(model, name)) return {};
    return fail("'" + name + "' is not a structure of the leg model; expected a mesh name such as \"muscle.soleus\"",
                lesson.file, line, 1, key);
  };
  for (const auto& step : lesson.steps) {
    if (!step.structure.empty())
      if (auto ok = check(step.structure, step.line, "structure"); !ok) return ok;
    if (!step.question || !lesson::asks_structure(step.question->kind)) continue;
    const lesson::Question& q = *step.question;
    for (const auto& c : q.choices)
      if (auto ok = check(c, q.line, "choices"); !ok) return ok;
    if (auto ok = check(q.answer, q.line, "answer"); !ok) return ok;
  }
  return {};
}

}  // namespace effleura::app
