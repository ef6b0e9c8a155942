#pragma once
// A kiosk playlist or a lesson, advanced by dt and staged onto the State: each new playlist
// scene or lesson step sets the technique, lit areas, layers, camera and caption. The
// Context owns one when --playlist, --lesson or --kiosk asks for it.
#include <memory>
#include <optional>
#include <string>

#include "app/options.hpp"
#include "app/state.hpp"
#include "core/error.hpp"
#include "lesson/kiosk_scheduler.hpp"
#include "lesson/lesson_player.hpp"

namespace effleura::app {

class LessonOrPlaylist {
 public:
  // Loads what options name (--playlist, --lesson, or the kiosk's default playlist when
  // `kiosk_default` is set); null when options name none of them.
  static Expected<std::unique_ptr<LessonOrPlaylist>> create(const Options& options, State& state, bool kiosk_default);

  void advance(double dt);
  // A lesson moves on by itself when each step's time is over (a recording, an unattended
  // screen); without this it waits for next/back, as an instructor drives it.
  void play_by_itself();
  // Natural length: one loop of the playlist, the whole lesson.
  [[nodiscard]] double natural_seconds() const;
  [[nodiscard]] lesson::KioskScheduler* kiosk() { return kiosk_ ? &*kiosk_ : nullptr; }
  [[nodiscard]] lesson::LessonPlayer* lesson() { return lesson_ ? &*lesson_ : nullptr; }
  [[nodiscard]] const lesson::KioskScheduler* kiosk() const { return kiosk_ ? &*kiosk_ : nullptr; }
  [[nodiscard]] const lesson::LessonPlayer* lesson() const { return lesson_ ? &*lesson_ : nullptr; }
  [[nodiscard]] const lesson::Locale& locale() const { return locale_; }
  [[nodiscard]] const std::filesystem::path& source() const { return source_; }
  // Kiosk caption placement (0..1 of the screen) for burn-in care; nullopt: default place.
  [[nodiscard]] std::optional<glm::vec2> caption_position() const { return caption_at_; }
  // How much the new scene has faded in (1 = fully), for the kiosk's cross-fade.
  [[nodiscard]] float fade() const { return fade_; }
  // Whether this frame may be the last before a kiosk cross-fade, so the frame is copied to
  // fade from (app/frame.cpp): within two frames' steps of it, and never less than
  // kFadeSourceLeadS, which is 2.5 times the longest step the window and the page take (they
  // cap a frame's dt at 0.1 s); a headless run's fixed step is covered by the two steps. Main
  // copied every frame: a full-frame blit a frame, one more pass over every pixel for
  // SwiftShader in the browser (README "In the browser", session 23).
  [[nodiscard]] bool fade_source_due() const;
  static constexpr double kFadeSourceLeadS = 0.25;
  // Reloads the playlist (applied at the next scene) or the lesson; error keeps the old one.
  Expected<void> reload();

 private:
  explicit LessonOrPlaylist(State& state) : state_(state) {}
  void stage_current();

  State& state_;
  lesson::Locale locale_;
  std::optional<lesson::KioskScheduler> kiosk_;
  std::optional<lesson::LessonPlayer> lesson_;
  std::filesystem::path source_;
  std::filesystem::path locales_dir_;
  std::optional<std::string> language_;  // --lang: overrides a playlist's own language
  std::uint64_t staged_ = 0;
  std::optional<glm::vec2> caption_at_;
  float fade_ = 1.0f;
  double last_dt_ = 0.0;  // the last step advance() took (0 before any)
};

}  // namespace effleura::app
