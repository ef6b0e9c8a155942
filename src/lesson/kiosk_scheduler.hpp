#pragma once
// The waiting-room loop as a state machine driven by the caller's clock: advance(dt) with the
// frame's dt (a fixed 1/fps in headless runs), never wall time, so tests run hours of loop in
// microseconds and a recorded video is the same every time.
//
// Loop mode plays the scenes in order, cross-fading into each one, and starts again after the
// last. Any input (touch, click, key) switches to explore mode: the loop holds still and the
// visitor drives the view; after idle_timeout_s without input the loop resumes with the scene
// after the one that was showing. A new playlist (hot reload) waits for the next scene
// boundary, so a scene is never cut in half.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "lesson/burn_in.hpp"
#include "lesson/camera_path.hpp"
#include "lesson/playlist.hpp"

namespace effleura::lesson {

enum class KioskMode { loop, explore };

// What to show this frame. The pointers stay valid until the next advance/input/replace call.
struct KioskFrame {
  KioskMode mode = KioskMode::loop;
  std::size_t scene_index = 0;
  const PlaylistScene* scene = nullptr;
  // The scene fading out, or nullptr once the fade is over; draw it with weight 1 - fade.
  const PlaylistScene* previous = nullptr;
  double fade = 1.0;             // weight of `scene`, 0 -> 1 over crossfade_s
  double scene_time_s = 0.0;     // time into the scene (frozen in explore mode)
  double running_time_s = 0.0;   // all time advanced, for burn-in motion
  std::uint64_t scenes_started = 0;
  std::uint64_t loops_completed = 0;
  CaptionPlacement caption;      // where the caption goes now
  OrbitAngles camera;            // scene camera path plus the drift (ignore in explore mode)
  double idle_s = 0.0;           // explore mode: time since the last input
};

class KioskScheduler {
 public:
  // The playlist must have at least one scene (load_playlist guarantees it).
  explicit KioskScheduler(Playlist playlist);

  // Moves time on by dt seconds (negative or non-finite dt is ignored). Large steps pass
  // through as many scene boundaries as they cover.
  void advance(double dt);
  // A touch, click or key: enter explore mode (or stay in it) and restart the idle timer.
  void input();
  // Takes effect at the next scene boundary (or when explore mode ends).
  void replace_playlist(Playlist playlist);
  [[nodiscard]] bool replacement_pending() const { return pending_.has_value(); }

  [[nodiscard]] KioskFrame frame() const;
  // Clock seconds until the next cross-fade begins (this scene's end in the loop, the idle
  // timeout in explore mode); infinity when none is coming (the playlist has no cross-fade, or
  // the scene no end). The kiosk keeps a copy of its frame to fade from only when this is
  // within a frame or two (app/lesson_or_playlist.hpp), not every frame.
  [[nodiscard]] double until_next_fade_s() const;
  [[nodiscard]] KioskMode mode() const { return mode_; }
  [[nodiscard]] const Playlist& playlist() const { return playlist_; }

 private:
  void start_scene(std::size_t index);

  Playlist playlist_;
  std::optional<Playlist> pending_;
  std::optional<PlaylistScene> previous_;  // a copy: it may come from a playlist already replaced
  KioskMode mode_ = KioskMode::loop;
  std::size_t index_ = 0;
  double scene_time_ = 0.0;
  double running_ = 0.0;
  double idle_ = 0.0;
  std::uint64_t started_ = 1;
  std::uint64_t loops_ = 0;
};

}  // namespace effleura::lesson
