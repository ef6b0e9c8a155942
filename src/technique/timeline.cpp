#include "technique/timeline.hpp"

#include "technique/hand_fit.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>

#include "core/smooth_step.hpp"
#include "anatomy/leg_surface.hpp"
#include "technique/indentation.hpp"
#include "technique/sitting_reach.hpp"

namespace effleura::technique {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kTwoPi = 2.0f * kPi;
constexpr float kRhythmFade = 0.2f;     // s: taps and shakes fade in and out this fast
constexpr float kIntensityHalfWidth = 0.3f;  // s: triangular low-pass half-width
constexpr float kIntensityFullScale = 80.0f; // mmHg that reads as full highlight
constexpr float kLiftedM = 0.001f;            // m above the resting palm that counts as lifted
constexpr float kOpenEaseM = 0.004f;          // m of lift over which a lifted hand's fingers open clear
constexpr float kThumbRelaxM = 0.03f;         // m of lift over which a gripping thumb relaxes
constexpr float kLetGoM = 0.03f;              // m of lift over which a lifted hand's fingers let go of the skin
constexpr float kLiftedThumb[3] = {15.0f, 20.0f, 20.0f};  // a relaxed thumb, softly curled (degrees)
constexpr float kLiftedThumbOpposition = 45.0f;
// Sitting from in front, a sole hand turned end for end lies at u = this less its keyed u: ankle
// pumps' palm at u 0.32-0.36 goes to 0.72-0.76, the ball of the foot, its fingers toward the heel.
// Mirrored about the middle (1.0), its fingers over the arch, 0.20 of the hand's touching surface
// met the sole (--hand-report --posture sitting; 0.43 as keyed, fingers toward the toes); here
// 0.29; at 1.14 0.10 (session 27, at the keyed v; on the middle line, below: here 0.43, at 1.05
// 0.27).
constexpr float kSoleEndForEnd = 1.08f;
// ... and across the sole (v) there, on its middle line. At the keyed v (ankle pumps: 0.3, the
// outer half, chosen lying so the sole hand's forearm does not hide the heel hand) only 0.29 of the
// turned hand's touching surface met the sole: its fingers now run toward the heel, where the sole
// is narrower. At v 0, 0.43, as keyed lying (v -0.3 0.36, -0.1 0.38, 0.1 0.41, 0.5 0.20; both
// hands seen sitting 1.00 / 1.00 at each but -0.3, 0.60, and 0.5, 0.95; --hand-report).
constexpr float kSoleEndForEndAcross = 0.0f;

// Tangents for a monotone cubic Hermite through (t_i, p_i): zero at local extrema, and limited
// to 2.1 times the smaller neighbouring secant so neither segment overshoots (Fritsch-Carlson:
// alpha^2 + beta^2 <= 9). `closed` treats the cycle as periodic (first key == last key).
void tangents(const std::vector<float>& t, const std::vector<float>& p, bool closed,
              std::vector<float>& m) {
  const std::size_t n = p.size();
  m.assign(n, 0.0f);
  auto tangent = [](float d0, float d1) {
    if (d0 * d1 <= 0.0f) return 0.0f;
    const float avg = 0.5f * (d0 + d1);
    const float lim = 2.1f * std::min(std::abs(d0), std::abs(d1));
    return std::clamp(avg, -lim, lim);
  };
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const float d0 = (p[i] - p[i - 1]) / (t[i] - t[i - 1]);
    const float d1 = (p[i + 1] - p[i]) / (t[i + 1] - t[i]);
    m[i] = tangent(d0, d1);
  }
  if (closed && n >= 3) {
    const float d0 = (p[n - 1] - p[n - 2]) / (t[n - 1] - t[n - 2]);
    const float d1 = (p[1] - p[0]) / (t[1] - t[0]);
    m[0] = m[n - 1] = tangent(d0, d1);
  }
}

struct Hermite {
  float value;
  float slope;
};

Hermite hermite(float t0, float t1, float p0, float p1, float m0, float m1, float t) {
  const float h = t1 - t0;
  const float s = std::clamp((t - t0) / h, 0.0f, 1.0f);
  const float s2 = s * s;
  const float s3 = s2 * s;
  const float v = (2 * s3 - 3 * s2 + 1) * p0 + (s3 - 2 * s2 + s) * h * m0 + (-2 * s3 + 3 * s2) * p1 +
                  (s3 - s2) * h * m1;
  const float d = (6 * s2 - 6 * s) * (p0 - p1) / h + (3 * s2 - 4 * s + 1) * m0 + (3 * s2 - 2 * s) * m1;
  return {v, d};
}

