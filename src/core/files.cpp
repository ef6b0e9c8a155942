#include "core/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <array>
#include <cstring>
#include <system_error>
#include <utility>

namespace effleura {
namespace {

std::string errno_text(int err) { return std::error_code(err, std::generic_category()).message(); }

std::string megabytes(std::uintmax_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

// What a non-regular file is, in words, for the one-line refusal.
std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "is a folder, not a file";
  if (S_ISFIFO(mode)) return "is a pipe (FIFO), not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "is not a regular file";
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever; the
// fstat below then refuses it. O_NOCTTY: a terminal device never becomes ours.
Expected<int> open_regular(const std::filesystem::path& path, std::uintmax_t max_bytes,
                           std::uintmax_t& size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return fail("no such file", path.string());
    return fail("cannot open: " + errno_text(err), path.string());
  }
  Fd guard(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail("cannot open: " + errno_text(errno), path.string());
  if (!S_ISREG(st.st_mode)) return fail(kind_of(st.st_mode), path.string());
  size = static_cast<std::uintmax_t>(st.st_size);
  if (size > max_bytes)
    return fail("file is " + megabytes(size) + ", larger than the " + megabytes(max_bytes) +
                    " Effleura reads",
                path.string());
  return guard.release();
}

template <class Container>
Expected<Container> read_all(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::uintmax_t size = 0;
  auto opened = open_regular(path, max_bytes, size);
  if (!opened) return std::unexpected(opened.error());
  Fd fd(*opened);
  Container data;
  data.resize(static_cast<std::size_t>(size));
  std::size_t used = 0;
  for (;;) {
    if (used == data.size()) {
      // At the size stat gave, the end is met in a small probe: growing the whole buffer to
      // find it copied the file once more (~50 ms of CPU for leg.glb on a virtual machine).
      // A file that grows while it is read (or a /proc file, whose size reads 0) is still capped.
      std::array<typename Container::value_type, 4096> probe;
      const ssize_t n = ::read(fd.get(), probe.data(), probe.size());
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        return fail("read error: " + errno_text(errno), path.string());
      }
      if (used + static_cast<std::size_t>(n) > max_bytes)
        return fail("file grew past the " + megabytes(max_bytes) + " Effleura reads", path.string());
      data.insert(data.end(), probe.begin(), probe.begin() + n);
      used = data.size();
      continue;
    }
    const ssize_t n = ::read(fd.get(), data.data() + used, data.size() - used);
    if (n > 0) {
      used += static_cast<std::size_t>(n);
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      return fail("read error: " + errno_text(errno), path.string());
    }
  }
  data.resize(used);
  return data;
}

}  // namespace

Expected<std::uintmax_t> check_regular_file(const std::filesystem::path& path,
                                            std::uintmax_t max_bytes) {
  std::uintmax_t size = 0;
  auto opened = open_regular(path, max_bytes, size);
  if (!opened) return std::unexpected(opened.error());
  ::close(*opened);
  return size;
}

Expected<std::string> read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  return read_all<std::string>(path, max_bytes);
}

Expected<std::vector<std::uint8_t>> read_binary_file(const std::filesystem::path& path,
                                                     std::uintmax_t max_bytes) {
  return read_all<std::vector<std::uint8_t>>(path, max_bytes);
}

Expected<void> write_binary_file(const std::filesystem::path& path, const void* data,
                                 std::size_t size) {
  const std::string name = path.string();
  if (path.filename().empty()) return fail("no file name given", name);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    return fail(kind_of(st.st_mode) + "; refusing to replace it", name);

  const auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::string templ = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  // mkostemp creates with O_EXCL under a random name: nothing planted can be followed.
  const int fd = ::mkostemp(templ.data(), O_CLOEXEC);
  if (fd < 0) return fail("cannot write: " + errno_text(errno), name);
  auto give_up = [&](std::string why) {
    ::close(fd);
    ::unlink(templ.c_str());
    return fail(std::move(why), name);
  };
  (void)::fchmod(fd, 0644);  // mkostemp creates 0600; outputs are meant to be shared
  const auto* p = static_cast<const char*>(data);
  std::size_t left = size;
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return give_up("write failed: " + errno_text(n < 0 ? errno : EIO));
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(templ.c_str());
    return fail("write failed: " + errno_text(err), name);
  }
  if (::rename(templ.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(templ.c_str());
    return fail("cannot replace file: " + errno_text(err), name);
  }
  return {};
}

}  // namespace effleura
