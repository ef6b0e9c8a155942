#include "ui/overlay.hpp"

#include <algorithm>

#include <imgui.h>

namespace effleura::ui {
namespace {

constexpr ImU32 kLabelText = IM_COL32(245, 245, 245, 255);
constexpr ImU32 kLabelBox = IM_COL32(20, 30, 38, 215);
constexpr ImU32 kLeader = IM_COL32(40, 215, 240, 255);  // the highlight's cyan: label and glow match

void draw_side(ImDrawList* dl, std::vector<const AreaLabel*> side, bool left, float scale) {
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
    const float x = left ? margin : display.x - margin - box_w;
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

}  // namespace

void draw_overlay(const Overlay& overlay, float ui_scale) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  std::vector<const AreaLabel*> left, right;
  for (const auto& l : overlay.labels) (l.anchor.x < overlay.subject_centre.x ? left : right).push_back(&l);
  draw_side(dl, left, true, ui_scale);
  draw_side(dl, right, false, ui_scale);

  const ImVec2 display = ImGui::GetIO().DisplaySize;
  if (!overlay.caption.empty()) {
    const float wrap = display.x * 0.8f;
    const ImVec2 size = ImGui::CalcTextSize(overlay.caption.c_str(), nullptr, false, wrap);
    const float pad = 10.0f * ui_scale;
    const ImVec2 at((display.x - size.x) * 0.5f, display.y - size.y - 48.0f * ui_scale);
    dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + size.x + pad, at.y + size.y + pad),
                      IM_COL32(15, 20, 26, 200), 6.0f * ui_scale);
    dl->AddText(nullptr, 0.0f, at, kLabelText, overlay.caption.c_str(), nullptr, wrap);
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