// Last key index k with keys[k].t <= t, at most n - 2 (so k + 1 exists).
template <class K>
std::size_t segment(const std::vector<K>& keys, float t) {
  std::size_t k = 0;
  while (k + 2 < keys.size() && keys[k + 1].t <= t) ++k;
  return k;
}

float wrap_angle(float a) {
  a = std::fmod(a, kTwoPi);
  return a < 0.0f ? a + kTwoPi : a;
}

}  // namespace

Timeline::Timeline(const Technique& technique, const PoseLibrary& poses,
                   const anatomy::LegSurface& surface)
    : id_(technique.id), surface_(&surface) {
  for (std::size_t i = 0; i < poses.size(); ++i) poses_.push_back(poses.at(i));
  double start = 0.0;
  // Sitting, the half of the leg each hand ended the last step on (sitting_reach.hpp).
  std::array<float, 2> end_sides{};
  for (const Step& st : technique.steps) {
    CompiledStep c;
    c.start = start;
    c.duration = st.duration;
    c.repeat = st.repeat;
    c.scale_first = st.scale_first;
    c.scale_last = st.scale_last;
    c.osc = st.oscillation;
    c.caption = st.caption;
    c.attend = st.attend;
    c.camera_turn = glm::radians(st.camera_turn_deg);
    c.view = st.camera;
    c.sitting_view = st.sitting_camera;
    c.client_turn_outer_up = st.client_turn_outer_up;
    c.in_front = st.sitting_in_front;
    for (std::size_t h = 0; h < 2; ++h) {
      const auto& src = st.hands[h];
      Track& tr = c.hands[h];
      tr.surface = src.empty() ? SurfaceKind::leg : src.front().surface;
      std::vector<float> ts, as, bs, rs, ma, mb, mr;
      for (const Keyframe& k : src) {
        ts.push_back(k.t);
        as.push_back(k.a);
        bs.push_back(k.b);
        rs.push_back(k.roll);
      }
      const bool closed = !src.empty() && std::abs(src.front().a - src.back().a) < 1e-5f &&
                          std::abs(src.front().b - src.back().b) < 1e-5f &&
                          std::abs(src.front().roll - src.back().roll) < 1e-5f;
      tangents(ts, as, closed, ma);
      tangents(ts, bs, closed, mb);
      tangents(ts, rs, closed, mr);
      if (tr.surface == SurfaceKind::leg) {
        // The step's own half where it names one (Step::sitting_side), else the keys' own.
        tr.sitting_side = st.sitting_side != 0.0f ? st.sitting_side : track_side(bs, end_sides[h]);
        end_sides[h] = bs.empty() ? 0.0f : end_side(bs.back(), tr.sitting_side);
      } else {
        end_sides[h] = 0.0f;
      }
      for (std::size_t i = 0; i < src.size(); ++i) {
        const Keyframe& k = src[i];
        tr.keys.push_back(Key{k.t, k.a, k.b, k.roll, ma[i], mb[i], mr[i], k.pressure_mmhg,
                              k.contact ? 0.0f : k.lift_m, k.tissue_m, k.contact, k.pose});
      }
    }
    // Each joint's keyframes blend as a smooth curve, closed (a repeated cycle) where it ends
    // at the angle it began with.
    const auto joint_tangents = [](const std::vector<AnkleKey>& keys, std::vector<float>& m) {
      if (keys.empty()) return;
      std::vector<float> ts, ps;
      for (const AnkleKey& k : keys) {
        ts.push_back(k.t);
        ps.push_back(k.angle_deg);
      }
      const bool closed = std::abs(ps.front() - ps.back()) < 1e-4f;
      tangents(ts, ps, closed, m);
    };
    c.ankle = st.ankle;
    joint_tangents(c.ankle, c.ankle_m);
    c.knee = st.knee;
    joint_tangents(c.knee, c.knee_m);
    start += static_cast<double>(st.total());
    steps_.push_back(std::move(c));
  }
  duration_ = start;
}

std::vector<double> Timeline::step_starts() const {
  std::vector<double> out;
  for (const auto& s : steps_) out.push_back(s.start);
  return out;
}

std::size_t Timeline::step_at(double t) const {
  if (!std::isfinite(t)) return 0;
  std::size_t i = 0;
  while (i + 1 < steps_.size() && steps_[i + 1].start <= t) ++i;
  return i;
}

