// What Assimp may read while importing a model (anatomy/model_files.hpp): each file once per
// import, the model's own bytes as the loader checked them, nothing outside the model's folder.
#include <doctest/doctest.h>
#include <unistd.h>

#include <assimp/IOStream.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "anatomy/model_files.hpp"

namespace fs = std::filesystem;
using effleura::anatomy::ModelFolderIO;

namespace {

struct TempFolder {
  fs::path path;
  TempFolder() {
    path = fs::temp_directory_path() / ("effleura-model-files-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

void write_text(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// The whole stream's bytes as text; the stream is closed through the IOSystem as Assimp does.
std::string read_through(ModelFolderIO& io, const fs::path& file) {
  Assimp::IOStream* s = io.Open(file.c_str(), "rb");
  REQUIRE(s != nullptr);
  std::string text(s->FileSize(), '\0');
  CHECK(s->Read(text.data(), 1, text.size()) == text.size());
  io.Close(s);
  return text;
}

}  // namespace

TEST_CASE("a model import reads the bytes the loader checked, and each file from disk only once") {
  TempFolder dir;
  const fs::path model = dir.path / "leg.gltf";
  const fs::path buffer = dir.path / "leg.bin";
  write_text(model, "checked model");
  write_text(buffer, "buffer v1");

  ModelFolderIO io(model);
  const std::string checked = "checked model";
  io.keep(model, std::vector<std::uint8_t>(checked.begin(), checked.end()));
  // The file changes on disk after the check: Assimp still parses what was checked.
  write_text(model, "something else entirely");
  CHECK(read_through(io, model) == "checked model");
  CHECK(read_through(io, model) == "checked model");  // every probe and the import itself

  // A file beside the model is read at its first open and kept for the later ones, so the
  // import sees one version of it (and reads a large buffer once, not at every open).
  CHECK(read_through(io, buffer) == "buffer v1");
  write_text(buffer, "buffer v2, longer");
  CHECK(read_through(io, buffer) == "buffer v1");
  // A new import (a new IOSystem) reads the file as it is now.
  ModelFolderIO fresh(model);
  CHECK(read_through(fresh, buffer) == "buffer v2, longer");
}

TEST_CASE("a model import is refused files outside the model's folder and any write") {
  TempFolder dir;
  const fs::path model = dir.path / "sub" / "leg.gltf";
  fs::create_directories(model.parent_path());
  write_text(model, "model");
  write_text(dir.path / "outside.bin", "secret");
  ModelFolderIO io(model);
  // Kept bytes for a file outside the folder are ignored, not served.
  io.keep(dir.path / "outside.bin", std::vector<std::uint8_t>{'x'});
  CHECK(io.Open((dir.path / "outside.bin").c_str(), "rb") == nullptr);
  CHECK(io.refusal().find("outside the model's folder") != std::string::npos);
  CHECK(io.Open(model.c_str(), "wb") == nullptr);
  CHECK(io.refusal().find("may not write") != std::string::npos);
  CHECK(io.Open((model.parent_path() / "missing.bin").c_str(), "rb") == nullptr);
  CHECK_FALSE(io.refusal().empty());
}
