#pragma once
// What is drawn over the 3D view in both the window and headless renders: area labels with
// leader lines and a caption. Screen positions come from the app; this only lays them out.
#include <string>
#include <vector>

#include <glm/vec2.hpp>

namespace effleura::ui {

struct AreaLabel {
  glm::vec2 anchor{0.0f};  // the area's centre on screen, in pixels from the top-left
  std::string text;
  bool behind = false;     // the centre is on the far side of the leg: the dot is drawn hollow
};

struct Overlay {
  std::vector<AreaLabel> labels;
  glm::vec2 subject_centre{0.0f};  // the model's centre on screen: labels go to the side away from it
  // The model's left and right edges on screen (pixels); equal when unknown. A caption goes
  // beside the model when there is room, so it never covers the hands at work.
  glm::vec2 subject_x{0.0f};
  std::string caption;             // one or two lines along the bottom; empty for none
  std::string hover;               // what is under the cursor (window only)
  glm::vec2 hover_at{0.0f};
  bool speed_legend = false;       // the blood-speed colour scale, top right
  // Kiosk: where the caption box is centred (0..1 of the screen), moved now and then so no
  // bright box stays in one place for hours.
  bool caption_placed = false;
  glm::vec2 caption_at{0.5f, 0.85f};
  bool large_caption = false;      // text read from across a room
  float left_margin = 0.0f;        // pixels kept free by panels at the sides (window only)
  float right_margin = 0.0f;
};

// Lays out labels down the left and right of the subject, stacked so they never overlap, and
// draws them on ImGui's foreground list. Call between ImGui::NewFrame and ImGui::Render.
void draw_overlay(const Overlay& overlay, float ui_scale);

}  // namespace effleura::ui
