#pragma once
// A loaded Model kept in the start-up cache (core/cache_file.hpp): the Assimp import and any
// work done on it at load (the leg's cavity occlusion) cost ~0.4 s, reading them back a few
// ms. This wraps anatomy::load_model without changing it: a miss loads as before and stores
// the result; a hit is checked as hostile input (every count, index and array length) before
// it is used, and a bad one is rebuilt.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "anatomy/model.hpp"
#include "core/error.hpp"

namespace effleura::anatomy {

std::vector<std::uint8_t> model_to_bytes(const Model& model);
// None unless the bytes hold a whole, consistent model (what model_to_bytes wrote).
std::optional<Model> model_from_bytes(std::span<const std::uint8_t> bytes);

// load_model(path) then finish(model), or the stored result of the same when `path`'s bytes,
// `product` and `version` match. A product name stands for one finish step (whether there is
// one is in the key, but not which). Bump `version` whenever the loader or `finish` changes what
// they produce. Without a cache folder (none given) it simply loads. Only for self-contained
// files (our own .glb assets): files another file refers to are not part of the key.
Expected<Model> load_model_cached(const std::filesystem::path& path, std::string_view product,
                                  std::uint32_t version, void (*finish)(Model&),
                                  const std::optional<std::filesystem::path>& cache_dir,
                                  bool* from_cache = nullptr);

}  // namespace effleura::anatomy
