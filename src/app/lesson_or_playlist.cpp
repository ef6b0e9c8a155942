#include "app/lesson_or_playlist.hpp"

#include <algorithm>
#include <cmath>

#include "app/area_box.hpp"
#include "app/staging.hpp"
#include "app/structure_quiz.hpp"

namespace effleura::app {

Expected<std::unique_ptr<LessonOrPlaylist>> LessonOrPlaylist::create(const Options& options, State& state,
                                                                     bool kiosk_default) {
  if (!options.playlist && !options.lesson && !kiosk_default) return nullptr;
  std::unique_ptr<LessonOrPlaylist> show(new LessonOrPlaylist(state));
  const DataPaths paths = resolve_data_paths(options);
  show->locales_dir_ = paths.content / "locales";
  const auto ids = technique_ids(state);
  if (options.playlist || (kiosk_default && !options.lesson)) {
    show->source_ = options.playlist ? *options.playlist : paths.content / "playlists" / "waiting-room.toml";
    show->language_ = options.lang;
    auto content = lesson::load_kiosk_content(show->source_, show->locales_dir_, ids, show->language_);
    if (!content) return std::unexpected(content.error());
    show->locale_ = std::move(content->locale);
    show->kiosk_.emplace(std::move(content->playlist));
  } else if (options.lesson) {
    show->source_ = *options.lesson;
    show->language_ = options.lang;
    auto locale = lesson::load_locale_with_fallback(show->locales_dir_, options.lang.value_or(std::string(lesson::kFallbackLocale)));
    if (!locale) return std::unexpected(locale.error());
    show->locale_ = std::move(*locale);
    auto loaded = lesson::load_lesson(show->source_, ids, &show->locale_);
    if (!loaded) return std::unexpected(loaded.error());
    if (auto ok = check_lesson_structures(*loaded, state.model); !ok) return std::unexpected(ok.error());
    show->lesson_.emplace(std::move(*loaded), show->locale_);
  }
  show->staged_ = ~std::uint64_t{0};
  show->advance(0.0);
  return show;
}

bool LessonOrPlaylist::fade_source_due() const {
  return kiosk_ && kiosk_->until_next_fade_s() <= std::max(kFadeSourceLeadS, 2.0 * last_dt_);
}

void LessonOrPlaylist::play_by_itself() {
  if (lesson_) lesson_->set_auto_advance(true);
}

void LessonOrPlaylist::stage_current() {
  if (kiosk_) {
    const auto f = kiosk_->frame();
    if (f.scenes_started != staged_ && f.scene) {
      staged_ = f.scenes_started;
      stage_playlist_scene(*f.scene, locale_, state_);
    }
    if (f.mode == lesson::KioskMode::loop) {
      // The playlist's camera path with its slow drift keeps any bright element moving.
      constexpr float kDeg = 3.14159265f / 180.0f;
      // A scene without a technique is about the areas it lights (the valves of the calf and
      // the knee): the camera comes close to them, from the path's angles. A scene with one
      // shows the whole leg, hands and all.
      std::optional<anatomy::Bounds> lit;
      if (f.scene && f.scene->technique.empty()) lit = areas_box(state_.model, state_.settings.selected);
      if (lit) state_.camera.follow(*lit, f.camera.yaw_deg * kDeg, f.camera.pitch_deg * kDeg, 0.0f);
      else state_.camera.set_angles(f.camera.yaw_deg * kDeg, f.camera.pitch_deg * kDeg);
    }
    caption_at_ = glm::vec2(f.caption.x, f.caption.y);
    fade_ = static_cast<float>(f.fade);
  } else if (lesson_) {
    if (lesson_->step_generation() != staged_) {
      staged_ = lesson_->step_generation();
      // A lesson about structures owns the atlas's selection: each step lights its own or none
      // (the glow of "name this muscle" would stay on, and show where to click next).
      if (asks_structures(lesson_->lesson())) state_.settings.atlas.selected = -1;
      stage_lesson_step(lesson_->step(), locale_, state_);
    }
    const auto view = lesson_->presenter();
    std::string text = view.progress + "   " + view.text;
    if (!view.question.empty()) text += "\n" + view.question;
    if (!view.revealed_answer.empty()) text += "\n" + view.revealed_answer;
    state_.fixed_caption = text;
  }
}

void LessonOrPlaylist::advance(double dt) {
  if (dt > 0.0) last_dt_ = dt;
  if (kiosk_) kiosk_->advance(dt);
  if (lesson_) lesson_->advance(dt);
  stage_current();
}

double LessonOrPlaylist::natural_seconds() const {
  if (kiosk_) return kiosk_->playlist().loop_duration_s();
  if (lesson_) return lesson_->lesson().total_duration_s();
  return 10.0;
}

Expected<void> LessonOrPlaylist::reload() {
  const auto ids = technique_ids(state_);
  if (kiosk_) {
    auto content = lesson::load_kiosk_content(source_, locales_dir_, ids, language_);
    if (!content) return std::unexpected(content.error());
    locale_ = std::move(content->locale);
    kiosk_->replace_playlist(std::move(content->playlist));  // takes effect at the next scene
  } else if (lesson_) {
    lesson::Lesson l = lesson_->lesson();
    if (auto r = lesson::reload_lesson(source_, ids, &locale_, l); !r) return r;
    if (auto ok = check_lesson_structures(l, state_.model); !ok) return ok;
    lesson_->set_lesson(std::move(l));
    staged_ = ~std::uint64_t{0};
  }
  return {};
}

}  // namespace effleura::app
