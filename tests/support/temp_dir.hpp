// A scratch folder under the system's temp folder, removed with everything in it when the test
// case ends, even after a test took its write permission away.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "test_paths.hpp"

namespace effleura::test {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const char* prefix) {
    std::string templ = (std::filesystem::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    path = templ;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path, ec);
  }
};

// The build folder's test-scratch/GROUP/NAME, emptied first and left after the case, so a failing
// case's files can still be read there.
inline std::filesystem::path fresh_scratch(const std::string& group, const std::string& name) {
  const auto dir = std::filesystem::path(EFFLEURA_BINARY_DIR) / "test-scratch" / group / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// The one file in `dir` whose name starts with `prefix` (a cache's entry after one write): the
// test fails unless there is exactly one.
inline std::filesystem::path only_file(const std::filesystem::path& dir, const std::string& prefix) {
  std::filesystem::path found;
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().filename().string().starts_with(prefix)) found = e.path(), ++n;
  REQUIRE(n == 1);
  return found;
}

// Flips one bit of the byte 5 from the end of `file` (inside a cache entry's payload, past its
// header): the entry's checksum no longer matches.
inline void flip_byte_near_end(const std::filesystem::path& file) {
  std::FILE* f = std::fopen(file.c_str(), "r+b");
  REQUIRE(f);
  std::fseek(f, -5, SEEK_END);
  const int c = std::fgetc(f);
  std::fseek(f, -5, SEEK_END);
  std::fputc(c ^ 0x40, f);
  std::fclose(f);
}

}  // namespace effleura::test
