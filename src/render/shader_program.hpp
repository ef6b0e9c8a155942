#pragma once
// A linked GL program built from two embedded shader files. A compile or link error names the
// shader file, the line the driver reported and the driver's log (style.md "Borrow" 4).
#include <string>
#include <string_view>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "core/error.hpp"

namespace effleura::render {

class ShaderProgram {
 public:
  ShaderProgram() = default;
  ~ShaderProgram();
  ShaderProgram(ShaderProgram&& other) noexcept;
  ShaderProgram& operator=(ShaderProgram&& other) noexcept;
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  // Builds from the embedded files (e.g. "skin.vert", "skin.frag"). `defines` (lines such as
  // "#define SHADING 1\n") go into both stages just after their #version line.
  static Expected<ShaderProgram> from_files(std::string_view vertex_file, std::string_view fragment_file,
                                            std::string_view defines = {});
  // Builds from given sources; the names are used in error messages only.
  static Expected<ShaderProgram> from_sources(std::string_view vertex_name, std::string_view vertex_src,
                                              std::string_view fragment_name, std::string_view fragment_src);

  void use() const;
  [[nodiscard]] unsigned id() const { return id_; }
  void set(const char* name, float v) const;
  void set(const char* name, int v) const;
  void set(const char* name, const glm::vec2& v) const;
  void set(const char* name, const glm::vec3& v) const;
  void set(const char* name, const glm::vec4& v) const;
  void set(const char* name, const glm::mat4& v) const;
  void set_floats(const char* name, const float* v, int count) const;

 private:
  explicit ShaderProgram(unsigned id) : id_(id) {}
  unsigned id_ = 0;
};

// `source` with `defines` put after its first line (the #version line, which must come first)
// and a #line directive, so a driver's error still names the line of the file as written.
// Unchanged when `defines` is empty.
std::string with_defines(std::string_view source, std::string_view defines);

// The first line number a driver log mentions ("0:12(3): error" on Mesa, "0(12) : error" on
// NVIDIA), or 0 if none. Public so it can be tested without a GL context.
int first_line_in_shader_log(std::string_view log);

}  // namespace effleura::render
