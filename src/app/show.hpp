#pragma once
// A running show: a kiosk playlist, a lesson playing itself, or a single technique, advanced
// by a fixed dt and staged onto the Scene. Used by video recording and the headless kiosk
// soak; the interactive kiosk and lesson windows build on the same pieces.
#include <memory>
#include <optional>
#include <string>

#include "app/options.hpp"
#include "app/scene.hpp"
#include "core/error.hpp"
#include "lesson/kiosk_scheduler.hpp"
#include "lesson/lesson_player.hpp"

namespace effleura::app {

class Show {
 public:
  // Loads what options name (--playlist, --lesson, or the kiosk's default playlist when
  // `kiosk_default` is set); with none of them the show is the scene as it is.
  static Expected<std::unique_ptr<Show>> create(const Options& options, Scene& scene, bool kiosk_default);

  void advance(double dt);
  // A lesson moves on by itself when each step's time is over (a recording, an unattended
  // screen); without this it waits for next/back, as an instructor drives it.
  void play_by_itself();
  // Natural length: one loop of the playlist, the whole lesson, one pass of the technique.
  [[nodiscard]] double natural_seconds() const;
  [[nodiscard]] lesson::KioskScheduler* kiosk() { return kiosk_ ? &*kiosk_ : nullptr; }
  [[nodiscard]] lesson::LessonPlayer* lesson() { return lesson_ ? &*lesson_ : nullptr; }
  [[nodiscard]] const lesson::Locale& locale() const { return locale_; }
  // Kiosk caption placement (0..1 of the screen) for burn-in care; nullopt: default place.
  [[nodiscard]] std::optional<glm::vec2> caption_position() const { return caption_at_; }
  // How much the new scene has faded in (1 = fully), for the kiosk's cross-fade.
  [[nodiscard]] float fade() const { return fade_; }
  // Reloads the playlist (applied at the next scene) or the lesson; error keeps the old one.
  Expected<void> reload();

 private:
  Show(Scene& scene) : scene_(scene) {}
  void stage_current();

  Scene& scene_;
  lesson::Locale locale_;
  std::optional<lesson::KioskScheduler> kiosk_;
  std::optional<lesson::LessonPlayer> lesson_;
  std::filesystem::path source_;
  std::filesystem::path locales_dir_;
  std::uint64_t staged_ = 0;
  std::optional<glm::vec2> caption_at_;
  float fade_ = 1.0f;
};

}  // namespace effleura::app
