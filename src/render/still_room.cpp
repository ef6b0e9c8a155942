#include "render/still_room.hpp"

#include "render/gl.hpp"

namespace effleura::render {
namespace {

bool same_pose(const anatomy::ClientPose& a, const anatomy::ClientPose& b) {
  // A field added to ClientPose changes its size: compare it here too, or a kept picture would
  // outlive the change (tests/render/still_room_test.cpp changes each field the test knows).
  static_assert(sizeof(anatomy::ClientPose) == 5 * sizeof(glm::mat4) + 8 + 6 * sizeof(float),
                "ClientPose changed: compare its new field in same_pose");
  return a.body == b.body && a.left_leg == b.left_leg && a.right_leg == b.right_leg && a.on_table == b.on_table &&
         a.left_arm == b.left_arm && a.right_arm == b.right_arm && a.wedge == b.wedge &&
         a.knee_bolster == b.knee_bolster && a.ankle_bolster == b.ankle_bolster && a.head_pillow == b.head_pillow &&
         a.hip_flexion_deg == b.hip_flexion_deg && a.right_hip_flexion_deg == b.right_hip_flexion_deg &&
         a.knee_flexion_deg == b.knee_flexion_deg && a.right_knee_flexion_deg == b.right_knee_flexion_deg &&
         a.ankle_deg == b.ankle_deg && a.right_ankle_deg == b.right_ankle_deg;
}

}  // namespace

bool same_room(const RoomKey& a, const RoomKey& b) {
  if (a.client.has_value() != b.client.has_value()) return false;
  if (a.client && !same_pose(*a.client, *b.client)) return false;
  return a.framebuffer == b.framebuffer && a.size == b.size && a.samples == b.samples && a.view == b.view &&
         a.projection == b.projection && a.eye == b.eye && a.drape_opacity == b.drape_opacity && a.parts == b.parts &&
         a.levels == b.levels && a.highlight == b.highlight;
}

StillRoom::~StillRoom() { forget(); }

RoomUse StillRoom::plan(const RoomKey& key) {
  if (kept_ && same_room(*kept_, key)) return RoomUse::reuse;
  const bool again = last_ && same_room(*last_, key);
  last_ = key;
  return again ? RoomUse::keep : RoomUse::draw;
}

void StillRoom::keep(const RoomKey& key) {
  if (key.size != size_ || key.samples != samples_) {
    if (!fbo_) glGenFramebuffers(1, &fbo_);
    if (!colour_) glGenRenderbuffers(1, &colour_);
    if (!depth_) glGenRenderbuffers(1, &depth_);
    // The formats of OffscreenTarget's scene (render_target.cpp): a blit copies only between equals.
    glBindRenderbuffer(GL_RENDERBUFFER, colour_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, key.samples, GL_RGBA8, key.size.x, key.size.y);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, key.samples, GL_DEPTH24_STENCIL8, key.size.x, key.size.y);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_);
    size_ = key.size;
    samples_ = key.samples;
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, key.framebuffer);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_);
  glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, key.framebuffer);
  kept_ = key;
}

void StillRoom::restore(const RoomKey& key) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, key.framebuffer);
  glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, key.framebuffer);
}

void StillRoom::forget() {
  last_.reset();
  kept_.reset();
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (colour_) glDeleteRenderbuffers(1, &colour_);
  if (depth_) glDeleteRenderbuffers(1, &depth_);
  fbo_ = colour_ = depth_ = 0;
  size_ = {0, 0};
  samples_ = -1;
}

}  // namespace effleura::render
