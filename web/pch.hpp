// The web build's precompiled header (scripts/web.sh compiles it once and hands it to every one
// of Effleura's own files with -include-pch). A page build spends most of its time parsing the
// same standard, glm and toml++ headers in each of ~140 files; parsed once, they cost each file
// a fraction (README "In the browser" has the measured figures). Only headers whose meaning no
// file changes with a macro of its own belong here (GLFW and the GL headers do not: files set
// GLFW_INCLUDE_NONE first). The desktop build does not use it, so a file that forgets one of
// these includes still fails there.
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
#include <expected>
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
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>
#include <glm/trigonometric.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include <toml++/toml.h>
