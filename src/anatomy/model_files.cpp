#include "anatomy/model_files.hpp"

#include <assimp/MemoryIOWrapper.h>

#include <cstring>
#include <system_error>
#include <utility>

#include "core/files.hpp"

namespace effleura::anatomy {

ModelFolderIO::ModelFolderIO(const std::filesystem::path& model) {
  std::error_code ec;
  // The folder of the file itself, symlinks resolved: a model linked from elsewhere reads
  // its buffers from beside the real file, as Assimp resolves them.
  folder_ = std::filesystem::weakly_canonical(std::filesystem::absolute(model, ec), ec).parent_path();
}

std::filesystem::path ModelFolderIO::resolve_inside(const std::filesystem::path& file) const {
  std::error_code ec;
  auto resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec), ec);
  if (ec) return {};
  auto f = folder_.begin();
  auto r = resolved.begin();
  for (; f != folder_.end(); ++f, ++r)
    if (r == resolved.end() || *f != *r) return {};
  return resolved;
}

void ModelFolderIO::keep(const std::filesystem::path& file, std::vector<std::uint8_t> bytes) {
  auto resolved = resolve_inside(file);
  if (!resolved.empty()) files_[resolved] = std::move(bytes);
}

bool ModelFolderIO::Exists(const char* file) const {
  return file && !resolve_inside(file).empty() && check_regular_file(file, kMaxBinaryFileBytes).has_value();
}

Assimp::IOStream* ModelFolderIO::Open(const char* file, const char* mode) {
  if (!file) return nullptr;
  if (mode && (std::strchr(mode, 'w') || std::strchr(mode, 'a') || std::strchr(mode, '+'))) {
    refusal_ = std::string(file) + ": a model import may not write files";
    return nullptr;
  }
  const auto resolved = resolve_inside(file);
  if (resolved.empty()) {
    refusal_ = std::string(file) + ": outside the model's folder; only files beside the model are read";
    return nullptr;
  }
  auto known = files_.find(resolved);
  if (known == files_.end()) {
    auto bytes = read_binary_file(file);
    if (!bytes) {
      refusal_ = bytes.error().describe();
      return nullptr;
    }
    known = files_.emplace(resolved, std::move(*bytes)).first;
  }
  // The stream only points into the kept bytes (it does not own them): they outlive it, as
  // the importer closes its streams before this IOSystem goes with it.
  return new Assimp::MemoryIOStream(known->second.data(), known->second.size(), false);
}

void ModelFolderIO::Close(Assimp::IOStream* stream) { delete stream; }

}  // namespace effleura::anatomy
