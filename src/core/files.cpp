#include "core/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace effleura {
namespace {

std::string reason_for(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return "no such file";
  if (std::filesystem::is_directory(path, ec)) return "is a folder, not a file";
  return std::strerror(errno);
}

template <class Container>
Expected<Container> read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot open: " + reason_for(path), path.string());
  Container data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return fail("read error", path.string());
  return data;
}

}  // namespace

Expected<std::string> read_text_file(const std::filesystem::path& path) {
  return read_all<std::string>(path);
}

Expected<std::vector<std::uint8_t>> read_binary_file(const std::filesystem::path& path) {
  return read_all<std::vector<std::uint8_t>>(path);
}

Expected<void> write_binary_file(const std::filesystem::path& path, const void* data,
                                 std::size_t size) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail(std::string("cannot write: ") + std::strerror(errno), path.string());
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) return fail("write failed (disk full?)", path.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return fail("cannot replace file: " + ec.message(), path.string());
  return {};
}

}  // namespace effleura
