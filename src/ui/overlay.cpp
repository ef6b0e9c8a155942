#include "ui/overlay.hpp"

#include <algorithm>
#include <cfloat>

#include <imgui.h>

namespace effleura::ui {
namespace {

constexpr ImU32 kLabelText = IM_COL32(245, 245, 245, 255);
constexpr ImU32 kLabelBox = IM_COL32(20, 30, 38, 215);
constexpr ImU32 kLeader = IM_COL32(40, 215, 240, 255);  // the highlight's cyan: label and glow match

void draw_side(ImDrawList* dl, std::vector<const AreaLabel*> side, bool left, float scale, float inset) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  std::sort(side.begin(), side.end(), [](auto* a, auto* b) { return a->anchor.y < b->anchor.y; });
  const float font = ImGui::GetFontSize();
  const float pad = 6.0f * scale;
  const float box_h = font + 2.0f * pad;
  const float margin = 24.0f * scale;
  float next_free_y = 40.0f * scale;
  for (const AreaLabel* l : side) {
    const ImVec2 size = ImGui::CalcTextSize(l->text.c_str());
    const float box_w = size.x + 2.0f * pad;
    float y = std::max(l->anchor.y - box_h * 0.5f, next_free_y);
    y = std::min(y, display.y - box_h - margin);
    next_free_y = y + box_h + 6.0f * scale;
    const float x = left ? inset + margin : display.x - inset - margin - box_w;
    const ImVec2 box_min(x, y), box_max(x + box_w, y + box_h);
    const ImVec2 joint(left ? box_max.x : box_min.x, y + box_h * 0.5f);
    const ImVec2 anchor(l->anchor.x, l->anchor.y);
    dl->AddLine(joint, anchor, IM_COL32(0, 0, 0, 140), 4.0f * scale);  // dark under-stroke: readable on skin and on grey
    dl->AddLine(joint, anchor, kLeader, 2.0f * scale);
    if (l->behind) dl->AddCircle(anchor, 5.0f * scale, kLeader, 16, 2.0f * scale);
    else dl->AddCircleFilled(anchor, 5.0f * scale, kLeader);
    dl->AddRectFilled(box_min, box_max, kLabelBox, 4.0f * scale);
    dl->AddRect(box_min, box_max, kLeader, 4.0f * scale, 0, 1.5f * scale);
    dl->AddText(ImVec2(x + pad, y + pad), kLabelText, l->text.c_str());
  }
}

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

void draw_speed_legend(ImDrawList* dl, float scale, float left_margin) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float w = 230.0f * scale, h = 12.0f * scale, pad = 8.0f * scale;
  const float font = ImGui::GetFontSize();
  // Bottom left, above the caption band, clear of the View panel in the window.
  const ImVec2 at(left_margin + 24.0f * scale, display.y * 0.62f);
  dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad - font - 4.0f * scale), ImVec2(at.x + w + pad, at.y + h + pad + font + 2.0f * scale),
                    IM_COL32(15, 20, 26, 200), 6.0f * scale);
  dl->AddText(ImVec2(at.x, at.y - font - 4.0f * scale), kLabelText, "Blood speed");
  constexpr int kSteps = 32;
  for (int i = 0; i < kSteps; ++i) {
    const float t0 = float(i) / kSteps, t1 = float(i + 1) / kSteps;
    dl->AddRectFilledMultiColor(ImVec2(at.x + w * t0, at.y), ImVec2(at.x + w * t1, at.y + h), viridis(0.15f + 0.85f * t0),
                                viridis(0.15f + 0.85f * t1), viridis(0.15f + 0.85f * t1), viridis(0.15f + 0.85f * t0));
  }
  dl->AddText(ImVec2(at.x, at.y + h + 2.0f * scale), kLabelText, "still");
  const char* fast = "fast (20+ cm/s)";
  dl->AddText(ImVec2(at.x + w - ImGui::CalcTextSize(fast).x, at.y + h + 2.0f * scale), kLabelText, fast);
}

}  // namespace

void draw_overlay(const Overlay& overlay, float ui_scale) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();

  std::vector<const AreaLabel*> left, right;
  for (const auto& l : overlay.labels) (l.anchor.x < overlay.subject_centre.x ? left : right).push_back(&l);
  draw_side(dl, left, true, ui_scale, overlay.left_margin);
  draw_side(dl, right, false, ui_scale, overlay.right_margin);

  if (overlay.speed_legend) draw_speed_legend(dl, ui_scale, overlay.left_margin);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  if (!overlay.caption.empty()) {
    // Centred in the space the side panels leave free.
    const float free_w = std::max(display.x - overlay.left_margin - overlay.right_margin, display.x * 0.4f);
    // Large captions: about 1/18 of the screen height, readable across a waiting room.
    const float font_px = overlay.large_caption ? display.y / 18.0f : ImGui::GetFontSize();
    const float wrap = free_w * (overlay.large_caption ? 0.8f : 0.9f);
    ImFont* font = ImGui::GetFont();
    const ImVec2 size = font->CalcTextSizeA(font_px, FLT_MAX, wrap, overlay.caption.c_str());
    const float pad = (overlay.large_caption ? 20.0f : 10.0f) * ui_scale;
    ImVec2 at(overlay.left_margin + (free_w - size.x) * 0.5f, display.y - size.y - 48.0f * ui_scale);
    if (overlay.caption_placed)
      at = ImVec2(std::clamp(overlay.caption_at.x * display.x - size.x * 0.5f, pad, display.x - size.x - pad),
                  std::clamp(overlay.caption_at.y * display.y - size.y * 0.5f, pad, display.y - size.y - pad));
    dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad),
                      IM_COL32(15, 20, 26, 200), 6.0f * ui_scale);
    dl->AddText(font, font_px, at, kLabelText, overlay.caption.c_str(), nullptr, wrap);
  }
  if (!overlay.hover.empty()) {
    const ImVec2 at(overlay.hover_at.x + 16.0f * ui_scale, overlay.hover_at.y + 12.0f * ui_scale);
    const ImVec2 size = ImGui::CalcTextSize(overlay.hover.c_str());
    const float pad = 5.0f * ui_scale;
    dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad),
                      IM_COL32(15, 20, 26, 230), 4.0f * ui_scale);
    dl->AddText(at, kLabelText, overlay.hover.c_str());
  }
}

}  // namespace effleura::ui
