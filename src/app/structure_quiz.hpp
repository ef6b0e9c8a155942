#pragma once
// The self-test's questions about the leg's structures (lesson::QuestionKind name_structure:
// "name this muscle", one structure lit; click_structure: "click the soleus") on the app's
// State: the mesh a lesson names, the structure a click lands on, the answer a click gives, and
// the check, when a lesson opens, that every structure it names is in the leg model.
#include <cstddef>
#include <optional>
#include <string_view>

#include <glm/vec2.hpp>

#include "anatomy/model.hpp"
#include "app/state.hpp"
#include "core/error.hpp"
#include "lesson/lesson.hpp"
#include "lesson/lesson_player.hpp"

namespace effleura::app {

// The mesh named `name` ("muscle.soleus"), or none.
[[nodiscard]] std::optional<std::size_t> find_structure(const anatomy::Model& model, std::string_view name);

// The structure a click at `pixel` lands on: the nearest one drawn there, under the skin too
// (the skin is the areas', not a structure to name), leaving out what the atlas hides and the
// layers switched off; none over the background.
[[nodiscard]] std::optional<std::size_t> structure_at(const State& state, glm::vec2 pixel, glm::ivec2 size);

// While the current step asks "click the soleus" and is not answered yet: answers it with the
// structure under the click and lights the right one (the atlas's glow and card, the camera
// turned to it), so a wrong click shows where it was. False (nothing done) when no such
// question waits or the click lands on no structure: the click then does what it always does.
bool answer_by_click(lesson::LessonPlayer& player, State& state, glm::vec2 pixel, glm::ivec2 size);

// Whether any step lights a structure or asks about one.
[[nodiscard]] bool asks_structures(const lesson::Lesson& lesson);

// Every structure the lesson's steps light and its questions name is a mesh of `model`; else
// the file, the line and what was expected (the lesson loader knows no model: lesson/).
Expected<void> check_lesson_structures(const lesson::Lesson& lesson, const anatomy::Model& model);

}  // namespace effleura::app
