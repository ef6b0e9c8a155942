#pragma once
// Everything a running Effleura has, owned in one place: the options it started with, the
// State (content, simulation with the program's one clock, camera, view settings), the lesson
// or playlist, the panels' own state, the platform (window or EGL, with its render target and
// Dear ImGui) and the renderer. frame.hpp advances it by one frame; the drivers in the
// *_runner.cpp files only open what they need and choose a clock.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "app/input_events.hpp"
#include "app/lesson_or_playlist.hpp"
#include "app/options.hpp"
#include "app/panels.hpp"
#include "app/paths.hpp"
#include "app/platform.hpp"
#include "app/practice_mode.hpp"
#include "app/state.hpp"
#include "core/file_watcher.hpp"
#include "render/frame_view.hpp"
#include "render/gl_context.hpp"
#include "render/renderer.hpp"
#include "ui/main_ui.hpp"
#include "ui/presenter_panel.hpp"
#include "ui/teaching_panels.hpp"

namespace effleura::app {

// What the panels asked for last frame and the input events of this one asked for; carried
// out at the start of the frame, the panels' first, then input's in the order it came.
struct Commands {
  std::vector<InputCommand> input;
  ui::UiCommands main;
  ui::TimelineCommands timeline;
  ui::FlowCommands flow;
  ui::PresenterCommands lesson;
  ui::PracticeCommands practice;
  bool screenshot = false;         // the frame's scene, without the interface (taken once drawn)
};

// How frames are presented; the driver chooses.
struct FrameStyle {
  bool panels = false;          // the explorer's menus and panels, and lesson navigation
  bool kiosk = false;           // large moving captions, cross-fades, visitor input, exit chord
  bool filter_subject = false;  // recordings: the edge filter runs only where the leg and hands are
  bool overlay = true;          // labels and captions (the benchmark times the scene alone)
  bool hot_reload = false;      // edited techniques, lessons and playlists are picked up
  // The 3D scene drawn. Off only where nothing reads the picture: the layout tests, which read
  // the panels, the overlay and the camera (at 4K llvmpipe spent most of their CI time on it).
  bool scene = true;
};

struct Context {
  Options options;
  DataPaths paths;
  State state;
  std::unique_ptr<LessonOrPlaylist> lesson_or_playlist;  // null unless asked for
  PanelState panels;
  PracticeMode practice;         // the student's own strokes (Practice panel)
  FrameStyle style;
  double fixed_dt = 1.0 / 30.0;  // the fixed clock's step (also the interface's frame time)
  std::unique_ptr<Platform> platform;        // declared before the renderer: it holds the GL context
  std::unique_ptr<render::Renderer> renderer;
  render::FrameView view;                    // this frame's, computed once after the simulation
  Commands pending;
  bool quit = false;
  std::uint64_t frames = 0;
  FileWatcher lesson_or_playlist_watcher{1.0};
};

// Each returns 0 on success, else the exit status (app/exit_codes.hpp) after printing the error.
// The content loads first, so a bad file is exit 2 even on a machine without OpenGL.
int load_content(Context& ctx, const Options& options);
// The Blood flow panel's clinic figures through the start-up cache, as --simulate keeps them
// (load_content does this; the benchmark, which loads the state itself, too).
void use_cached_flow_indices(Context& ctx);
// The lesson (--lesson), playlist (--playlist) or, when `kiosk_default`, the waiting-room list.
int open_lesson_or_playlist(Context& ctx, bool kiosk_default);
// EGL, the renderer with the model and hands uploaded, an offscreen target of --size and the
// interface (unless `with_ui` is false).
int open_headless(Context& ctx, bool with_ui = true);
struct WindowLook;
int open_window(Context& ctx, const render::WindowOptions& window, const WindowLook& look);

// One pass of what plays: the playlist's loop, the whole lesson, the technique; else 10 s.
double natural_seconds(const Context& ctx);
// --practice with --stroke (app/practice_runner.cpp): starts practising the technique and, with
// `play`, plays the written stroke through the frames from the next one.
int prepare_practice(Context& ctx, const Options& options, bool play);

}  // namespace effleura::app