float Timeline::ankle_at(const CompiledStep& s, float tc) const {
  if (s.ankle.empty()) return 0.0f;
  const std::size_t k = segment(s.ankle, tc);
  return hermite(s.ankle[k].t, s.ankle[k + 1].t, s.ankle[k].angle_deg, s.ankle[k + 1].angle_deg,
                 s.ankle_m[k], s.ankle_m[k + 1], tc)
      .value;
}

std::pair<std::size_t, float> Timeline::cycle_at(double t) const {
  t = std::isfinite(t) ? std::clamp(t, 0.0, duration_) : 0.0;
  const std::size_t si = step_at(t);
  const CompiledStep& s = steps_[si];
  const double ts = t - s.start;
  const int rep = std::min(static_cast<int>(ts / static_cast<double>(s.duration)), s.repeat - 1);
  return {si, std::min(static_cast<float>(ts - static_cast<double>(rep) * static_cast<double>(s.duration)), s.duration)};
}

std::optional<float> Timeline::knee_at(double t) const {
  if (steps_.empty()) return std::nullopt;
  const auto [si, tc] = cycle_at(t);
  const CompiledStep& s = steps_[si];
  if (s.knee.empty()) return std::nullopt;
  const std::size_t k = segment(s.knee, tc);
  // Clamped to the content's range: the blend may overshoot a little between keyframes.
  return std::clamp(hermite(s.knee[k].t, s.knee[k + 1].t, s.knee[k].angle_deg, s.knee[k + 1].angle_deg, s.knee_m[k],
                            s.knee_m[k + 1], tc)
                        .value,
                    0.0f, 120.0f);
}

float Timeline::envelope(double t, std::size_t hand) const {
  if (steps_.empty()) return 0.0f;
  t = std::isfinite(t) ? std::clamp(t, 0.0, duration_) : 0.0;
  const CompiledStep& s = steps_[step_at(t)];
  const double ts = t - s.start;
  const int rep = std::min(static_cast<int>(ts / static_cast<double>(s.duration)), s.repeat - 1);
  const float tc = static_cast<float>(ts - static_cast<double>(rep) * static_cast<double>(s.duration));
  const auto& keys = s.hands[hand].keys;
  const std::size_t k = segment(keys, tc);
  const float w = smooth_step(std::clamp((tc - keys[k].t) / (keys[k + 1].t - keys[k].t), 0.0f, 1.0f));
  const float progress = static_cast<float>(ts) / s.total();
  const float scale = s.scale_first + (s.scale_last - s.scale_first) * progress;
  return (keys[k].pressure + (keys[k + 1].pressure - keys[k].pressure) * w) * scale;
}

