// Fuzz target: the model wrapper (anatomy::load_model: the checks before Assimp, Assimp, and
// our reading of its scene). The first byte picks the file's extension, since Assimp chooses
// its importer by it; the rest is the file. Must never crash, hang or allocate without bound.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "anatomy/model_loader.hpp"
#include "fuzz_entry.hpp"

EFFLEURA_FUZZ_TARGET(model) {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("effleura-fuzz-model-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  if (size < 1) return 0;
  constexpr std::array<const char*, 6> kExtensions{".glb", ".gltf", ".obj", ".off", ".ply", ".stl"};
  const auto path = dir / (std::string("model") + kExtensions[data[0] % kExtensions.size()]);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  auto model = effleura::anatomy::load_model(path);
  if (!model) (void)model.error().describe();
  std::filesystem::remove(path);
  return 0;
}
