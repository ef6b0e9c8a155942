#include "app/state_overlay.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "anatomy/leg_bend.hpp"
#include "app/flow_replay.hpp"
#include "core/frame.hpp"
#include "render/hand_sight.hpp"
#include "render/screen_region.hpp"
#include "technique/forearm.hpp"
#include "technique/working_region.hpp"
#include "ui/structure_names.hpp"
#include "ui/main_ui.hpp"
#include "ui/overlay_layout.hpp"
#include "ui/technique_notes.hpp"
#include "ui/tr.hpp"

namespace effleura::app {
namespace {

glm::vec2 to_screen(const glm::mat4& view_proj, const glm::vec3& p, glm::ivec2 size, bool* in_front) {
  const glm::vec4 clip = view_proj * glm::vec4(p, 1.0f);
  *in_front = clip.w > 1e-4f;
  const glm::vec3 ndc = glm::vec3(clip) / (clip.w > 1e-4f ? clip.w : 1e-4f);
  return {(ndc.x * 0.5f + 0.5f) * float(size.x), (0.5f - ndc.y * 0.5f) * float(size.y)};
}

// Distance from p to the nearest hand's outline (0 inside one); FLT_MAX with none.
float clearance(glm::vec2 p, const std::vector<ui::ScreenOutline>& hands) {
  float best = FLT_MAX;
  for (const ui::ScreenOutline& o : hands) best = std::min(best, ui::outline_distance(p, o));
  return best;
}

// Other points of an area a label's leader may land on when the line from its anchor would
// cross the hands: skin of the area (weighted as area_anchor weighs it) that faces the eye
// (when `facing`: the anchor itself does; an area on the far side is pointed at through the leg
// anyway) and lies clear of every hand on screen; the one nearest the anchor, then the area's leftmost,
// rightmost, highest and lowest such points, so a line can leave the hands on any side, then
// points spread between them.
std::vector<glm::vec2> anchors_clear_of_hands(const anatomy::Model& model, std::size_t area, const glm::vec3& leg_eye,
                                              const glm::mat4& vp, glm::ivec2 size, glm::vec2 anchor, bool facing,
                                              const std::vector<ui::ScreenOutline>& hands, float margin) {
  std::vector<glm::vec2> points, clear;  // the area's points on screen; those clear of the hands
  for (const auto& m : model.meshes) {
    if (m.layer != anatomy::Layer::skin) continue;
    // About 6000 of the skin's vertices: enough that an area keeps a few points clear of hands
    // that cover most of it (the calves under a squeeze).
    const std::size_t every = std::max<std::size_t>(1, m.positions.size() / 6000);
    for (std::size_t v = 0; v < m.area_weights.size() && v < m.positions.size() && v < m.normals.size(); v += every) {
      if (m.area_weights[v][area] < 0.6f || (facing && glm::dot(m.normals[v], leg_eye - m.positions[v]) <= 0.0f)) continue;
      bool in_front = true;
      const glm::vec2 s = to_screen(vp, m.positions[v], size, &in_front);
      if (!in_front || s.x < 0.0f || s.y < 0.0f || s.x > float(size.x) || s.y > float(size.y)) continue;
      points.push_back(s);
      if (clearance(s, hands) > margin) clear.push_back(s);
    }
  }
  if (points.empty()) return {};
  const auto pick = [&](auto&& less) { return *std::min_element(clear.begin(), clear.end(), less); };
  std::vector<glm::vec2> distinct;
  const auto keep = [&](glm::vec2 p) {
    if (std::none_of(distinct.begin(), distinct.end(), [&](glm::vec2 q) { return glm::distance(p, q) < 1.0f; })) distinct.push_back(p);
  };
  // First, for each side, the clear point nearest the anchor from which a level line runs out
  // to that edge of the window past every hand: the labels stack down the sides, so a line from
  // there leaves the hands. (The extremes below can all lie beyond a hand from both sides: calf
  // squeezes at 2 s, the calves' clear points past the far end of the hands, each line across
  // the fingers.)
  const auto nearest_first = [&](std::vector<glm::vec2> sorted) {
    std::sort(sorted.begin(), sorted.end(), [&](glm::vec2 a, glm::vec2 b) { return glm::distance(a, anchor) < glm::distance(b, anchor); });
    return sorted;
  };
  const auto level_line_clear = [&](glm::vec2 p, float edge) {
    return std::all_of(hands.begin(), hands.end(),
                       [&](const ui::ScreenOutline& o) { return ui::segment_outline_distance(p, {edge, p.y}, o) > margin; });
  };
  bool reachable = false;
  const std::vector<glm::vec2> by_distance = nearest_first(clear);
  for (const float edge : {0.0f, float(size.x)}) {
    const auto out = std::find_if(by_distance.begin(), by_distance.end(), [&](glm::vec2 p) { return level_line_clear(p, edge); });
    if (out != by_distance.end()) {
      keep(*out);
      reachable = true;
    }
  }
  // No clear point is reachable that way (calf squeezes at 2 s, the kiosk's squeeze at 132 s: the
  // calves show only between the fingertips): the line ends at the hands' edge where the area
  // goes under them. For each side, the area's points nearest the anchor first: along its row
  // from that edge of the window, the farthest point a level line reaches still clear of every
  // hand, kept only where it is on the area's skin (one of the area's points within `margin` of
  // it), so the dot never lands on another area or on the table beside the hands.
  if (!reachable) {
    const std::vector<glm::vec2> under = nearest_first(points);
    constexpr std::size_t kTried = 200;  // bounds the search (it runs only for such a label)
    for (const float edge : {0.0f, float(size.x)}) {
      for (std::size_t i = 0; i < under.size() && i < kTried; ++i) {
        const glm::vec2 p = under[i];
        if (!level_line_clear({edge, p.y}, edge)) continue;  // a hand at the window's edge
        // The segment from the edge only comes nearer the hands as it grows: halve the gap.
        float lo = edge, hi = p.x;
        for (int step = 0; step < 12; ++step) {
          const float mid = 0.5f * (lo + hi);
          (level_line_clear({mid, p.y}, edge) ? lo : hi) = mid;
        }
        const glm::vec2 end(lo, p.y);
        if (std::any_of(points.begin(), points.end(), [&](glm::vec2 q) { return glm::distance(q, end) <= margin; })) {
          keep(end);
          break;
        }
      }
    }
  }
  if (clear.empty()) return distinct;
  keep(pick([&](glm::vec2 a, glm::vec2 b) { return glm::distance(a, anchor) < glm::distance(b, anchor); }));
  keep(pick([](glm::vec2 a, glm::vec2 b) { return a.x < b.x; }));
  keep(pick([](glm::vec2 a, glm::vec2 b) { return a.x > b.x; }));
  keep(pick([](glm::vec2 a, glm::vec2 b) { return a.y < b.y; }));
  keep(pick([](glm::vec2 a, glm::vec2 b) { return a.y > b.y; }));
  // Then, up to eight in all, each the clear point farthest from those kept: the gaps between
  // and beside the hands (an extreme can lie where every line leaves over a forearm).
  while (distinct.size() < 8) {
    const auto far = std::max_element(clear.begin(), clear.end(), [&](glm::vec2 a, glm::vec2 b) {
      const auto nearest = [&](glm::vec2 p) {
        float d = FLT_MAX;
        for (const glm::vec2 q : distinct) d = std::min(d, glm::distance(p, q));
        return d;
      };
      return nearest(a) < nearest(b);
    });
    const std::size_t before = distinct.size();
    keep(*far);
    if (distinct.size() == before) break;  // every clear point already kept
  }
  return distinct;
}

}  // namespace

std::vector<ui::ScreenOutline> hands_on_screen(const render::FrameView& v, glm::ivec2 size) {
  std::vector<ui::ScreenOutline> outlines;
  const glm::mat4 room_to_clip = v.projection * v.view;
  const glm::mat4 leg_to_clip = room_to_clip * v.leg_to_room;
  // A ball `radius` metres across at p (in the space `to_clip` takes) as eight points round its
  // outline on screen; none behind the eye.
  const auto ball = [&](const glm::mat4& to_clip, glm::vec3 p, float radius, std::vector<glm::vec2>& out) {
    const glm::vec4 clip = to_clip * glm::vec4(p, 1.0f);
    if (clip.w <= 1e-4f) return;
    bool front = true;
    const glm::vec2 c = to_screen(to_clip, p, size, &front);
    const float px = radius * 0.5f * float(size.y) * v.projection[1][1] / clip.w;
    for (int k = 0; k < 8; ++k) {
      const float a = static_cast<float>(k) * 0.785398f;
      out.push_back(c + px * glm::vec2(std::cos(a), std::sin(a)));
    }
  };
  for (const auto& hand : v.hands) {
    if (!hand.visible) continue;
    // The hand, palm and fingers, as one outline: a line between two fingers still runs over
    // the hand. Each part's flesh grown by a quarter: the skinned mesh is fuller than the
    // half-widths it is modelled from, at the knuckles most.
    std::vector<glm::vec2> points;
    for (const technique::HandPart& part : hand.shape.parts) {
      const float r = 1.25f * std::max(part.radius.x, part.radius.y);
      ball(leg_to_clip, glm::vec3(part.frame[3]), r, points);
      ball(leg_to_clip, part.tip, r, points);
    }
    if (points.size() >= 3) outlines.push_back(ui::convex_outline(std::move(points)));
    if (hand.forearm[3][3] != 0.0f) {  // the zero matrix: no forearm drawn
      std::vector<glm::vec2> arm;
      ball(room_to_clip, glm::vec3(v.leg_to_room * hand.forearm * glm::vec4(0.0f, 0.0f, 0.0f, 1.0f)), render::kSleeveRadius, arm);
      ball(room_to_clip, glm::vec3(v.leg_to_room * hand.forearm * glm::vec4(0.0f, 0.0f, -technique::kForearmLength, 1.0f)),
           1.3f * render::kSleeveRadius, arm);  // the sleeve's rounded end at the elbow is fuller
      if (arm.size() >= 3) outlines.push_back(ui::convex_outline(std::move(arm)));
    }
  }
  return outlines;
}

std::string caption_now(const State& state) {
  if (!state.fixed_caption.empty()) return state.fixed_caption;
  const technique::Technique* t = state.simulation.technique();
  if (!t) return {};
  const auto& f = state.simulation.frame();
  std::string caption = ui::step_caption(*t, f.step, f.caption);
  if (!f.attend.empty()) caption += "\n" + ui::step_attend(*t, f.step, f.attend);
  return caption;
}

void record_history(State& state) {
  // As a headless picture's replay records (app/flow_replay.hpp), the same figures.
  if (const auto* flow = state.simulation.flow()) record_flow(state.history, state.simulation.time(), *flow);
}

glm::vec4 State::working_area(const render::FrameView& v, const glm::mat4& vp, glm::ivec2 size) const {
  // The demonstration's working area on screen: the hands on the leg (each contact point
  // grown by a hand's reach) and the lit areas' centres (grown by a little), so captions and
  // panels can keep clear of it.
  glm::vec2 lo(FLT_MAX), hi(-FLT_MAX);
  auto add = [&](glm::vec3 p, float grow) {
    bool in_front = true;
    const glm::vec2 s = to_screen(vp, p, size, &in_front);
    if (!in_front) return;
    // A sphere of `grow` metres around the point, measured on screen along its x axis.
    const glm::vec2 e = to_screen(vp, p + glm::vec3(grow, 0.0f, 0.0f), size, &in_front);
    const float r = std::max(glm::length(e - s), 8.0f);
    lo = glm::min(lo, s - r);
    hi = glm::max(hi, s + r);
  };
  // Where both hands go through the whole current step (palms and fingertips), not where they
  // are this instant: text placed clear of it stays put while the hands move.
  if (const technique::Timeline* t = simulation.timeline(); t && simulation.technique()) {
    if (framed_timeline_ != t || step_regions_.size() != t->step_count()) {
      const TechniqueFramings* framed = simulation.framings();  // the start-up cache's (app/framing_cache.hpp)
      step_regions_ = framed ? framed->overlay : technique::step_framings(*t, kOverlaySamples);
      framed_timeline_ = t;
    }
    const std::size_t step = std::min(simulation.frame().step, step_regions_.size() - 1);
    const anatomy::Bounds b = anatomy::bend_box(step_regions_[step].region, frame::kKneeCentre, knee_flexion(), hip_flexion());
    for (int corner = 0; corner < 8; ++corner)
      add({corner & 1 ? b.max.x : b.min.x, corner & 2 ? b.max.y : b.min.y, corner & 4 ? b.max.z : b.min.z}, 0.0f);
  }
  const glm::vec3 leg_eye(glm::inverse(v.leg_to_room) * glm::vec4(v.eye, 1.0f));
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a)
    if (settings.selected[a])
      if (auto anchor = anatomy::area_anchor(drawn_model(), a, leg_eye)) add(anchor->point, 0.04f);
  if (hi.x <= lo.x || hi.y <= lo.y) return glm::vec4(0.0f);
  lo = glm::max(lo, glm::vec2(0.0f));
  hi = glm::min(hi, glm::vec2(size));
  return {lo.x, lo.y, hi.x, hi.y};
}

