// The native build's precompiled header for the layer libraries (cmake/Pch.cmake): the standard
// and glm headers that most of src/ includes, parsed once per build instead of in each of ~180
// files. Only headers whose meaning no file changes with a macro of its own belong here, and no
// header that a few files use (toml++, Dear ImGui, JSON, Eigen): every file pays for loading the
// whole header, so a rarely used one costs more than it saves. The web build does not use it,
// so a file that forgets one of these includes still fails there (scripts/web.sh).
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <numbers>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <glm/common.hpp>
#include <glm/ext/matrix_transform.hpp>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
