#include "ui/overlay.hpp"

#include "ui/overlay_layout.hpp"

#include <algorithm>
#include <cfloat>
#include <tuple>

#include <imgui.h>

namespace effleura::ui {
namespace {

constexpr ImU32 kLabelText = IM_COL32(245, 245, 245, 255);
constexpr ImU32 kLabelBox = IM_COL32(20, 30, 38, 215);
constexpr ImU32 kLeader = IM_COL32(40, 215, 240, 255);  // the highlight's cyan: label and glow match

// The same viridis polynomial as shaders/particles.frag, so the legend matches the dots.
ImU32 viridis(float t) {
  const float c[7][3] = {{0.2777f, 0.0054f, 0.3341f},  {0.1050f, 1.4046f, 1.3845f},  {-0.3308f, 0.2148f, 0.0951f},
                         {-4.6342f, -5.7991f, -19.3324f}, {6.2282f, 14.1799f, 56.6905f}, {4.7763f, -13.7451f, -65.3530f},
                         {-5.4354f, 4.6459f, 26.3124f}};
  float rgb[3];
  for (int k = 0; k < 3; ++k) {
    float v = c[6][k];
    for (int i = 5; i >= 0; --i) v = c[i][k] + t * v;
    rgb[k] = std::clamp(v, 0.0f, 1.0f);
  }
  return IM_COL32(static_cast<int>(rgb[0] * 255), static_cast<int>(rgb[1] * 255), static_cast<int>(rgb[2] * 255), 255);
}

void draw_speed_legend(ImDrawList* dl, const OverlayLayout& layout, float scale) {
  const ScreenBox& box = *layout.legend;
  const glm::vec2 at = layout.legend_bar;
  const float w = layout.legend_bar_w, h = 12.0f * scale;  // the layout sized the bar to its labels
  auto text = [&](std::size_t i) {
    dl->AddText(ImVec2(layout.legend_texts[i].min.x, layout.legend_texts[i].min.y), kLabelText, legend_texts()[i]);
  };
  dl->AddRectFilled(ImVec2(box.min.x, box.min.y), ImVec2(box.max.x, box.max.y), IM_COL32(15, 20, 26, 200), 6.0f * scale);
  text(0);
  // Backflow has its own colour (shaders/particles.frag): a vermilion dot on the title line.
  const ScreenBox& back = layout.legend_texts[1];
  const float k = legend_icon_scale(scale);  // the keys' size, with the words'
  dl->AddCircleFilled(ImVec2(back.min.x - 9.0f * k, 0.5f * (back.min.y + back.max.y)), 5.0f * k, IM_COL32(213, 94, 0, 255));
  text(1);
  constexpr int kSteps = 32;
  for (int i = 0; i < kSteps; ++i) {
    const float t0 = float(i) / kSteps, t1 = float(i + 1) / kSteps;
    dl->AddRectFilledMultiColor(ImVec2(at.x + w * t0, at.y), ImVec2(at.x + w * t1, at.y + h), viridis(0.15f + 0.85f * t0),
                                viridis(0.15f + 0.85f * t1), viridis(0.15f + 0.85f * t1), viridis(0.15f + 0.85f * t0));
  }
  text(2);
  text(3);
  // The arrows (render/particle_pass): an outlined dart pointing the way the blood moves.
  const float fh = ImGui::GetFontSize(), arrow_y = at.y + h + fh + 6.0f * scale;
  {
    const float cy = arrow_y + 0.55f * fh, x0 = at.x, x1 = at.x + 16.0f * k;
    const ImVec2 tri[3] = {ImVec2(x1, cy), ImVec2(x0, cy - 5.0f * k), ImVec2(x0 + 4.0f * k, cy)};
    const ImVec2 tri2[3] = {ImVec2(x1, cy), ImVec2(x0 + 4.0f * k, cy), ImVec2(x0, cy + 5.0f * k)};
    dl->AddTriangleFilled(tri[0], tri[1], tri[2], viridis(0.8f));
    dl->AddTriangleFilled(tri2[0], tri2[1], tri2[2], viridis(0.8f));
    dl->AddLine(tri[1], tri[0], IM_COL32(0, 0, 0, 255), 1.0f * k);
    dl->AddLine(tri2[2], tri[0], IM_COL32(0, 0, 0, 255), 1.0f * k);
    dl->AddText(ImVec2(x1 + 6.0f * k, arrow_y), kLabelText, arrow_key());
  }
  // Valves in render/valve_geometry.cpp's colours: two leaflets meeting (shut) in white, lying
  // against the wall (open) in light blue, and amber for a leaky one.
  const float key_y = arrow_y + fh + 4.0f * scale;
  const auto valve_icon = [&](float x, ImU32 col, bool open) {
    const float spread = open ? 5.0f * k : 0.0f;
    dl->AddLine(ImVec2(x, key_y + 0.95f * fh), ImVec2(x + 6.0f * k - spread, key_y + 0.3f * fh), col, 2.5f * k);
    dl->AddLine(ImVec2(x + 12.0f * k, key_y + 0.95f * fh), ImVec2(x + 6.0f * k + spread, key_y + 0.3f * fh), col, 2.5f * k);
    return x + 17.0f * k;
  };
  float x = at.x;
  for (const auto& [label, col, open] : {std::tuple{valve_keys()[0], IM_COL32(255, 255, 255, 255), false},
                                         std::tuple{valve_keys()[1], IM_COL32(115, 173, 255, 255), true},
                                         std::tuple{valve_keys()[2], IM_COL32(255, 158, 38, 255), false}}) {
    x = valve_icon(x, col, open);
    dl->AddText(ImVec2(x, key_y), kLabelText, label);
    x += ImGui::CalcTextSize(label).x + 12.0f * k;
  }
}

void draw_label(ImDrawList* dl, const PlacedLabel& p, float scale) {
  const ImVec2 box_min(p.box.min.x, p.box.min.y), box_max(p.box.max.x, p.box.max.y);
  const ImVec2 joint(p.joint.x, p.joint.y), anchor(p.anchor.x, p.anchor.y);
  if (p.covered) {
    // Beside the hands the area lies under: a short pointer at them from the box, no line.
    const glm::vec2 d = p.pointer - p.anchor;
    const glm::vec2 side = 0.6f * glm::vec2(-d.y, d.x);
    dl->AddTriangleFilled(ImVec2(p.pointer.x, p.pointer.y), ImVec2(p.anchor.x + side.x, p.anchor.y + side.y),
                          ImVec2(p.anchor.x - side.x, p.anchor.y - side.y), kLeader);
  } else {
    dl->AddLine(joint, anchor, IM_COL32(0, 0, 0, 140), 4.0f * scale);  // dark under-stroke: readable on skin and on grey
    dl->AddLine(joint, anchor, kLeader, 2.0f * scale);
    if (p.behind) dl->AddCircle(anchor, 5.0f * scale, kLeader, 16, 2.0f * scale);
    else dl->AddCircleFilled(anchor, 5.0f * scale, kLeader);
  }
  dl->AddRectFilled(box_min, box_max, kLabelBox, 4.0f * scale);
  dl->AddRect(box_min, box_max, kLeader, 4.0f * scale, 0, 1.5f * scale);
  const float pad = 6.0f * scale;
  dl->AddText(ImVec2(box_min.x + pad, box_min.y + pad), kLabelText, p.label->text.c_str());
  if (p.covered)  // the area is under the hands (ui::covered_label_size gave the box its room)
    dl->AddText(ImGui::GetFont(), kUnderHandsFont * ImGui::GetFontSize(),
                ImVec2(box_min.x + pad, box_min.y + pad + ImGui::GetFontSize() + 2.0f * scale), IM_COL32(170, 215, 230, 255),
                under_hands_note());
}

}  // namespace

OverlayLayout draw_overlay(const Overlay& overlay, float ui_scale) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  OverlayLayout layout = layout_overlay(overlay, ui_scale);
  if (layout.legend) draw_speed_legend(dl, layout, ui_scale);
  for (const PlacedLabel& p : layout.labels) draw_label(dl, p, ui_scale);
  if (layout.caption) {
    const ScreenBox& c = *layout.caption;
    dl->AddRectFilled(ImVec2(c.min.x, c.min.y), ImVec2(c.max.x, c.max.y), IM_COL32(15, 20, 26, 200), 6.0f * ui_scale);
    dl->AddText(ImGui::GetFont(), layout.caption_font_px, ImVec2(c.min.x + layout.caption_pad, c.min.y + layout.caption_pad),
                kLabelText, overlay.caption.c_str(), nullptr, layout.caption_wrap);
  }
  if (layout.corner_note) {
    const ScreenBox& n = *layout.corner_note;
    const float pad = 6.0f * ui_scale;
    dl->AddRectFilled(ImVec2(n.min.x, n.min.y), ImVec2(n.max.x, n.max.y), IM_COL32(15, 20, 26, 170), 4.0f * ui_scale);
    dl->AddText(ImGui::GetFont(), layout.corner_font_px, ImVec2(n.min.x + pad, n.min.y + pad), IM_COL32(225, 225, 225, 255),
                overlay.corner_note.c_str(), nullptr, ImGui::GetIO().DisplaySize.x * 0.9f);
  }
  if (layout.hover) {
    const ScreenBox& h = *layout.hover;
    const float pad = hover_pad(ui_scale);
    dl->AddRectFilled(ImVec2(h.min.x, h.min.y), ImVec2(h.max.x, h.max.y), IM_COL32(15, 20, 26, 230), 4.0f * ui_scale);
    dl->AddText(ImVec2(h.min.x + pad, h.min.y + pad), kLabelText, overlay.hover.c_str());
  }
  return layout;
}

}  // namespace effleura::ui
