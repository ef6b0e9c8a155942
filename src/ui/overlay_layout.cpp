#include "ui/overlay_layout.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <utility>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <imgui.h>

#include "ui/overlay_label_search.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

float point_segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + t * ab));
}

float cross2(glm::vec2 a, glm::vec2 b) { return a.x * b.y - a.y * b.x; }

// Between two segments on screen: 0 where they cross.
float segment_distance(glm::vec2 p0, glm::vec2 p1, glm::vec2 q0, glm::vec2 q1) {
  const glm::vec2 r = p1 - p0, s = q1 - q0;
  const float d = cross2(r, s);
  if (std::abs(d) > 1e-9f) {
    const float t = cross2(q0 - p0, s) / d, u = cross2(q0 - p0, r) / d;
    if (t >= 0.0f && t <= 1.0f && u >= 0.0f && u <= 1.0f) return 0.0f;
  }
  return std::min({point_segment_distance(p0, q0, q1), point_segment_distance(p1, q0, q1),
                   point_segment_distance(q0, p0, p1), point_segment_distance(q1, p0, p1)});
}

bool inside(const ScreenOutline& o, glm::vec2 p) {
  if (o.points.size() < 3) return false;
  bool positive = false, negative = false;
  for (std::size_t i = 0; i < o.points.size(); ++i) {
    const float c = cross2(o.points[(i + 1) % o.points.size()] - o.points[i], p - o.points[i]);
    positive |= c > 0.0f;
    negative |= c < 0.0f;
  }
  return !(positive && negative);
}

float overlap_area(const ScreenBox& a, const ScreenBox& b) {
  const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
  const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
  return w > 0.0f && h > 0.0f ? w * h : 0.0f;
}

// The legend's colour bar is as wide as its end labels need (the kiosk's larger font made
// "still" run into "fast (20+ cm/s)" on a fixed-width bar); its texts sit above and below it.
void place_legend_texts(OverlayLayout& layout, float scale, float font) {
  const auto kLegendTexts = legend_texts();
  const glm::vec2 at = layout.legend_bar;
  const float w = layout.legend_bar_w, h = 12.0f * scale;
  auto box = [&](const char* text, float x, float y) {
    const ImVec2 size = ImGui::CalcTextSize(text);
    return ScreenBox{{x, y}, {x + size.x, y + size.y}};
  };
  const float title_y = at.y - font - 4.0f * scale, below_y = at.y + h + 2.0f * scale;
  layout.legend_texts[0] = box(kLegendTexts[0], at.x, title_y);
  layout.legend_texts[1] = box(kLegendTexts[1], at.x + w - ImGui::CalcTextSize(kLegendTexts[1]).x, title_y);
  layout.legend_texts[2] = box(kLegendTexts[2], at.x, below_y);
  layout.legend_texts[3] = box(kLegendTexts[3], at.x + w - ImGui::CalcTextSize(kLegendTexts[3]).x, below_y);
}

// The name under the cursor goes in a box below and right of the pointer, unless a label says it.
void place_hover(OverlayLayout& layout, const Overlay& overlay, float ui_scale) {
  if (overlay.hover.empty()) return;
  // Where the pointer rests on the lit structure (or a lit area) its label already names it: a
  // second box with the same name beside the pointer read as two labels (after a wrong click in
  // "click the soleus" the camera turns to the soleus under the resting pointer). Beside the
  // ranked labels of "label all" the pointer's name stays: it says which of them the pointer is on.
  for (const PlacedLabel& p : layout.labels)
    if (p.label->rank <= 0 && hover_repeats_label(overlay.hover, p.label->text)) return;
  const glm::vec2 at(overlay.hover_at.x + 16.0f * ui_scale, overlay.hover_at.y + 12.0f * ui_scale);
  const ImVec2 size = ImGui::CalcTextSize(overlay.hover.c_str());
  const float pad = hover_pad(ui_scale);
  layout.hover = ScreenBox{{at.x - pad, at.y - pad}, {at.x + size.x + pad, at.y + size.y + pad}};
}

}  // namespace

