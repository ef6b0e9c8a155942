#pragma once
// Loads any file Assimp reads into a Model. Every failure (missing, truncated, empty, wrong
// format) comes back as an Error naming the file and the reason; nothing throws.
#include <filesystem>

#include "anatomy/model.hpp"
#include "core/error.hpp"

namespace effleura::anatomy {

Expected<Model> load_model(const std::filesystem::path& path);

}  // namespace effleura::anatomy
