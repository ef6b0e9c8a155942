#include "ui/overlay_layout.hpp"

#include <algorithm>
#include <cfloat>
#include <optional>

#include <imgui.h>

namespace effleura::ui {
namespace {

// Labels stack down one side within the band [top, bottom] that the caption and the legend
// leave free, each beside its anchor where it can be.
void place_side(std::vector<const AreaLabel*> side, bool left, float scale, float inset, float top, float bottom,
                std::vector<PlacedLabel>& out) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  std::sort(side.begin(), side.end(), [](auto* a, auto* b) { return a->anchor.y < b->anchor.y; });
  const float pad = 6.0f * scale;
  const float box_h = ImGui::GetFontSize() + 2.0f * pad;
  const float margin = 24.0f * scale;
  const float step = box_h + 6.0f * scale;
  float next_free_y = std::max(top, 40.0f * scale);
  const float lowest_y = std::min(display.y - margin, bottom) - box_h;  // the last box's top
  for (std::size_t i = 0; i < side.size(); ++i) {
    const AreaLabel* l = side[i];
    const float box_w = ImGui::CalcTextSize(l->text.c_str()).x + 2.0f * pad;
    // Never so low that the labels after it leave the band (if the band is too short for all
    // of them, they run on below it rather than overlap one another).
    const float room_left = lowest_y - static_cast<float>(side.size() - 1 - i) * step;
    const float y = std::max(std::min(l->anchor.y - box_h * 0.5f, room_left), next_free_y);
    next_free_y = y + step;
    const float x = left ? inset + margin : display.x - inset - margin - box_w;
    PlacedLabel p;
    p.label = l;
    p.box = {{x, y}, {x + box_w, y + box_h}};
    p.joint = {left ? p.box.max.x : p.box.min.x, y + box_h * 0.5f};
    out.push_back(p);
  }
}

}  // namespace

OverlayLayout layout_overlay(const Overlay& overlay, float ui_scale) {
  OverlayLayout layout;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float gap = 10.0f * ui_scale;

  // The caption first; labels and the legend keep out of its way.
  float band_top = 0.0f, band_bottom = display.y;
  // The column beside the model the caption went into, if any (x of its left edge, width).
  std::optional<glm::vec2> column;
  const float margin = 24.0f * ui_scale;
  const float left_w = overlay.subject_x.x - overlay.left_margin - 2.0f * margin;
  const float right_w = display.x - overlay.right_margin - overlay.subject_x.y - 2.0f * margin;
  const bool subject_known = overlay.subject_x.y > overlay.subject_x.x;
  if (!overlay.caption.empty()) {
    // Centred in the space the side panels leave free...
    float free_left = overlay.left_margin;
    float free_w = std::max(display.x - overlay.left_margin - overlay.right_margin, display.x * 0.4f);
    // ... or, when the model leaves a wide enough column beside it, in that column, so the
    // caption never hides the hands at work (a standing leg is narrow on a wide screen).
    if (!overlay.caption_placed && subject_known) {
      const float min_w = 0.28f * display.x;
      // Labels stack on the side of their anchors; the caption takes the side with fewer of
      // them (so leader lines do not cross it), or else the wider one.
      std::ptrdiff_t on_left = 0;
      for (const auto& l : overlay.labels) on_left += l.anchor.x < overlay.subject_centre.x;
      const std::ptrdiff_t on_right = static_cast<std::ptrdiff_t>(overlay.labels.size()) - on_left;
      bool use_left = left_w >= right_w;
      if (left_w >= min_w && right_w >= min_w && on_left != on_right) use_left = on_left < on_right;
      const float side_w = use_left ? left_w : right_w;
      if (side_w >= min_w) {
        free_left = use_left ? overlay.left_margin + margin : overlay.subject_x.y + margin;
        free_w = side_w;
        column = glm::vec2(free_left, free_w);
      }
    }
    // Large captions: about 1/18 of the screen height, readable across a waiting room.
    layout.caption_font_px = overlay.large_caption ? display.y / 18.0f : ImGui::GetFontSize();
    layout.caption_wrap = free_w * (overlay.large_caption ? 0.8f : 0.9f);
    const ImVec2 size =
        ImGui::GetFont()->CalcTextSizeA(layout.caption_font_px, FLT_MAX, layout.caption_wrap, overlay.caption.c_str());
    const float pad = layout.caption_pad = (overlay.large_caption ? 20.0f : 10.0f) * ui_scale;
    ImVec2 at(free_left + (free_w - size.x) * 0.5f, display.y - size.y - 48.0f * ui_scale);
    if (overlay.caption_placed)
      at = ImVec2(std::clamp(overlay.caption_at.x * display.x - size.x * 0.5f, pad, display.x - size.x - pad),
                  std::clamp(overlay.caption_at.y * display.y - size.y * 0.5f, pad, display.y - size.y - pad));
    layout.caption = ScreenBox{{at.x - pad, at.y - pad}, {at.x + size.x + pad, at.y + size.y + pad}};
    // A caption in the lower half bounds the labels from below; one in the upper half (the
    // kiosk moves it about) from above.
    if (at.y + size.y * 0.5f > display.y * 0.5f) band_bottom = layout.caption->min.y - gap;
    else band_top = layout.caption->max.y + gap;
  }

  float left_bottom = band_bottom, right_bottom = band_bottom;
  if (overlay.speed_legend) {
    const float w = 230.0f * ui_scale, h = 12.0f * ui_scale, pad = 8.0f * ui_scale;
    const float font = ImGui::GetFontSize();
    // From the colour bar down to the box's bottom: the bar's labels, then the valve key's line.
    const float below = h + pad + 2.0f * font + 6.0f * ui_scale;
    // In the caption's column beside the model when it fits there, else in the wider free
    // column, else bottom left (clear of the View panel in the window); always above the caption.
    const float needed = w + 2.0f * pad;
    glm::vec2 at{overlay.left_margin + 24.0f * ui_scale, std::min(display.y * 0.62f, band_bottom - below)};
    if (column && column->y >= needed) {
      at = {column->x + pad, band_bottom - below};
    } else if (subject_known && std::max(left_w, right_w) >= needed) {
      at = {left_w >= right_w ? overlay.left_margin + margin + pad : overlay.subject_x.y + margin + pad, band_bottom - below};
    }
    layout.legend_bar = at;
    layout.legend = ScreenBox{{at.x - pad, at.y - pad - font - 4.0f * ui_scale}, {at.x + w + pad, at.y + below}};
    // Labels on the legend's side stack above it.
    if (at.x < overlay.subject_centre.x) left_bottom = layout.legend->min.y - gap;
    else right_bottom = layout.legend->min.y - gap;
  }

  std::vector<const AreaLabel*> left, right;
  for (const auto& l : overlay.labels) (l.anchor.x < overlay.subject_centre.x ? left : right).push_back(&l);
  place_side(left, true, ui_scale, overlay.left_margin, band_top, left_bottom, layout.labels);
  place_side(right, false, ui_scale, overlay.right_margin, band_top, right_bottom, layout.labels);
  return layout;
}

}  // namespace effleura::ui
