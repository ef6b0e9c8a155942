// The waiting-room kiosk: full screen, cursor hidden, a playlist looping for weeks. A touch,
// click or key pauses the loop so a visitor can explore; after the playlist's idle timeout it
// goes back to the loop. Only the playlist's key chord leaves. Frame rate capped (default 30)
// to keep a small PC cool; GL errors logged; content edited on disk is picked up at the next
// scene. `--headless --kiosk --frames N` runs the same loop without a screen as a soak test.
#include "render/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "app/camera_input.hpp"
#include "app/exit_codes.hpp"
#include "app/headless_stage.hpp"
#include "app/memory_usage.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "app/scene.hpp"
#include "app/show.hpp"
#include "core/file_watcher.hpp"
#include "core/log.hpp"
#include "render/gl_context.hpp"
#include "render/gl_errors.hpp"
#include "render/renderer.hpp"
#include "ui/fonts.hpp"
#include "ui/headless_imgui.hpp"

namespace effleura::app {

void draw_show_overlay(Scene& scene, const Show& show, glm::ivec2 size, float ui_scale, bool kiosk_style);
void crossfade(render::Renderer& renderer, render::RenderTarget& target, float fade);

namespace {

FileWatcher content_watcher(const Options& options) {
  const DataPaths paths = resolve_data_paths(options);
  FileWatcher w(1.0);
  w.watch(options.playlist ? *options.playlist : paths.content / "playlists" / "waiting-room.toml");
  w.watch(paths.content / "locales");
  return w;
}

// GLFW names printable keys by layout ("q"); the chord names them the same way.
std::string key_name(int key) {
  const char* name = glfwGetKeyName(key, 0);
  if (name) return name;
  if (key == GLFW_KEY_ESCAPE) return "escape";
  if (key == GLFW_KEY_F10) return "f10";
  return {};
}

}  // namespace

int run_kiosk_soak(const Options& options) {
  auto opened = load_headless_scene(options);
  if (!opened) return opened.error();
  HeadlessStage& stage = **opened;
  Scene& scene = stage.scene;
  auto show = Show::create(options, scene, true);  // a broken playlist is exit 2 before any GL
  if (!show) { report_error(show.error().describe()); return kExitBadInput; }
  (*show)->play_by_itself();  // unattended: a lesson in the kiosk moves on by itself
  if (const int status = open_gl(stage, options); status != kExitOk) return status;
  render::Renderer* renderer = stage.renderer.get();
  render::OffscreenTarget* target = &*stage.target;
  ui::HeadlessImGui overlay_ui;
  const int frames = options.frames_set ? options.frames : 300;
  const double dt = 1.0 / (*show)->kiosk()->playlist().fps_cap;
  double start_mb = 0.0, first_loop_mb = -1.0;
  int gl_error_frames = 0;
  for (int i = 0; i < frames; ++i) {
    (*show)->advance(dt);
    scene.update(dt);
    renderer->draw(*target, scene.frame_view(target->size()));
    crossfade(*renderer, *target, (*show)->fade());
    target->finish_scene();
    overlay_ui.begin(target->size(), static_cast<float>(dt));
    draw_show_overlay(scene, **show, target->size(), overlay_ui.scale(), true);
    overlay_ui.end();
    target->end_frame();
    if (auto errors = render::take_gl_errors(); !errors.empty()) {
      ++gl_error_frames;
      log::warn("GL errors in frame " + std::to_string(i) + ": " + errors);
    }
    if (i == std::min(frames - 1, 30)) start_mb = resident_mb();  // after start-up allocations
    // The first loop warms every scene up (shaders, driver caches); growth after it is what matters.
    if (first_loop_mb < 0.0 && (*show)->kiosk()->frame().loops_completed >= 1) first_loop_mb = resident_mb();
  }
  const auto f = (*show)->kiosk()->frame();
  std::printf("kiosk soak: %d frames (%.0f s of playlist time), %llu scenes started, %llu loops completed\n",
              frames, frames * dt, static_cast<unsigned long long>(f.scenes_started),
              static_cast<unsigned long long>(f.loops_completed));
  std::printf("resident memory at start (MB)  %8.1f\n", start_mb);
  if (first_loop_mb >= 0.0) std::printf("resident memory after loop 1 (MB) %5.1f\n", first_loop_mb);
  std::printf("resident memory at end (MB)    %8.1f\n", resident_mb());
  std::printf("frames with GL errors          %8d\n", gl_error_frames);
  return gl_error_frames == 0 ? kExitOk : kExitFailure;
}

int run_kiosk(const Options& options) {
  Scene scene;
  if (auto loaded = scene.load(options, resolve_data_paths(options)); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  auto show_or = Show::create(options, scene, true);
  if (!show_or) { report_error(show_or.error().describe()); return kExitBadInput; }
  Show& show = **show_or;
  show.play_by_itself();  // unattended: a lesson in the kiosk moves on by itself
  render::WindowOptions wo;
  wo.fullscreen = true;
  wo.title = "Effleura";
  auto window = render::WindowContext::create(wo);
  if (!window) { report_error(window.error().describe()); return kExitNoOpenGL; }
  GLFWwindow* w = (*window)->window();
  glfwSetInputMode(w, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  InputState input;
  install_input_callbacks(w, &input);
  auto renderer = render::Renderer::create();
  if (!renderer) { report_error(renderer.error().describe()); return kExitNoOpenGL; }
  (*renderer)->set_model(scene.model);
  (*renderer)->set_hands(scene.hands);
  (*renderer)->set_client(scene.client_model);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(w, &xscale, &yscale);
  ui::load_interface_font(40.0f * xscale);  // captions are read from across the room
  ImGui_ImplGlfw_InitForOpenGL(w, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  render::WindowTarget target(w);
  FileWatcher watcher = content_watcher(options);
  glm::dvec2 last_mouse{0.0};
  glfwGetCursorPos(w, &last_mouse.x, &last_mouse.y);
  int frames_drawn = 0;
  std::string last_gl_error;
  auto last = std::chrono::steady_clock::now();
  while (!glfwWindowShouldClose(w)) {
    if (options.frames_set && frames_drawn++ >= options.frames) break;
    const auto& playlist = show.kiosk()->playlist();
    const auto frame_budget = std::chrono::duration<double>(1.0 / std::max(playlist.fps_cap, 1.0));
    glfwPollEvents();
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::min(std::chrono::duration<double>(now - last).count(), 0.1);
    last = now;

    const bool ctrl = glfwGetKey(w, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS;
    const bool shift = glfwGetKey(w, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;
    const bool alt = glfwGetKey(w, GLFW_KEY_LEFT_ALT) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_ALT) == GLFW_PRESS;
    const bool super = glfwGetKey(w, GLFW_KEY_LEFT_SUPER) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_SUPER) == GLFW_PRESS;
    for (int key = GLFW_KEY_SPACE; key <= GLFW_KEY_LAST; ++key)
      if (glfwGetKey(w, key) == GLFW_PRESS && playlist.exit_chord.matches(ctrl, shift, alt, super, key_name(key)))
        glfwSetWindowShouldClose(w, GLFW_TRUE);
    if (input.any_input) {
      show.kiosk()->input();
      input.any_input = false;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (show.kiosk()->mode() == lesson::KioskMode::explore)
      handle_camera_input(w, input, scene.camera, dt, last_mouse);
    show.advance(dt);
    scene.update(dt);
    if (watcher.poll(dt))
      if (auto reloaded = show.reload(); !reloaded) log::warn("kept the last good playlist: " + reloaded.error().describe());
    const glm::ivec2 size = target.size();
    if (size.x > 0 && size.y > 0) {
      (*renderer)->draw(target, scene.frame_view(size));
      crossfade(**renderer, target, show.fade());
      int ww = 1, wh = 1;
      glfwGetWindowSize(w, &ww, &wh);
      draw_show_overlay(scene, show, {ww, wh}, xscale, true);
    }
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(w);
    if (auto errors = render::take_gl_errors(); !errors.empty() && errors != last_gl_error) {
      log::error("GL errors: " + errors);  // logged once per new kind, not every frame
      last_gl_error = errors;
    }
    const auto spent = std::chrono::steady_clock::now() - now;
    if (spent < frame_budget) std::this_thread::sleep_for(frame_budget - spent);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  return kExitOk;
}

}  // namespace effleura::app
