#include "render/shader_program.hpp"

#include <cctype>
#include <string>

#include <glm/gtc/type_ptr.hpp>

#include "render/embedded_shaders.hpp"
#include "render/gl.hpp"

namespace effleura::render {
namespace {

std::string shader_log(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<std::size_t>(length > 1 ? length : 1), '\0');
  glGetShaderInfoLog(shader, length, nullptr, log.data());
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

#ifdef __EMSCRIPTEN__
// WebGL 2 reads GLSL ES 3.00: the same shaders with their first line (#version 330 core)
// swapped for the ES version and the default precisions ES wants. The line count stays, so
// compile errors name the same lines.
std::string for_webgl(std::string_view source, std::string_view extra = {}) {
  const std::size_t eol = source.find('\n');
  std::string out = "#version 300 es\nprecision highp float; precision highp int; precision highp sampler2D; "
                    "precision highp sampler3D;\n";
  out += extra;
  out += "#line 2\n";
  out += source.substr(eol == std::string_view::npos ? source.size() : eol + 1);
  return out;
}

// ES has no gl_ClipDistance (nor GL_CLIP_DISTANCE0). The atlas's cut plane instead passes the
// same distance on as a varying, and the fragment shader drops the fragments where it is below
// zero, which is what clipping does. The renderer sets the plane to (0, 0, 0, 1), a distance of
// 1 everywhere, whenever the cut is off, so nothing is dropped then.
void clip_in_fragments(std::string& vertex, std::string& fragment) {
  if (vertex.find("gl_ClipDistance") == std::string::npos) {
    vertex = for_webgl(vertex);
    fragment = for_webgl(fragment);
    return;
  }
  vertex = for_webgl(vertex, "out float effleura_clip[1];\n#define gl_ClipDistance effleura_clip\n");
  // The fragment shader's own main() is renamed and called after the test.
  fragment = for_webgl(fragment, "in float effleura_clip[1];\n#define main effleura_unclipped_main\n") +
             "\n#undef main\nvoid main() {\n  if (effleura_clip[0] < 0.0) discard;\n  effleura_unclipped_main();\n}\n";
}
#endif

Expected<GLuint> compile(GLenum type, std::string_view name, std::string_view source) {
  GLuint shader = glCreateShader(type);
  const char* text = source.data();
  const GLint length = static_cast<GLint>(source.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_TRUE) return shader;
  const std::string log = shader_log(shader);
  glDeleteShader(shader);
  const char* version = reinterpret_cast<const char*>(glGetString(GL_SHADING_LANGUAGE_VERSION));
  return fail("shader failed to compile (GLSL " + std::string(version ? version : "?") + "):\n" + log,
              "shaders/" + std::string(name), first_line_in_shader_log(log));
}

}  // namespace

int first_line_in_shader_log(std::string_view log) {
  // Both driver styles put the line after "0:" or "0(" at the start of a message.
  for (std::size_t i = 0; i + 2 < log.size(); ++i) {
    if (log[i] != '0' || (i > 0 && std::isdigit(static_cast<unsigned char>(log[i - 1])))) continue;
    if (log[i + 1] != ':' && log[i + 1] != '(') continue;
    std::size_t j = i + 2;
    int line = 0;
    bool digits = false;
    while (j < log.size() && std::isdigit(static_cast<unsigned char>(log[j]))) {
      line = line * 10 + (log[j] - '0');
      digits = true;
      ++j;
    }
    if (digits && line > 0) return line;
  }
  return 0;
}

ShaderProgram::~ShaderProgram() {
  if (id_) glDeleteProgram(id_);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept : id_(other.id_) { other.id_ = 0; }

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
  if (this != &other) {
    if (id_) glDeleteProgram(id_);
    id_ = other.id_;
    other.id_ = 0;
  }
  return *this;
}

std::string with_defines(std::string_view source, std::string_view defines) {
  if (defines.empty()) return std::string(source);
  const std::size_t eol = source.find('\n');
  if (eol == std::string_view::npos) return std::string(source) + "\n" + std::string(defines) + "\n#line 2\n";
  std::string out(source.substr(0, eol + 1));
  out += defines;
  if (out.back() != '\n') out += '\n';
  out += "#line 2\n";
  out += source.substr(eol + 1);
  return out;
}

Expected<ShaderProgram> ShaderProgram::from_files(std::string_view vertex_file, std::string_view fragment_file,
                                                  std::string_view defines) {
  auto vs = find_shader(vertex_file);
  if (!vs) return fail("shader is not embedded in this build", "shaders/" + std::string(vertex_file));
  auto fs = find_shader(fragment_file);
  if (!fs) return fail("shader is not embedded in this build", "shaders/" + std::string(fragment_file));
  return from_sources(vertex_file, with_defines(*vs, defines), fragment_file, with_defines(*fs, defines));
}

Expected<ShaderProgram> ShaderProgram::from_sources(std::string_view vertex_name, std::string_view vertex_src,
                                                    std::string_view fragment_name,
                                                    std::string_view fragment_src) {
#ifdef __EMSCRIPTEN__
  std::string webgl_vertex(vertex_src), webgl_fragment(fragment_src);
  clip_in_fragments(webgl_vertex, webgl_fragment);
  vertex_src = webgl_vertex;
  fragment_src = webgl_fragment;
#endif
  auto vs = compile(GL_VERTEX_SHADER, vertex_name, vertex_src);
  if (!vs) return std::unexpected(vs.error());
  auto fs = compile(GL_FRAGMENT_SHADER, fragment_name, fragment_src);
  if (!fs) {
    glDeleteShader(*vs);
    return std::unexpected(fs.error());
  }
  GLuint program = glCreateProgram();
  glAttachShader(program, *vs);
  glAttachShader(program, *fs);
  glLinkProgram(program);
  glDeleteShader(*vs);
  glDeleteShader(*fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(length > 1 ? length : 1), '\0');
    glGetProgramInfoLog(program, length, nullptr, log.data());
    glDeleteProgram(program);
    return fail("shader program failed to link:\n" + log,
                "shaders/" + std::string(vertex_name) + " + " + std::string(fragment_name));
  }
  return ShaderProgram(program);
}

void ShaderProgram::use() const { glUseProgram(id_); }
void ShaderProgram::set(const char* name, float v) const { glUniform1f(glGetUniformLocation(id_, name), v); }
void ShaderProgram::set(const char* name, int v) const { glUniform1i(glGetUniformLocation(id_, name), v); }
void ShaderProgram::set(const char* name, const glm::vec2& v) const {
  glUniform2fv(glGetUniformLocation(id_, name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec3& v) const {
  glUniform3fv(glGetUniformLocation(id_, name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec4& v) const {
  glUniform4fv(glGetUniformLocation(id_, name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::mat4& v) const {
  glUniformMatrix4fv(glGetUniformLocation(id_, name), 1, GL_FALSE, glm::value_ptr(v));
}
void ShaderProgram::set_floats(const char* name, const float* v, int count) const {
  glUniform1fv(glGetUniformLocation(id_, name), count, v);
}

}  // namespace effleura::render