void State::structure_labels(const render::FrameView& v, const glm::mat4& vp, glm::ivec2 size, ui::Overlay& o) const {
  const AtlasSettings& atlas = settings.atlas;
  const bool inner_seen = !v.layers.skin || v.skin_opacity < 0.999f || v.clip.has_value();
  const glm::vec3 leg_eye(glm::inverse(v.leg_to_room) * glm::vec4(v.eye, 1.0f));
  const std::optional<glm::vec4> cut = atlas.clip ? std::optional(clip_plane(atlas, model.bounds())) : std::nullopt;
  auto shown = [&](std::size_t i) {
    const anatomy::Mesh& m = model.meshes[i];
    if (!is_structure(m) || m.layer == anatomy::Layer::skin || m.positions.empty()) return false;
    if (i < v.structure_opacity.size() && v.structure_opacity[i] <= 0.0f) return false;
    const auto& l = v.layers;
    switch (m.layer) {
      case anatomy::Layer::muscle: return l.muscles;
      case anatomy::Layer::bone: return l.bones;
      case anatomy::Layer::vein: return l.veins;
      case anatomy::Layer::artery: return l.arteries;
      case anatomy::Layer::nerve: return l.nerves;
      default: return false;
    }
  };
  struct Named {
    float size;  // on screen (pixels squared of its box)
    std::size_t mesh;
    ui::AreaLabel label;
  };
  std::vector<Named> found;
  auto label = [&](std::size_t i) {
    // Its point nearest the eye (on the side the cut keeps): the part of it one can see.
    const anatomy::Mesh& m = drawn_model().meshes[i];
    float best = FLT_MAX;
    std::optional<glm::vec3> at;
    for (const auto& p : m.positions) {
      if (cut && glm::dot(*cut, glm::vec4(p, 1.0f)) < 0.0f) continue;
      const float d = glm::distance(p, leg_eye);
      if (d < best) { best = d; at = p; }
    }
    if (!at) return;
    bool in_front = true;
    const glm::vec2 s = to_screen(vp, *at, size, &in_front);
    if (!in_front || s.x < 0.0f || s.y < 0.0f || s.x > float(size.x) || s.y > float(size.y)) return;
    // The name without its note in brackets ("Calcaneus (heel bone)" -> "Calcaneus"): labels stay short.
    std::string text = ui::structure_title(m);
    for (auto open = text.find(" ("); open != std::string::npos; open = text.find(" (")) {
      const auto close = text.find(')', open);
      text.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
    }
    const anatomy::Bounds b = mesh_bounds(m);
    const glm::ivec4 r = render::screen_rect(b.min, b.max, vp, size, 0);
    found.push_back({static_cast<float>(r.z) * static_cast<float>(r.w), i, {s, text, false}});
  };
  if (atlas.label_all && inner_seen) {
    for (std::size_t i = 0; i < model.meshes.size(); ++i)
      if (shown(i)) label(i);
  } else if (atlas.label_all) {
    // Only the skin is seen: its parts are the nine areas.
    for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
      if (settings.selected[a]) continue;  // already labelled
      if (auto anchor = anatomy::area_anchor(drawn_model(), a, leg_eye)) {
        bool in_front = true;
        const glm::vec2 s = to_screen(vp, anchor->point, size, &in_front);
        if (in_front) o.labels.push_back({s, ui::area_label(a), !anchor->faces_viewer});
      }
    }
  }
  // Labels stack down the sides: as many as fit (about one per 45 px of height), the
  // structures that are largest on screen first. The selected one is always named.
  std::stable_sort(found.begin(), found.end(), [](const Named& a, const Named& b) { return a.size > b.size; });
  const std::size_t room = static_cast<std::size_t>(std::max(4, size.y / 45));
  if (found.size() > room) found.resize(room);
  const int selected = atlas.selected;
  if (selected >= 0 && static_cast<std::size_t>(selected) < model.meshes.size() && inner_seen) {
    const auto i = static_cast<std::size_t>(selected);
    const bool named = std::any_of(found.begin(), found.end(), [&](const Named& f) { return f.mesh == i; });
    if (shown(i) && !named) label(i);
  }
  for (std::size_t k = 0; k < found.size(); ++k) {
    // The largest first: dropped last when the sides have no room; the selected one never.
    found[k].label.rank = static_cast<int>(found[k].mesh) == selected ? 0 : static_cast<int>(k) + 1;
    o.labels.push_back(std::move(found[k].label));
  }
}

