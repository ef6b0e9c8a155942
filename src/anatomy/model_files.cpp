#include "anatomy/model_files.hpp"

#include <assimp/MemoryIOWrapper.h>

#include <cstring>
#include <system_error>

#include "core/files.hpp"

namespace effleura::anatomy {

ModelFolderIO::ModelFolderIO(const std::filesystem::path& model) {
  std::error_code ec;
  // The folder of the file itself, symlinks resolved: a model linked from elsewhere reads
  // its buffers from beside the real file, as Assimp resolves them.
  folder_ = std::filesystem::weakly_canonical(std::filesystem::absolute(model, ec), ec).parent_path();
}

bool ModelFolderIO::inside(const std::filesystem::path& file) const {
  std::error_code ec;
  const auto resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec), ec);
  if (ec) return false;
  auto f = folder_.begin();
  auto r = resolved.begin();
  for (; f != folder_.end(); ++f, ++r)
    if (r == resolved.end() || *f != *r) return false;
  return true;
}

bool ModelFolderIO::Exists(const char* file) const {
  return file && inside(file) && check_regular_file(file, kMaxBinaryFileBytes).has_value();
}

Assimp::IOStream* ModelFolderIO::Open(const char* file, const char* mode) {
  if (!file) return nullptr;
  if (mode && (std::strchr(mode, 'w') || std::strchr(mode, 'a') || std::strchr(mode, '+'))) {
    refusal_ = std::string(file) + ": a model import may not write files";
    return nullptr;
  }
  if (!inside(file)) {
    refusal_ = std::string(file) + ": outside the model's folder; only files beside the model are read";
    return nullptr;
  }
  auto bytes = read_binary_file(file);
  if (!bytes) {
    refusal_ = bytes.error().describe();
    return nullptr;
  }
  // MemoryIOStream deletes its buffer with delete[] when it owns it.
  auto* buffer = new std::uint8_t[bytes->size() + 1];
  std::memcpy(buffer, bytes->data(), bytes->size());
  buffer[bytes->size()] = 0;
  return new Assimp::MemoryIOStream(buffer, bytes->size(), true);
}

void ModelFolderIO::Close(Assimp::IOStream* stream) { delete stream; }

}  // namespace effleura::anatomy