void Timeline::evaluate_hand(const CompiledStep& s, std::size_t hand, float tc, double ts,
                             HandState& out, ContactPatch* patch, glm::mat4& resting, SkinSide& skin) const {
  const Track& tr = s.hands[hand];
  const auto& keys = tr.keys;
  const std::size_t k = segment(keys, tc);
  const Key& k0 = keys[k];
  const Key& k1 = keys[k + 1];
  const float span = k1.t - k0.t;
  const float s01 = std::clamp((tc - k0.t) / span, 0.0f, 1.0f);
  const float w = smooth_step(s01);

  Hermite ha = hermite(k0.t, k1.t, k0.a, k1.a, k0.ma, k1.ma, tc);
  Hermite hb = hermite(k0.t, k1.t, k0.b, k1.b, k0.mb, k1.mb, tc);
  Hermite hr = hermite(k0.t, k1.t, k0.roll, k1.roll, k0.mroll, k1.mroll, tc);
  if (client_sitting_ && s.in_front && tr.surface == SurfaceKind::sole) {
    // Sitting, in a step worked from in front (ankle pumps) the therapist kneels before the toes,
    // so a hand on the sole lies end for end: its fingers toward the heel, its palm on the ball of
    // the foot (kSoleEndForEnd). As keyed (for the therapist at the foot end lying: the fingers
    // toward the toes) its forearm could only run back toward the chair, the wrist's range
    // holding it behind the wrist (technique/forearm_clear.cpp), while the heel hand's came from
    // in front: two sleeves parting in a V below the foot.
    ha.value = kSoleEndForEnd - ha.value;
    ha.slope = -ha.slope;
    hr.value += kPi;
    // And on the sole's middle line (kSoleEndForEndAcross), not where it is keyed across it.
    hb.value = kSoleEndForEndAcross;
    hb.slope = 0.0f;
  }
  if (client_sitting_ && tr.surface == SurfaceKind::leg) {
    // Sitting, the back of the leg is out of reach (technique/sitting_reach.hpp).
    const float grip = wraps_limb(poses_[k0.pose]) + (wraps_limb(poses_[k1.pose]) - wraps_limb(poses_[k0.pose])) * w;
    const float tilt = wrap_tilt(poses_[k0.pose]) + (wrap_tilt(poses_[k1.pose]) - wrap_tilt(poses_[k0.pose])) * w;
    const LegReach reach = sitting_reach(ha.value, hb.value, hr.value, grip, tr.sitting_side, tilt);
    hb.value = reach.around;
    hb.slope *= reach.d_around;
    hr.value = reach.roll;
  }

  const float progress = static_cast<float>(ts) / s.total();
  const float scale = s.scale_first + (s.scale_last - s.scale_first) * progress;
  const float pressure = (k0.pressure + (k1.pressure - k0.pressure) * w) * scale;
  const float height = k0.height + (k1.height - k0.height) * w;
  const bool base_contact = (k0.contact && k1.contact) || (k0.contact && s01 <= 0.0f) ||
                            (k1.contact && s01 >= 1.0f);
  const float indent = indentation_depth(pressure);

  // Rhythm (taps, shakes) only while the stroke itself is on the skin; it fades in and out
  // where the contact run begins or ends so the hand never jumps.
  float rhythm = 0.0f;
  float tap = 0.0f;
  if (s.osc.kind != Oscillation::Kind::none && s.osc.active[hand] && base_contact) {
    const int rep = static_cast<int>(std::floor((ts - static_cast<double>(tc)) / s.duration + 0.5));
    const std::size_t n = keys.size();
    // Is the neighbouring segment (in the previous or next cycle at the seams) on the skin too?
    const bool prev_contact =
        k > 0 ? keys[k - 1].contact : (rep > 0 && keys[n - 2].contact && keys[n - 1].contact);
    const bool next_contact =
        k + 2 < n ? keys[k + 2].contact : (rep + 1 < s.repeat && keys[0].contact && keys[1].contact);
    float room = 1e9f;
    if (!prev_contact) room = std::min(room, tc - k0.t);
    if (!next_contact) room = std::min(room, k1.t - tc);
    // Exactly on the last contact key before a lift (or the first after one) the hand is on the
    // skin only at that instant: the run ends here, so the rhythm has faded out.
    if (!(k0.contact && k1.contact)) room = 0.0f;
    const float fade = smooth_step(std::clamp(room / kRhythmFade, 0.0f, 1.0f));
    const double cycles = static_cast<double>(s.osc.frequency_hz) * ts + static_cast<double>(s.osc.phase[hand]);
    const float phase = static_cast<float>(cycles - std::floor(cycles));
    if (s.osc.kind == Oscillation::Kind::tap) {
      if (phase >= s.osc.duty) {
        const float x = std::sin(kPi * (phase - s.osc.duty) / (1.0f - s.osc.duty));
        tap = s.osc.amplitude_m * x * x * fade;
      }
    } else {
      rhythm = s.osc.amplitude_m * std::sin(kTwoPi * phase) * fade;
    }
  }

  anatomy::SurfaceFrame f;
  glm::vec3 up;
  if (tr.surface == SurfaceKind::leg) {
    if (rhythm != 0.0f) hb.value += rhythm / std::max(surface_->radius(ha.value, hb.value), 0.02f);
    // On the heel below the leg's sections (technique/skin_side.hpp). Not yet turned with the
    // foot: the tests that place hands on the unturned leg (timeline, forearm) need that first.
    f = leg_skin_frame(*surface_, ha.value, hb.value, 0.0f);
    up = f.d_first;
  } else {
    // On the sole v spans about +-45 mm; a shake moves across it.
    const float v = std::clamp(hb.value + rhythm / 0.045f, -1.0f, 1.0f);
    const float ankle = ankle_at(s, tc);
    f = surface_->foot().sole(ha.value, v, ankle);
    up = -f.d_first;  // toward the heel is "proximal" on the sole
  }
  const glm::vec3 n = f.normal;
  up = glm::normalize(up - n * glm::dot(up, n));
  const glm::vec3 side = glm::cross(up, n);
  const glm::vec3 fingers = std::cos(hr.value) * up + std::sin(hr.value) * side;
  const glm::vec3 palm = f.position + n * (height + tap - indent);

  out.hand = hand == 0 ? Hand::left : Hand::right;
  out.transform = glm::mat4(glm::vec4(glm::cross(n, fingers), 0.0f), glm::vec4(n, 0.0f),
                            glm::vec4(fingers, 0.0f), glm::vec4(palm, 1.0f));
  out.pose = k0.pose == k1.pose ? poses_[k0.pose] : blend(poses_[k0.pose], poses_[k1.pose], w);
  out.contact = base_contact && tap <= 0.0f;
  out.on_sole = tr.surface == SurfaceKind::sole;
  out.along = ha.value;
  out.around = tr.surface == SurfaceKind::leg ? wrap_angle(hb.value) : hb.value;
  out.pressure_mmhg = out.contact ? pressure : 0.0f;
  out.indentation_m = std::max(0.0f, indent - height);
  out.velocity = f.d_first * ha.slope + f.d_second * hb.slope;
  out.tissue_lift_m = k0.tissue + (k1.tissue - k0.tissue) * w;
  out.palm_rise_m = 0.0f;
  // The fit (fit_hands) places the fingers as if the palm rested on the skin, so they follow
  // the stroke's slow path over the leg and not the quick bounce of a tap or the lift between
  // strokes (lifted, the fingers keep the shape they had on the skin).
  resting = out.transform;
  resting[3] = glm::vec4(f.position - n * indent, 1.0f);
  skin = SkinSide{surface_, out.on_sole, out.on_sole ? ankle_at(s, tc) : 0.0f, indent};

  if (patch && out.contact) {
    patch->hand = out.hand;
    patch->point = palm;
    patch->normal = n;
    if (tr.surface == SurfaceKind::leg) {
      patch->along = out.along;
      patch->around = out.around;
    } else {
      const glm::vec3 c = anatomy::LegSurface::axis(palm.y);
      patch->along = palm.y;
      patch->around = wrap_angle(std::atan2(palm.x - c.x, palm.z - c.z));
    }
    patch->radius_m = out.pose.contact_radius_m;
    patch->pressure_mmhg = pressure;
    patch->velocity = out.velocity;
  }
}

