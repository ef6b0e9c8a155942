#pragma once
// Shader files from shaders/, embedded at build time by cmake/EmbedShadersScript.cmake.
#include <optional>
#include <span>
#include <string_view>

namespace effleura::render {

struct EmbeddedShader {
  std::string_view name;    // file name, e.g. "skin.frag"
  std::string_view source;  // the file's text
};

std::span<const EmbeddedShader> embedded_shaders();

inline std::optional<std::string_view> find_shader(std::string_view name) {
  for (const auto& s : embedded_shaders())
    if (s.name == name) return s.source;
  return std::nullopt;
}

}  // namespace effleura::render