// Between a box and an outline: 0 where they overlap.
float box_outline_distance(const ScreenBox& b, const ScreenOutline& o) {
  for (const glm::vec2 p : o.points)
    if (p.x >= b.min.x && p.x <= b.max.x && p.y >= b.min.y && p.y <= b.max.y) return 0.0f;
  const glm::vec2 c[4] = {b.min, {b.max.x, b.min.y}, b.max, {b.min.x, b.max.y}};
  float best = FLT_MAX;
  for (int i = 0; i < 4; ++i) best = std::min(best, segment_outline_distance(c[i], c[(i + 1) % 4], o));
  return best;
}

ScreenOutline outline_of(const ScreenBox& b) { return {{b.min, {b.max.x, b.min.y}, b.max, {b.min.x, b.max.y}}}; }

float segment_outline_distance(glm::vec2 q0, glm::vec2 q1, const ScreenOutline& o) {
  if (o.points.empty()) return FLT_MAX;
  if (inside(o, q0) || inside(o, q1)) return 0.0f;
  float best = FLT_MAX;
  for (std::size_t i = 0; i < o.points.size(); ++i)
    best = std::min(best, segment_distance(o.points[i], o.points[(i + 1) % o.points.size()], q0, q1));
  return best;
}

float leader_shown(const PlacedLabel& p) {
  // Liang-Barsky: the part [t0, t1] of joint -> anchor inside the box; the rest shows.
  const glm::vec2 a = p.joint, d = p.anchor - p.joint;
  float t0 = 0.0f, t1 = 1.0f;
  const float q_min[2] = {a.x - p.box.min.x, a.y - p.box.min.y}, q_max[2] = {p.box.max.x - a.x, p.box.max.y - a.y};
  for (int k = 0; k < 2; ++k) {
    for (const auto& [step, room] : {std::pair{-d[k], q_min[k]}, std::pair{d[k], q_max[k]}}) {
      if (step == 0.0f) {
        if (room < 0.0f) return glm::length(d);  // parallel to this edge and outside the box
        continue;
      }
      const float t = room / step;
      if (step < 0.0f) t0 = std::max(t0, t);
      else t1 = std::min(t1, t);
    }
  }
  return glm::length(d) * (1.0f - std::max(0.0f, t1 - t0));
}

int hidden_leaders(const OverlayLayout& layout, float ui_scale) {
  int count = 0;
  for (const PlacedLabel& p : layout.labels) count += !p.covered && leader_shown(p) < kLeaderShown * ui_scale;
  return count;
}

bool over_hands(const PlacedLabel& p, const std::vector<ScreenOutline>& hands, float clearance) {
  for (const ScreenOutline& o : hands)
    if (segment_outline_distance(p.anchor, p.joint, o) < clearance || box_outline_distance(p.box, o) <= 0.0f) return true;
  return false;
}

float outline_distance(glm::vec2 p, const ScreenOutline& o) { return segment_outline_distance(p, p, o); }