void Timeline::evaluate(double t, TechniqueFrame& out) const {
  out.contact_count = 0;
  if (steps_.empty()) return;
  t = std::isfinite(t) ? std::clamp(t, 0.0, duration_) : 0.0;
  out.time = t;
  const std::size_t si = step_at(t);
  const CompiledStep& s = steps_[si];
  const double ts = t - s.start;
  const int rep = std::min(static_cast<int>(ts / static_cast<double>(s.duration)), s.repeat - 1);
  const float tc = std::min(static_cast<float>(ts - static_cast<double>(rep) * static_cast<double>(s.duration)),
                            s.duration);
  out.step = si;
  out.repetition = rep;
  out.step_progress = static_cast<float>(ts / static_cast<double>(s.total()));
  out.caption = s.caption;
  out.attend = s.attend;
  out.ankle_deg = ankle_at(s, tc);
  out.knee_deg = knee_at(t);
  out.in_front = 0.0f;
  if (client_sitting_) {
    // Toward the next step's place over this step's last kStanceMove (all of a shorter step); the
    // last step moves toward the first's, as the app plays the technique round again.
    const float here = s.in_front ? 1.0f : 0.0f;
    const float next = steps_[si + 1 < steps_.size() ? si + 1 : 0].in_front ? 1.0f : 0.0f;
    const double move = std::min(kStanceMove, step_end(si) - s.start);
    const double left = step_end(si) - t;
    const float w = move > 0.0 ? smooth_step(static_cast<float>(std::clamp(1.0 - left / move, 0.0, 1.0))) : 0.0f;
    out.in_front = here + (next - here) * w;
  }
  std::array<glm::mat4, 2> resting{};
  std::array<SkinSide, 2> skin{};
  for (std::size_t h = 0; h < 2; ++h) {
    ContactPatch& patch = out.patches[out.contact_count];
    evaluate_hand(s, h, tc, ts, out.hands[h], &patch, resting[h], skin[h]);
    if (out.hands[h].contact) ++out.contact_count;
    // Triangular low-pass of the untapped pressure: weights 1..5..1 over +-0.3 s.
    float sum = 0.0f;
    for (int i = -4; i <= 4; ++i) {
      const float wgt = static_cast<float>(5 - std::abs(i));
      sum += wgt * envelope(t + static_cast<double>(i) * kIntensityHalfWidth / 4.0, h);
    }
    out.hands[h].intensity = std::clamp(sum / 25.0f / kIntensityFullScale, 0.0f, 1.0f);
  }
  fit_hands(out, resting, skin);
}

