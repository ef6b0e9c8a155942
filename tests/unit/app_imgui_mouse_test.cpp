// Dear ImGui's panels get every click, however slow the frames: the window's mouse events reach
// ImGui a frame's batch at a time (imgui_batch, ImGuiMouse). Run here on a real ImGui context
// without GL (its font atlas is built in memory; nothing is drawn), as the window feeds it.
#include <doctest/doctest.h>

#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // button codes
#include <imgui.h>

#include "../support/headless_imgui.hpp"
#include "app/imgui_mouse.hpp"
#include "app/input_events.hpp"

using namespace effleura;

namespace {

// One ImGui context with one button; frame() feeds a batch as WindowPlatform::take_input does.
class ButtonPanel {
  test::HeadlessImGui imgui_{ImVec2(400.0f, 300.0f), 0.0f, 0.1f};  // software-render frame rates

 public:
  ButtonPanel() {
    for (int i = 0; i < 3; ++i) frame();  // lays the panel out (an auto-sized one shows from its second frame)
  }

  void frame() {
    const std::size_t n = app::next_batch(mouse, backlog);
    for (std::size_t i = 0; i < n; ++i) app::advance(mouse, backlog[i]);
    backlog.erase(backlog.begin(), backlog.begin() + static_cast<std::ptrdiff_t>(n));
    ImGui::GetIO().MousePos = ImVec2(0.0f, 0.0f);  // what the backend's poll would leave: replaced
    app::apply(mouse, ImGui::GetIO());
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(10.0f, 10.0f));
    ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    // A panel that lays itself out again after a click (as the lesson panel does with a new
    // step): for one frame the button sits lower, then comes back; ImGui finds the hovered
    // window from the frame before, so the panel is stale for two frames.
    if (relayout && pressed_frame == frames - 1) ImGui::Dummy(ImVec2(10.0f, 60.0f));
    if (ImGui::Button("Next step", ImVec2(120.0f, 40.0f))) {
      ++pressed;
      pressed_frame = frames;
    }
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    centre = {(lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0};
    ImGui::End();
    ImGui::EndFrame();
    ++frames;
  }
  void drain() {
    for (int guard = 0; !backlog.empty() && guard < 100; ++guard) frame();
    REQUIRE(backlog.empty());
    frame();
  }
  void click() {
    backlog.push_back(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, true, 0});
    backlog.push_back(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, false, 0});
  }

  std::vector<app::InputEvent> backlog;
  app::ImGuiMouse mouse;
  glm::dvec2 centre{0.0};
  int pressed = 0;
  int frames = 0;
  bool relayout = false;
  int pressed_frame = -10;
};

}  // namespace

TEST_CASE("imgui: two clicks between two frames press a panel's button twice") {
  ButtonPanel panel;
  REQUIRE(panel.centre.x > 10.0);
  panel.backlog.push_back(app::CursorEvent{panel.centre});
  panel.click();
  panel.click();
  panel.drain();
  CHECK(panel.pressed == 2);
  CHECK(panel.frames >= 5);  // press, release, two frames to settle, press, release
}

TEST_CASE("imgui: a second quick click waits until the panel it changed has settled") {
  ButtonPanel panel;
  panel.relayout = true;
  panel.backlog.push_back(app::CursorEvent{panel.centre});
  panel.click();
  panel.click();
  panel.drain();
  CHECK(panel.pressed == 2);
}

TEST_CASE("imgui: a click then a move away within a frame is still a click where it was made") {
  ButtonPanel panel;
  panel.backlog.push_back(app::CursorEvent{panel.centre});
  panel.click();
  panel.backlog.push_back(app::CursorEvent{{350.0, 280.0}});  // off the button
  panel.drain();
  CHECK(panel.pressed == 1);
  CHECK(ImGui::GetIO().MousePos.x == doctest::Approx(350.0f));  // the pointer did arrive there
  // A press off the button and a release on it is no click (ImGui's rule, kept).
  panel.backlog.push_back(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, true, 0});
  panel.backlog.push_back(app::CursorEvent{panel.centre});
  panel.backlog.push_back(app::ButtonEvent{GLFW_MOUSE_BUTTON_LEFT, false, 0});
  panel.drain();
  CHECK(panel.pressed == 1);
}

TEST_CASE("imgui: the wheel reaches ImGui once, and buttons beyond its five are ignored") {
  app::ImGuiMouse mouse;
  app::advance(mouse, app::ScrollEvent{{0.0, 2.0}});
  app::advance(mouse, app::ScrollEvent{{1.0, -0.5}});
  app::advance(mouse, app::ButtonEvent{7, true, 0});  // GLFW_MOUSE_BUTTON_8
  app::advance(mouse, app::ButtonEvent{-1, true, 0});
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  app::apply(mouse, io);
  CHECK(io.MouseWheel == doctest::Approx(1.5f));
  CHECK(io.MouseWheelH == doctest::Approx(1.0f));
  for (bool down : io.MouseDown) CHECK_FALSE(down);
  io.MouseWheel = io.MouseWheelH = 0.0f;
  app::apply(mouse, io);  // handed over once
  CHECK(io.MouseWheel == 0.0f);
  ImGui::DestroyContext();
}
