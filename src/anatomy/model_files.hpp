#pragma once
// The file access Assimp gets while importing one model: only regular files inside the
// model's own folder, each read whole (with a size cap) through core/files, so a glTF buffer
// uri pointing at a FIFO, a device or a file elsewhere is refused instead of followed.
// Each file is read from disk once per import and its bytes kept: Assimp opens a .glb six
// times (format probes, then the import itself), which read the 6.7 MB leg six times over
// (about a fifth of a `--model` screenshot's CPU). The model file's own bytes, already read
// and checked by the loader, are handed over with keep(), so what Assimp parses is exactly
// what was checked even if the file changes on disk meanwhile.
#include <assimp/IOSystem.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace effleura::anatomy {

class ModelFolderIO : public Assimp::IOSystem {
 public:
  explicit ModelFolderIO(const std::filesystem::path& model);

  bool Exists(const char* file) const override;
  char getOsSeparator() const override { return '/'; }
  Assimp::IOStream* Open(const char* file, const char* mode = "rb") override;
  void Close(Assimp::IOStream* stream) override;

  // Serves `file` from these bytes instead of reading it (the loader's checked copy).
  void keep(const std::filesystem::path& file, std::vector<std::uint8_t> bytes);

  // Why the last refused open was refused (one line), empty if none was.
  [[nodiscard]] const std::string& refusal() const { return refusal_; }

 private:
  // The file's path with symlinks resolved, empty when it lies outside the model's folder.
  [[nodiscard]] std::filesystem::path resolve_inside(const std::filesystem::path& file) const;

  std::filesystem::path folder_;
  std::string refusal_;
  // Bytes of each file read so far, by resolved path; the streams point into them (Assimp's
  // parsers copy what they read through the stream, so no terminator is needed after them).
  std::map<std::filesystem::path, std::vector<std::uint8_t>> files_;
};

}  // namespace effleura::anatomy
