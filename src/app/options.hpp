#pragma once
// Everything the command line can set. Defaults here are the program's defaults.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "render/camera.hpp"
#include "render/frame_view.hpp"
#include "render/render_target.hpp"

namespace effleura::app {

struct Options {
  bool help = false;
  bool version = false;
  bool headless = false;
  bool bench = false;
  bool verbose = false;
  bool check_locales = false;         // --check-locales: list what each translation lacks
  std::optional<std::string> lang;    // --lang: en, es, fr, de (app/language.hpp)

  std::optional<std::filesystem::path> screenshot;
  glm::ivec2 size{1280, 720};
  bool size_set = false;    // --size given: the explorer window opens at it too (else 1280x800)
  int frames = 1;           // frames rendered before a headless screenshot
  bool frames_set = false;
  double fps = 30.0;        // fixed frame rate of headless runs (simulation time step)
  // Unset: multisampling for screenshots, the edge filter for recordings (render_target.hpp).
  std::optional<render::Antialiasing> antialias;
  // --scene-scale: the 3D scene drawn at this share of the frame's width and height and
  // stretched to it (interface text stays sharp); 0 = "auto", dynamic resolution. Unset: auto
  // in a window on a software renderer, full size everywhere else.
  std::optional<float> scene_scale;
  // --panels: the window's panels, labels and caption in a headless picture, and timed with
  // the chosen view by --bench (so the interface's cost is measured the same way every time).
  bool panels = false;
  // --bench-quick: a check that --bench runs and prints every figure, not a measurement (the
  // CLI test under the sanitizers: the clinic figures alone cost ~35 s of its 44 s there).
  bool bench_quick = false;
  // --bench-still: the camera rests instead of orbiting, and each view's frames alternate in
  // blocks between the renderer's still room on and off (render/still_room.hpp), timed apart.
  bool bench_still = false;

  std::optional<render::ViewPreset> view;
  std::optional<std::string> view_file;  // --view FILE: a saved view to start from (app/view_file.hpp)
  // --look-at head: the camera frames the client's head instead of the leg (app/client_view.hpp),
  // from --view's direction (default lateral).
  bool look_at_head = false;
  std::optional<std::filesystem::path> content_dir;
  std::optional<std::filesystem::path> assets_dir;
  std::optional<std::filesystem::path> model;

  std::vector<std::string> areas;          // area ids to highlight
  std::optional<float> xray;               // skin opacity 0..1
  std::optional<render::LayerVisibility> layers;
  std::optional<std::filesystem::path> area_mapping;  // --areas: mesh names of --model -> areas

  // Techniques (validated against the loaded content at start-up).
  std::optional<std::string> technique;
  double at_seconds = 0.0;
  double speed = 1.0;

  // Flow report (--simulate).
  std::optional<std::string> simulate;       // technique id, rest, walking or ankle-pumps
  double seconds = 10.0;
  bool seconds_set = false;
  std::string posture = "supine";
  std::vector<std::string> incompetent;      // vein ids
  double stocking_mmhg = 0.0;
  std::optional<std::filesystem::path> report;
  std::optional<std::filesystem::path> hand_report;
  // Practice (app/practice_runner.cpp): a written stroke graded, recorded or shown.
  std::optional<std::string> practice;              // technique id
  std::optional<std::filesystem::path> stroke;      // points on the leg with time and pressure  // --hand-report: how the hands sit (app/hand_report.cpp)

  // Kiosk, lessons and video.
  bool kiosk = false;
  std::optional<std::filesystem::path> playlist;
  std::optional<std::filesystem::path> lesson;
  std::optional<std::filesystem::path> record;      // MP4 through ffmpeg
  std::optional<std::filesystem::path> frames_dir;  // PNG sequence instead
};

}  // namespace effleura::app
