#include "render/gl.hpp"
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "app/exit_codes.hpp"
#include "app/paths.hpp"
#include "app/runners.hpp"
#include "app/scene.hpp"
#include "render/gl_context.hpp"
#include "render/renderer.hpp"
#include "ui/main_ui.hpp"
#include "app/camera_input.hpp"
#include "app/panel_bridge.hpp"
#include "app/show.hpp"
#include "core/file_watcher.hpp"
#include "ui/presenter_panel.hpp"
#include "ui/fonts.hpp"
#include "ui/overlay.hpp"

namespace effleura::app {

int run_window(const Options& options) {
  Scene scene;
  if (auto loaded = scene.load(options, resolve_data_paths(options)); !loaded) {
    report_error(loaded.error().describe());
    return kExitBadInput;
  }
  auto window = render::WindowContext::create({});
  if (!window) {
    report_error(window.error().describe());
    return kExitNoOpenGL;
  }
  GLFWwindow* w = (*window)->window();
  InputState input;
  install_input_callbacks(w, &input);  // before ImGui, so its backend chains to ours

  // A lesson runs in the same window, with its panel; the show stages each step.
  std::unique_ptr<Show> show;
  if (options.lesson) {
    auto created = Show::create(options, scene, false);
    if (!created) {
      report_error(created.error().describe());
      return kExitBadInput;
    }
    show = std::move(*created);
  }
  bool presenter = false;
  FileWatcher lesson_watcher(1.0);
  if (options.lesson) lesson_watcher.watch(*options.lesson);

  auto renderer = render::Renderer::create();
  if (!renderer) {
    report_error(renderer.error().describe());
    return kExitNoOpenGL;
  }
  (*renderer)->set_model(scene.model);
  (*renderer)->set_hands(scene.hands);
  (*renderer)->set_client(scene.client_model);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no stray imgui.ini next to wherever it was started
  ImGui::StyleColorsDark();
  float xscale = 1.0f, yscale = 1.0f;
  glfwGetWindowContentScale(w, &xscale, &yscale);
  ImGui::GetStyle().ScaleAllSizes(xscale);
  ui::load_interface_font(17.0f * xscale);
  ImGui_ImplGlfw_InitForOpenGL(w, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  ui::UiState ui_state;
  ui_state.layers = &scene.settings.layers;
  ui_state.skin_opacity = &scene.settings.skin_opacity;
  ui_state.selected = &scene.settings.selected;
  ui_state.areas = scene.areas ? &*scene.areas : nullptr;
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
    if (scene.settings.selected[a]) ui_state.focus_area = static_cast<int>(a);
  ui_state.renderer_name = render::current_gl_info().renderer;
  render::WindowTarget target(w);
  glm::dvec2 last_mouse{0.0};
  glfwGetCursorPos(w, &last_mouse.x, &last_mouse.y);
  auto last = std::chrono::steady_clock::now();
  float smoothed_ms = 16.0f;
  bool want_screenshot = false;

  int frames_drawn = 0;
  int area_filter = -1;
  while (!glfwWindowShouldClose(w)) {
    // --frames ends a windowed run too: smoke tests and demos that must stop by themselves.
    if (options.frames_set && frames_drawn++ >= options.frames) break;
    glfwPollEvents();
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::min(std::chrono::duration<double>(now - last).count(), 0.1);
    last = now;
    smoothed_ms = 0.9f * smoothed_ms + 0.1f * static_cast<float>(dt * 1000.0);
    ui_state.frame_ms = smoothed_ms;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    handle_camera_input(w, input, scene.camera, dt, last_mouse);
    if (!ImGui::GetIO().WantCaptureKeyboard) {
      // ImGui 1.86 indexes keys by the GLFW key code in its GLFW backend.
      if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) want_screenshot = true;
      if ((glfwGetKey(w, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS) &&
          glfwGetKey(w, GLFW_KEY_Q) == GLFW_PRESS)
        glfwSetWindowShouldClose(w, GLFW_TRUE);
    }
    ui::UiCommands commands;
    if (!presenter) {
      commands = ui::draw_main_ui(ui_state);
      apply(ui::draw_timeline_panel(timeline_state(scene), area_filter), scene);
      apply(ui::draw_flow_panel(flow_state(scene)), scene);
    }
    if (show && show->lesson()) {
      lesson::LessonPlayer& player = *show->lesson();
      auto pc = ui::draw_presenter_panel(player.presenter(), player.score(), presenter);
      // Projector clickers send Page Up / Page Down.
      if (!ImGui::GetIO().WantCaptureKeyboard) {
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN) || ImGui::IsKeyPressed(GLFW_KEY_N)) pc.next = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP) || ImGui::IsKeyPressed(GLFW_KEY_B)) pc.back = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_P, false)) pc.toggle_presenter = true;
      }
      if (pc.next) player.next();
      if (pc.back) player.back();
      if (pc.replay) player.replay();
      if (pc.toggle_presenter) presenter = !presenter;
      if (pc.answer) {
        const auto& step = player.step();
        if (step.question && *pc.answer < step.question->choices.size()) (void)player.answer(step.question->choices[*pc.answer]);
      }
      show->advance(0.0);  // stage a new step at once
      // An instructor editing the lesson sees it change; a broken edit keeps the last good one.
      if (lesson_watcher.poll(dt)) {
        auto reloaded = show->reload();
        scene.reload_error = reloaded ? std::string() : reloaded.error().describe();
      }
    }
    scene.poll_hot_reload(dt);
    {
      // Hover and click work in window coordinates; HiDPI framebuffers are scaled to match.
      int ww = 1, wh = 1;
      glfwGetWindowSize(w, &ww, &wh);
      const glm::ivec2 win{ww, wh};
      ui::Overlay overlay = scene.overlay(win);
      // Keep the caption between the View panel and the Technique/Flow panels.
      overlay.left_margin = presenter ? 0.0f : 270.0f * xscale;
      overlay.right_margin = presenter ? 0.0f : 26.0f * ImGui::GetFontSize();
      if (show) overlay.caption.clear();  // the lesson panel already shows the step's text
      const bool mouse_free = !ImGui::GetIO().WantCaptureMouse;
      if (mouse_free && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
          ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).x == 0.0f &&
          ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f).y == 0.0f)
        if (scene.toggle_area_at(last_mouse, win)) {
          const auto hit = anatomy::pick(scene.model, scene.ray_through(last_mouse, win));
          if (hit.skin && hit.skin->area) ui_state.focus_area = static_cast<int>(*hit.skin->area);
        }
      if (mouse_free && glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) != GLFW_PRESS) {
        overlay.hover = scene.describe_at(last_mouse, win);
        overlay.hover_at = last_mouse;
      }
      ui::draw_overlay(overlay, xscale);
    }
    if (commands.preset) scene.camera.set_preset(*commands.preset, true);
    if (commands.reset_camera) scene.camera.reset(true);
    if (commands.quit) glfwSetWindowShouldClose(w, GLFW_TRUE);
    want_screenshot = want_screenshot || commands.screenshot;
    scene.update(dt);

    const glm::ivec2 size = target.size();
    if (size.x > 0 && size.y > 0) {  // minimised windows have no framebuffer
      (*renderer)->draw(target, scene.frame_view(size));
      if (want_screenshot) {
        // Captured before the interface is drawn, so the picture shows only the scene.
        const std::string name = screenshot_name();
        auto written = render::write_png(target.capture(), name);
        ui_state.status_message = written ? "Saved " + name : written.error().describe();
        want_screenshot = false;
      }
    }
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(w);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  return kExitOk;
}

}  // namespace effleura::app
