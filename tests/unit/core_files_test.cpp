// Hostile input to the file layer: pipes, devices, folders, oversized files, planted
// symlinks and non-regular write targets. Every case here hung, filled memory or clobbered a
// file before the checks in core/files.cpp.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/temp_dir.hpp"
#include "core/files.hpp"
#include "core/png.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

struct TempDir : test::TempDir {
  TempDir() : test::TempDir("effleura-files") {}
};

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::string read_back(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int entries(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a FIFO is refused at once instead of blocking the reader") {
  TempDir dir;
  const auto fifo = dir.path / "poses.toml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto text = read_text_file(fifo);  // blocked forever before: open() waited for a writer
  REQUIRE_FALSE(text.has_value());
  CHECK(text.error().file == fifo.string());
  CHECK(text.error().message.find("pipe") != std::string::npos);
  CHECK_FALSE(check_regular_file(fifo, 100).has_value());
}

TEST_CASE("a device such as /dev/zero is refused instead of read until memory runs out") {
  auto text = read_text_file("/dev/zero");
  REQUIRE_FALSE(text.has_value());
  CHECK(text.error().message.find("device") != std::string::npos);
}

TEST_CASE("a folder is refused with one line naming it") {
  TempDir dir;
  auto bytes = read_binary_file(dir.path);
  REQUIRE_FALSE(bytes.has_value());
  CHECK(bytes.error().file == dir.path.string());
  CHECK(bytes.error().message == "is a folder, not a file");
}

TEST_CASE("a file over the size cap is refused without reading it") {
  TempDir dir;
  const auto big = dir.path / "big.toml";
  write_text(big, std::string(3u << 20, '#'));
  auto text = read_text_file(big, std::uintmax_t{1} << 20);
  REQUIRE_FALSE(text.has_value());
  CHECK(text.error().message.find("larger than the 1 MB") != std::string::npos);
  auto whole = read_text_file(big);
  REQUIRE(whole.has_value());
  CHECK(whole->size() == (3u << 20));
}

TEST_CASE("a file read whole comes back byte for byte, and one whose size reads 0 is still capped") {
  TempDir dir;
  // Sizes at, just under and just over the read probe's 4096 bytes, and empty.
  for (std::size_t size : {0u, 1u, 4095u, 4096u, 4097u, 100000u}) {
    CAPTURE(size);
    std::string text(size, 'x');
    for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 26);
    const auto f = dir.path / "f.bin";
    write_text(f, text);
    auto back = read_text_file(f);
    REQUIRE(back.has_value());
    CHECK(*back == text);
    auto bytes = read_binary_file(f);
    REQUIRE(bytes.has_value());
    CHECK(bytes->size() == size);
  }
  // /proc files are regular but say they are empty: they are read to their end, under the cap.
  auto status = read_text_file("/proc/self/status");
  REQUIRE(status.has_value());
  CHECK(status->find("Name:") == 0);
  auto capped = read_text_file("/proc/self/status", 64);
  REQUIRE_FALSE(capped.has_value());
  CHECK(capped.error().message.find("grew past") != std::string::npos);
}

TEST_CASE("writing over a non-regular file is refused and leaves it in place") {
  TempDir dir;
  const auto fifo = dir.path / "out.png";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto written = write_binary_file(fifo, "png", 3);  // renamed a file over it before
  REQUIRE_FALSE(written.has_value());
  CHECK(written.error().message.find("refusing to replace") != std::string::npos);
  struct stat st {};
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(entries(dir.path) == 1);  // no temp file left behind

  auto into_folder = write_binary_file(dir.path, "x", 1);
  CHECK_FALSE(into_folder.has_value());
}

TEST_CASE("a planted out.png.tmp symlink does not redirect the write") {
  TempDir dir;
  const auto victim = dir.path / "victim.txt";
  write_text(victim, "keep me");
  const auto target = dir.path / "out.png";
  fs::create_symlink(victim, dir.path / "out.png.tmp");
  REQUIRE(write_binary_file(target, "new", 3).has_value());
  CHECK(read_back(victim) == "keep me");
  CHECK(read_back(target) == "new");
  CHECK(fs::is_symlink(dir.path / "out.png.tmp"));
  CHECK(entries(dir.path) == 3);  // victim, link, out.png: the temp file was renamed away
}

TEST_CASE("a failed write leaves no temp file behind") {
  TempDir dir;
  const auto missing_folder = dir.path / "no" / "such" / "out.png";
  CHECK_FALSE(write_binary_file(missing_folder, "x", 1).has_value());
  CHECK(entries(dir.path) == 0);
}

TEST_CASE("the one PNG writer checks its input and writes a readable file") {
  TempDir dir;
  const std::vector<std::uint8_t> rgba(2 * 3 * 4, 200);
  CHECK_FALSE(encode_png(rgba, 3, 3).has_value());  // 24 bytes is not 3x3 RGBA
  CHECK_FALSE(encode_png(rgba, 0, 3).has_value());
  const auto path = dir.path / "two.png";
  REQUIRE(write_png_file(path, rgba, 2, 3).has_value());
  const auto png = read_back(path);
  REQUIRE(png.size() > 8);
  CHECK(png.substr(1, 3) == "PNG");
}