void Timeline::fit_hands(TechniqueFrame& out, std::array<glm::mat4, 2>& resting,
                         const std::array<SkinSide, 2>& skin) const {
  for (std::size_t h = 0; h < 2; ++h) {
    HandState& hand = out.hands[h];
    const FingerPose stated = hand.pose;
    const glm::mat4 before = resting[h];
    // The keyframes' lift off the skin between contacts: a tapping hand in the air still presses
    // by its envelope (indentation_m), and is not lifted.
    const float lift = hand.contact || hand.indentation_m > 0.0f
                           ? 0.0f
                           : glm::dot(glm::vec3(hand.transform[3] - before[3]), glm::vec3(hand.transform[1]));
    hand.resting_point = glm::vec3(before[3]);
    hand.palm_rise_m = fit_hand(skin[h], resting[h], hand.hand, hand.pose);
    const bool turned = resting[h][0] != before[0] || resting[h][1] != before[1] || resting[h][2] != before[2];
    if (stated.heel_touch > 0.0f || turned) {
      // A cupped hand also tipped onto its heel, or a resting palm turned to the skin under it
      // (hand_fit_tilt.cpp): the hand in the air takes the same turn.
      hand.transform = resting[h] * glm::inverse(before) * hand.transform;
    } else {
      hand.transform[3] += hand.transform[1] * hand.palm_rise_m;
    }
    // Lifted or tapping (the palm above where it would rest): keep the grip only as far as
    // the skin allows.
    const float above = glm::dot(glm::vec3(hand.transform[3] - resting[h][3]), glm::vec3(hand.transform[1]));
    if (above > kLiftedM) {
      // A gripping thumb relaxes as the hand lifts, to lie beside the palm (kLiftedThumb): fitted
      // to the skin under a hand in flight it turned as fast as the skin passed beneath, and
      // in its pose's own shape it reached down into the skin and opened again.
      const float relax = thumb_grip(stated) * smooth_step(std::clamp((above - kLiftedM) / kThumbRelaxM, 0.0f, 1.0f));
      if (relax > 0.0f) {
        for (std::size_t j = 0; j < 3; ++j)
          hand.pose.flexion[0][j] += relax * (kLiftedThumb[j] - hand.pose.flexion[0][j]);
        hand.pose.opposition_deg += relax * (kLiftedThumbOpposition - hand.pose.opposition_deg);
      }
      // Lifted between contacts (the keyframes' lift, not a tap's bounce), the fingers let go of
      // the shape the skin gave them as the hand rises (kLetGoM) and take the pose's own; so does
      // a thumb that does not grip (a gripping one has relaxed above). Fitted to the skin under a
      // hand in flight they followed every bump it passed over: over the knee a lifted flat hand's
      // fingers closed and opened by 30-60 degrees in 10 ms on the shipped skin (compression's
      // lift, session 23). A tapping hand keeps its fit.
      const float loose = smooth_step(std::clamp((lift - kLiftedM) / kLetGoM, 0.0f, 1.0f));
      if (loose > 0.0f)
        for (std::size_t k = 0; k < kFingerCount; ++k) {
          const float w = k == 0 ? loose * (1.0f - thumb_grip(stated)) : loose;
          for (std::size_t j = 0; j < 3; ++j) hand.pose.flexion[k][j] += w * (stated.flexion[k][j] - hand.pose.flexion[k][j]);
        }
      const SkinSide actual{skin[h].surface, skin[h].sole, skin[h].ankle_deg, hand.indentation_m};
      FingerPose opened = hand.pose;
      open_to_clear(actual, hand.transform, hand.hand, opened);
      // A thumb closed onto the skin by a hand on its pads (hand_fit_landing.cpp close_pad) opens eased
      // in over the first millimetres of the lift: as the hand rises along its own normal the
      // dent fills radially, so on a round calf it sank a fraction of a millimetre at once and
      // opened 4 degrees in one frame. (Other hands open at once: eased, their fingers sank.)
      const bool pad_thumb = stated.palm_touch < 1.0f && stated.reach[0] > 0.0f;
      hand.pose = pad_thumb ? blend(hand.pose, opened, smooth_step(std::clamp((above - kLiftedM) / kOpenEaseM, 0.0f, 1.0f)))
                            : opened;
    }
  }
}

}  // namespace effleura::technique