ScreenOutline convex_outline(std::vector<glm::vec2> points) {
  // Andrew's monotone chain.
  std::sort(points.begin(), points.end(), [](glm::vec2 a, glm::vec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  if (points.size() < 3) return {points};
  std::vector<glm::vec2> hull(2 * points.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    while (k >= 2 && cross2(hull[k - 1] - hull[k - 2], points[i] - hull[k - 2]) <= 0.0f) --k;
    hull[k++] = points[i];
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
    while (k >= lower && cross2(hull[k - 1] - hull[k - 2], points[i] - hull[k - 2]) <= 0.0f) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);
  return {hull};
}

int labels_over_hands(const OverlayLayout& layout, const Overlay& overlay, float ui_scale) {
  int count = 0;
  for (const PlacedLabel& p : layout.labels) count += over_hands(p, overlay.hands, kHandClearance * ui_scale);
  return count;
}

// The English words when no locale is loaded (a bare test), so the legend keeps its true size.
static const char* legend_word(std::string_view key, const char* english) {
  const char* t = tr_find(key);
  return t ? t : english;
}

std::array<const char*, 4> legend_texts() {
  return {legend_word("ui.legend.title", "Blood speed"), legend_word("ui.legend.reflux", "reflux"),
          legend_word("ui.legend.still", "still"), legend_word("ui.legend.fast", "fast (20+ cm/s)")};
}
float legend_icon_scale(float ui_scale) { return std::max(ui_scale, ImGui::GetFontSize() / 20.0f); }

const char* arrow_key() { return legend_word("ui.legend.arrows", "the way the blood flows"); }
const char* under_hands_note() { return legend_word("ui.area-label.under-hands", "under the hands"); }

glm::vec2 covered_label_size(const AreaLabel& label, float scale) {
  const float pad = 6.0f * scale, font = ImGui::GetFontSize(), note = kUnderHandsFont * font;
  const float name_w = ImGui::CalcTextSize(label.text.c_str()).x;
  const float note_w = ImGui::GetFont()->CalcTextSizeA(note, FLT_MAX, 0.0f, under_hands_note()).x;
  return {std::max(name_w, note_w) + 2.0f * pad, font + note + 2.0f * scale + 2.0f * pad};
}
std::array<const char*, 3> valve_keys() {
  return {legend_word("ui.legend.valve-shut", "valve shut"), legend_word("ui.legend.valve-open", "open"),
          legend_word("ui.legend.valve-leaky", "leaky")};
}

OverlayLayout layout_overlay(const Overlay& overlay, float ui_scale) {
  OverlayLayout layout;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float gap = 10.0f * ui_scale;
  const bool has_working = has_working_area(overlay);
  const ScreenBox working{{overlay.working.x, overlay.working.y}, {overlay.working.z, overlay.working.w}};

  // The kiosk's disclaimer line, small, in the bottom-left corner: everything else keeps clear.
  float usable_bottom = display.y;
  if (!overlay.corner_note.empty()) {
    layout.corner_font_px = 0.8f * ImGui::GetFontSize();
    const float pad = 6.0f * ui_scale;
    const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(layout.corner_font_px, FLT_MAX, display.x * 0.9f,
                                                        overlay.corner_note.c_str());
    const glm::vec2 at{pad + 4.0f * ui_scale, display.y - size.y - pad - 4.0f * ui_scale};
    layout.corner_note = ScreenBox{{at.x - pad, at.y - pad}, {at.x + size.x + pad, at.y + size.y + pad}};
    usable_bottom = layout.corner_note->min.y - gap;
  }

  if (overlay.keep_above > 0.0f) usable_bottom = std::min(usable_bottom, overlay.keep_above - gap);

  // The caption first; labels and the legend keep out of its way.
  float band_top = 0.0f, band_bottom = usable_bottom;
  // A panel over the view: a wide one bounds the labels' band, a narrow one widens a margin.
  Overlay o = overlay;
  const glm::vec4 k = overlay.keep_clear;
  if (k.z > k.x && k.w > k.y) {
    if (k.z - k.x > 0.5f * display.x) {
      if (k.y + k.w > display.y) band_bottom = std::min(band_bottom, k.y - gap);
      else band_top = std::max(band_top, k.w + gap);
    } else if (k.x + k.z > display.x) {
      o.right_margin = std::max(o.right_margin, display.x - k.x + gap);
    } else {
      o.left_margin = std::max(o.left_margin, k.z + gap);
    }
  }
  // The legend's width (its colour bar's, w, and its box's, needed): the caption makes room
  // for it beside itself between the panels.
  const float legend_pad = 8.0f * ui_scale;
  const float legend_w = [&] {
    const float font = ImGui::GetFontSize();
    auto text_w = [](const char* t) { return ImGui::CalcTextSize(t).x; };
    const auto kLegendTexts = legend_texts();
    const auto kValveKeys = valve_keys();
    // Wide enough for the title line, the bar's end labels and the valve key (two icons).
    return std::max({230.0f * ui_scale, text_w(kLegendTexts[0]) + text_w(kLegendTexts[1]) + 3.0f * font,
                     text_w(kLegendTexts[2]) + text_w(kLegendTexts[3]) + 1.5f * font,
                     text_w(arrow_key()) + 24.0f * legend_icon_scale(ui_scale),
                     text_w(kValveKeys[0]) + text_w(kValveKeys[1]) + text_w(kValveKeys[2]) + 87.0f * legend_icon_scale(ui_scale)});
  }();
  const float legend_needed = legend_w + 2.0f * legend_pad;
  // The column beside the model the caption went into, if any (x of its left edge, width).
  std::optional<glm::vec2> column;
  // Between the panels with no column beside the model (the leg fills the width between them),
  // the legend goes at the caption's right, level with it, not stacked above it: stacked, the
  // two took more of the height than the camera leaves below the leg, and the legend went over
  // the thigh (ankle pumps' flow view at 1280x720). x of the legend's box, when beside.
  std::optional<float> legend_beside;
  const float margin = 24.0f * ui_scale;
  const float left_w = overlay.subject_x.x - o.left_margin - 2.0f * margin;
  const float right_w = display.x - o.right_margin - overlay.subject_x.y - 2.0f * margin;
  const bool subject_known = overlay.subject_x.y > overlay.subject_x.x;
  // Laid out between the window's docked panels (their margins given), not over a bare picture.
  const bool between_panels = overlay.left_margin > 0.0f || overlay.right_margin > 0.0f;
  // Between the window's panels too narrow for a caption (a few words a line): none, rather
  // than one over the panels.
  const bool caption_fits = !between_panels ||
                            display.x - o.left_margin - o.right_margin >= 8.0f * ImGui::GetFontSize();
  if (!overlay.caption.empty() && caption_fits) [&] {
    // Centred in the space the side panels leave free (between the window's panels, never
    // wider: at 640x360 a caption 0.4 of the width ran over the View panel) ...
    float free_left = o.left_margin;
    float free_w = display.x - o.left_margin - o.right_margin;
    if (!between_panels) free_w = std::max(free_w, display.x * 0.4f);
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
        free_left = use_left ? o.left_margin + margin : overlay.subject_x.y + margin;
        free_w = side_w;
        column = glm::vec2(free_left, free_w);
      }
    }
    if (!column && between_panels && overlay.speed_legend && !overlay.caption_placed &&
        free_w - legend_needed - gap >= 12.0f * ImGui::GetFontSize()) {
      free_w -= legend_needed + gap;
      legend_beside = free_left + free_w + gap;
    }
    // Large captions: about 1/18 of the screen height, readable across a waiting room.
    layout.caption_font_px = overlay.large_caption ? display.y / 18.0f : ImGui::GetFontSize();
    // Its box (the text and its padding) inside the free space.
    layout.caption_wrap = std::min(free_w * (overlay.large_caption ? 0.8f : 0.9f),
                                   free_w - 2.0f * (overlay.large_caption ? 20.0f : 10.0f) * ui_scale);
    const ImVec2 size =
        ImGui::GetFont()->CalcTextSizeA(layout.caption_font_px, FLT_MAX, layout.caption_wrap, overlay.caption.c_str());
    const float pad = layout.caption_pad = (overlay.large_caption ? 20.0f : 10.0f) * ui_scale;
    // Between the window's panels, taller than the room under the menu bar (a 640x360 window
    // with Practice docked below): none, rather than one running off the top.
    if (between_panels &&
        size.y + 2.0f * pad > usable_bottom - 2.0f * ImGui::GetFontSize())
      return;
    auto box_at = [&](ImVec2 at) { return ScreenBox{{at.x - pad, at.y - pad}, {at.x + size.x + pad, at.y + size.y + pad}}; };
    auto placed = [&](glm::vec2 centre) {  // a centre in 0..1 of the screen, kept on screen
      return ImVec2(std::clamp(centre.x * display.x - size.x * 0.5f, pad, std::max(pad, display.x - size.x - pad)),
                    std::clamp(centre.y * display.y - size.y * 0.5f, pad, std::max(pad, usable_bottom - size.y - pad)));
    };
    // Candidates in order of preference; the first clear of the working area wins, else the
    // one covering least of it.
    std::vector<ImVec2> candidates;
    if (overlay.caption_placed) {
      candidates.push_back(placed(overlay.caption_at));
      for (glm::vec2 c : {glm::vec2(0.5f, 0.88f), glm::vec2(0.5f, 0.12f), glm::vec2(0.25f, 0.5f), glm::vec2(0.75f, 0.5f),
                          glm::vec2(0.25f, 0.88f), glm::vec2(0.75f, 0.88f), glm::vec2(0.25f, 0.12f), glm::vec2(0.75f, 0.12f)})
        candidates.push_back(placed(c));
    } else {
      const float x = free_left + (free_w - size.x) * 0.5f;
      // Between the panels just above what bounds it (the status bar, Practice docked below):
      // the camera frames the leg above the caption, so a lift only takes the leg's room.
      candidates.push_back(ImVec2(x, usable_bottom - size.y - (between_panels ? pad : 48.0f * ui_scale)));
      candidates.push_back(ImVec2(x, 3.0f * ImGui::GetFontSize()));  // under the menu bar
    }
    ImVec2 at = candidates.front();
    if (has_working) {
      float best = FLT_MAX;
      for (const ImVec2& c : candidates) {
        const float covered = overlap_area(box_at(c), working);
        if (covered < best) { best = covered; at = c; }
        if (covered <= 0.0f) break;
      }
    }
    layout.caption = box_at(at);
    // A caption in the lower half bounds the labels from below; one in the upper half (the
    // kiosk moves it about) from above.
    if (at.y + size.y * 0.5f > display.y * 0.5f) band_bottom = layout.caption->min.y - gap;
    else band_top = layout.caption->max.y + gap;
  }();

  float left_bottom = band_bottom, right_bottom = band_bottom, left_top = band_top, right_top = band_top;
  if (overlay.speed_legend) [&] {
    const float h = 12.0f * ui_scale, pad = legend_pad;
    const float font = ImGui::GetFontSize();
    const float w = legend_w;
    layout.legend_bar_w = w;
    // From the colour bar down to the box's bottom: the bar's labels, the arrow's and the valves' keys.
    const float below = h + pad + 3.0f * font + 10.0f * ui_scale;
    // In the caption's column beside the model when it fits there, else in the wider free
    // column, else bottom left (clear of the View panel in the window); always above the caption.
    const float needed = legend_needed;
    // Between the window's panels too narrow for it: no legend, rather than one over the View
    // panel (at 640x360 with a card it covered the card's text).
    const bool legend_fits = !between_panels || display.x - o.left_margin - o.right_margin >= needed + 2.0f * pad;
    if (!legend_fits) return;
    glm::vec2 at{o.left_margin + 24.0f * ui_scale, std::min(display.y * 0.62f, band_bottom - below)};
    if (legend_beside && layout.caption) {
      at = {*legend_beside + pad, layout.caption->max.y - below};  // its foot level with the caption's
    } else if (column && column->y >= needed) {
      at = {column->x + pad, band_bottom - below};
    } else if (subject_known && std::max(left_w, right_w) >= needed) {
      at = {left_w >= right_w ? o.left_margin + margin + pad : overlay.subject_x.y + margin + pad, band_bottom - below};
    }
    // Never off either edge of the screen, whatever the margins.
    const auto on_screen = [&](glm::vec2 p) {
      p.x = std::clamp(p.x, 2.0f * pad, std::max(2.0f * pad, display.x - w - 2.0f * pad));
      p.y = std::max(p.y, 2.0f * pad + font + 4.0f * ui_scale);
      return p;
    };
    const auto box_of = [&](glm::vec2 p) {
      return ScreenBox{{p.x - pad, p.y - pad - font - 4.0f * ui_scale}, {p.x + w + pad, p.y + below}};
    };
    // How much of the leg a place hides: the skin's sampled points under it; the hands at work,
    // the caption and the corner note are never covered.
    const auto covers = [&](glm::vec2 p) {
      const ScreenBox b = box_of(p);
      const glm::vec2 lo = b.min - 0.5f * font, hi = b.max + 0.5f * font;  // not touching the leg's edge either
      float n = 0.0f;
      for (const glm::vec2& q : overlay.subject_points) n += static_cast<float>(q.x > lo.x && q.x < hi.x && q.y > lo.y && q.y < hi.y);
      if (has_working) n += overlap_area(b, working);
      if (layout.caption && b.overlaps(*layout.caption)) n += 1e9f;
      if (layout.corner_note && b.overlaps(*layout.corner_note)) n += 1e9f;
      return n;
    };
    at = on_screen(at);
    if (covers(at) > 0.0f) {
      // Over the leg (an X-ray or a cut seen from the side fills the width): try the free
      // area's corners and edges, clear of the side panels, and keep the one hiding least.
      const float x0 = o.left_margin + margin + pad, x1 = display.x - o.right_margin - margin - pad - w;
      const float top = std::max(band_top, 2.0f * font) + gap + pad + font + 4.0f * ui_scale;
      const float bottom = band_bottom - below;
      float best = covers(at);
      for (const glm::vec2 c : {glm::vec2(x0, bottom), glm::vec2(x1, bottom), glm::vec2(0.5f * (x0 + x1), bottom),
                                glm::vec2(x0, top), glm::vec2(x1, top), glm::vec2(0.5f * (x0 + x1), top),
                                glm::vec2(x0, 0.5f * (top + bottom)), glm::vec2(x1, 0.5f * (top + bottom))}) {
        const glm::vec2 p = on_screen(c);
        if (const float n = covers(p); n < best) {
          best = n;
          at = p;
        }
      }
    }
    layout.legend_bar = at;
    layout.legend = box_of(at);
    place_legend_texts(layout, ui_scale, font);
    // Labels on the legend's side stack above it, or below it when it is in the upper half of
    // their band: of the band, not of the screen (presenter view's band above its text ends at
    // 280 px at 1280x720; a legend at its foot counted as high sent the labels below it, over the
    // text).
    float& side_bottom = at.x < overlay.subject_centre.x ? left_bottom : right_bottom;
    float& side_top = at.x < overlay.subject_centre.x ? left_top : right_top;
    const bool legend_high = 0.5f * (layout.legend->min.y + layout.legend->max.y) < 0.5f * (side_top + std::min(side_bottom, display.y));
    if (legend_high) side_top = std::max(side_top, layout.legend->max.y + gap);
    else side_bottom = layout.legend->min.y - gap;
  }();

  const std::size_t left_count =
      place_labels(layout, overlay, o, ui_scale, {left_top, left_bottom, right_top, right_bottom, band_top});
  // Where the two stacks meet (long names, a narrow view), an optional label gives way.
  std::vector<bool> drop(layout.labels.size(), false);
  for (std::size_t i = 0; i < layout.labels.size(); ++i) {
    const PlacedLabel& p = layout.labels[i];
    if (p.label->rank <= 0) continue;
    for (std::size_t j = 0; j < layout.labels.size(); ++j) {
      const PlacedLabel& q = layout.labels[j];
      if ((i < left_count) == (j < left_count) || drop[j] || !q.box.overlaps(p.box)) continue;
      if (q.label->rank <= 0 || q.label->rank < p.label->rank) drop[i] = true;
    }
  }
  // A label the search left on the legend or the caption, or pointing under the panel over the
  // view, is not drawn: at 640x360 the legend and the Lesson panel leave no room between the
  // columns, and the Thighs and Calves boxes lay on the legend's words with their lines under
  // the lesson's text. Unnamed reads better than that (the lit glow still shows the areas).
  for (std::size_t i = 0; i < layout.labels.size(); ++i)
    if (!layout.labels[i].covered && (label_blocked(layout.labels[i], layout) || under_panel(layout.labels[i].anchor, overlay)))
      drop[i] = true;
  std::vector<PlacedLabel> kept;
  for (std::size_t i = 0; i < layout.labels.size(); ++i)
    if (!drop[i]) kept.push_back(layout.labels[i]);
  layout.labels = std::move(kept);
  place_hover(layout, overlay, ui_scale);
  return layout;
}

bool hover_repeats_label(const std::string& hover, const std::string& label) {
  if (label.empty() || hover.size() < label.size() || hover.compare(0, label.size(), label) != 0) return false;
  return hover.size() == label.size() || hover.compare(label.size(), 2, " (") == 0;
}

}  // namespace effleura::ui
