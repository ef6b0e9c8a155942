#pragma once
// The file access Assimp gets while importing one model: only regular files inside the
// model's own folder, each read whole (with a size cap) through core/files, so a glTF buffer
// uri pointing at a FIFO, a device or a file elsewhere is refused instead of followed.
#include <assimp/IOSystem.hpp>

#include <filesystem>
#include <string>

namespace effleura::anatomy {

class ModelFolderIO : public Assimp::IOSystem {
 public:
  explicit ModelFolderIO(const std::filesystem::path& model);

  bool Exists(const char* file) const override;
  char getOsSeparator() const override { return '/'; }
  Assimp::IOStream* Open(const char* file, const char* mode = "rb") override;
  void Close(Assimp::IOStream* stream) override;

  // Why the last refused open was refused (one line), empty if none was.
  [[nodiscard]] const std::string& refusal() const { return refusal_; }

 private:
  [[nodiscard]] bool inside(const std::filesystem::path& file) const;

  std::filesystem::path folder_;
  std::string refusal_;
};

}  // namespace effleura::anatomy
