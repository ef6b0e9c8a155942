#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstring>
#include <map>
#include <vector>

#include "render/gl.hpp"
#include "render/gl_context.hpp"

namespace effleura::render {
namespace {

bool has_extension(const char* list, const char* name) {
  if (!list) return false;
  const std::size_t n = std::strlen(name);
  for (const char* p = std::strstr(list, name); p; p = std::strstr(p + 1, name))
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

struct Candidate {
  EGLDisplay display;
  const char* name;
};

std::vector<Candidate> candidate_displays() {
  std::vector<Candidate> out;
  const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
      eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (get_platform_display && has_extension(client, "EGL_MESA_platform_surfaceless")) {
    EGLDisplay d = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (d != EGL_NO_DISPLAY) out.push_back({d, "surfaceless"});
  }
  // NVIDIA and other vendor drivers expose GPUs as EGL devices.
  auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
  if (get_platform_display && query_devices && has_extension(client, "EGL_EXT_platform_device")) {
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    if (query_devices(8, devices, &count))
      for (EGLint i = 0; i < count; ++i) {
        EGLDisplay d = get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
        if (d != EGL_NO_DISPLAY) out.push_back({d, "device"});
      }
  }
  EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  if (d != EGL_NO_DISPLAY) out.push_back({d, "default"});
  return out;
}

EGLContext make_context(EGLDisplay display) {
  if (!eglBindAPI(EGL_OPENGL_API)) return EGL_NO_CONTEXT;
  const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint n = 0;
  // Surfaceless contexts may have no config at all; EGL_KHR_no_config_context allows that.
  if (!eglChooseConfig(display, config_attribs, &config, 1, &n) || n == 0) config = nullptr;
  const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                    EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                    EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  return eglCreateContext(display, config, EGL_NO_CONTEXT, context_attribs);
}

// eglInitialize is not counted: one eglTerminate ends every context on the display (Mesa
// destroys them), and EGL hands out the same display to each caller. So the display is
// terminated only when the last EglContext on it closes; closing one context (a headless run
// inside a longer process, a test case) then leaves the others usable.
std::map<EGLDisplay, int>& display_users() {
  static std::map<EGLDisplay, int> users;
  return users;
}

void release_display(EGLDisplay display) {
  auto& users = display_users();
  auto it = users.find(display);
  if (it != users.end() && --it->second > 0) return;
  if (it != users.end()) users.erase(it);
  eglTerminate(display);
}

}  // namespace

Expected<std::unique_ptr<EglContext>> EglContext::create() {
  std::string tried;
  for (const Candidate& c : candidate_displays()) {
    EGLint major = 0, minor = 0;
    if (!eglInitialize(c.display, &major, &minor)) {
      tried += std::string(tried.empty() ? "" : ", ") + c.name + " (no initialise)";
      continue;
    }
    ++display_users()[c.display];
    EGLContext context = make_context(c.display);
    if (context == EGL_NO_CONTEXT) {
      tried += std::string(tried.empty() ? "" : ", ") + c.name + " (no 3.3 core context)";
      release_display(c.display);
      continue;
    }
    if (!eglMakeCurrent(c.display, EGL_NO_SURFACE, EGL_NO_SURFACE, context) ||
        !gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress))) {
      tried += std::string(tried.empty() ? "" : ", ") + c.name + " (cannot make current)";
      eglDestroyContext(c.display, context);
      release_display(c.display);
      continue;
    }
    std::unique_ptr<EglContext> out(new EglContext());
    out->display_ = c.display;
    out->context_ = context;
    out->platform_ = c.name;
    return out;
  }
  return fail("no usable OpenGL 3.3 core context through EGL" +
              (tried.empty() ? std::string(" (no EGL display found)") : " (tried: " + tried + ")") +
              "; install Mesa's EGL driver (libegl-mesa0, libgl1-mesa-dri)");
}

bool EglContext::make_current() {
  return display_ && context_ && eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_);
}

EglContext::~EglContext() {
  if (display_) {
    // Unbind only our own context: another one current on this thread stays current.
    if (eglGetCurrentContext() == context_)
      eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context_) eglDestroyContext(display_, context_);
    release_display(display_);
  }
}

}  // namespace effleura::render
