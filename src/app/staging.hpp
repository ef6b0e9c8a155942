#pragma once
// Puts a playlist scene or a lesson step on stage: technique, lit areas, layers, skin opacity,
// camera and caption, all applied to the app's State. Shared by the kiosk, the lesson player
// and video recording so they cannot drift apart.
#include <string>
#include <vector>

#include "app/state.hpp"
#include "lesson/lesson.hpp"
#include "lesson/locale.hpp"
#include "lesson/playlist.hpp"

namespace effleura::app {

void stage_playlist_scene(const lesson::PlaylistScene& playlist_scene, const lesson::Locale& locale, State& state);
void stage_lesson_step(const lesson::LessonStep& step, const lesson::Locale& locale, State& state);

// Technique ids of the loaded library, for the playlist and lesson loaders.
std::vector<std::string> technique_ids(const State& state);

}  // namespace effleura::app