ui::Overlay State::overlay(const render::FrameView& v, glm::ivec2 size) const {
  ui::Overlay o;
  o.speed_legend = v.layers.veins && (v.skin_opacity < 0.999f || !v.layers.skin || v.clip) && any_vein_shown(v);
  const glm::mat4 vp = v.projection * v.view * v.leg_to_room;  // the leg's points are in its own frame
  const glm::vec3 leg_eye(glm::inverse(v.leg_to_room) * glm::vec4(v.eye, 1.0f));
  bool in_front = true;
  const anatomy::Bounds box = drawn_bounds();
  o.subject_centre = to_screen(vp, box.centre(), size, &in_front);
  const glm::ivec4 rect = render::screen_rect(box.min, box.max, vp, size, 0);  // x from the left edge, as ImGui's
  o.subject_x = {static_cast<float>(rect.x), static_cast<float>(rect.x + rect.z)};
  {
    // About 2000 of the skin's vertices: enough to find a legend's box over the leg, and the
    // leg's top edge for the labels' row above it (ui/overlay_label_search.cpp), cheap.
    const anatomy::Model& drawn = drawn_model();
    for (const auto& m : drawn.meshes) {
      if (m.layer != anatomy::Layer::skin) continue;
      const std::size_t every = std::max<std::size_t>(1, m.positions.size() / 2000);
      for (std::size_t i = 0; i < m.positions.size(); i += every) {
        bool front = true;
        const glm::vec2 p = to_screen(vp, m.positions[i], size, &front);
        if (front) o.subject_points.push_back(p);
      }
    }
  }
  o.hands = hands_on_screen(v, size);
  for (std::size_t a = 0; a < anatomy::kAreaCount; ++a) {
    if (!settings.selected[a]) continue;
    auto anchor = anatomy::area_anchor(drawn_model(), a, leg_eye);
    if (!anchor) continue;
    const glm::vec2 at = to_screen(vp, anchor->point, size, &in_front);
    if (!in_front) continue;
    o.labels.push_back({at, ui::area_label(a), !anchor->faces_viewer});
    // With the hands drawn, the area's other points its leader may land on instead, clear of
    // the hands by a little more than the layout asks of a line (ui/overlay_layout.cpp), in
    // pixels of a 720-line picture.
    if (!o.hands.empty())
      o.labels.back().other_anchors =
          anchors_clear_of_hands(drawn_model(), a, leg_eye, vp, size, at, anchor->faces_viewer, o.hands,
                                 8.0f * float(size.y) / 720.0f);
  }
  structure_labels(v, vp, size, o);
  o.working = working_area(v, vp, size);
  o.caption = caption_now(*this);
  if (o.speed_legend && o.caption.empty() && simulation.flow())
    o.caption = ui::tr("ui.flow.caption");
  return o;
}

}  // namespace effleura::app
