#include "core/cache_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <system_error>
#include <utility>

#include "core/files.hpp"

namespace effleura {
namespace {

// The file's own layout: magic, layout version, the payload's CRC-32, key and payload length. A
// product's version (in its key) changes with its content; this one only with this header.
// 2: CRC-32 alone checks the payload (1 had Adler-32 beside it), as PNG and zip check theirs: it
// finds every error of up to 32 bits in a row and lets other damage through once in 2^32. The
// Adler-32 beside it took longer than the CRC (2.1 against 1.2 ms over the leg's 5.8 MB entry,
// session 28) and guarded against nothing a damaged cache file does.
constexpr char kMagic[8] = {'E', 'F', 'F', 'L', 'C', 'A', 'C', 'H'};
constexpr std::uint32_t kLayout = 2;

struct Header {
  char magic[8];
  std::uint32_t layout;
  std::uint32_t crc;
  std::uint64_t key;
  std::uint64_t payload_bytes;
};
static_assert(sizeof(Header) == 32);

// zlib takes lengths as uInt: feed big spans in pieces.
template <class F>
std::uint32_t fold(std::uint32_t sum, std::span<const std::uint8_t> bytes, F f) {
  while (!bytes.empty()) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 1u << 30);
    sum = static_cast<std::uint32_t>(f(sum, bytes.data(), static_cast<uInt>(n)));
    bytes = bytes.subspan(n);
  }
  return sum;
}
std::uint32_t crc_of(std::span<const std::uint8_t> b) { return fold(static_cast<std::uint32_t>(crc32(0, nullptr, 0)), b, crc32); }

// Like core/files' reads, a FIFO or device never blocks or feeds us: opened without blocking
// and refused unless regular. Read here in pieces rather than through read_binary_file: a
// fresh 6 MB buffer costs ~20-40 ms of page faults on the machines measured, the hashing
// itself 3 ms.
class InFile {
 public:
  explicit InFile(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)) {
    if (fd_ >= 0 && ::fstat(fd_, &st_) == 0 && S_ISREG(st_.st_mode) && st_.st_size >= 0)
      size_ = static_cast<std::uint64_t>(st_.st_size);
    else if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~InFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  InFile(const InFile&) = delete;
  InFile& operator=(const InFile&) = delete;
  [[nodiscard]] bool ok() const { return fd_ >= 0; }
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] std::uint64_t size() const { return size_; }
  [[nodiscard]] const struct stat& status() const { return st_; }
  // Fills the whole span, or false (end of file, error).
  bool read(std::span<std::uint8_t> out) {
    while (!out.empty()) {
      const ssize_t n = ::read(fd_, out.data(), out.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      out = out.subspan(static_cast<std::size_t>(n));
    }
    return true;
  }

 private:
  int fd_;
  struct stat st_ {};
  std::uint64_t size_ = 0;
};

// All pages at once (one call instead of a fault each); where there is no such flag (the
// browser's file system), page by page.
#ifdef MAP_POPULATE
constexpr int kPopulate = MAP_POPULATE;
#else
constexpr int kPopulate = 0;
#endif

// Whether a header read from a file of `file_bytes` is this key's and its payload fills the file.
bool header_fits(const Header& h, const CacheKey& key, std::uint64_t file_bytes) {
  // The header is checked before the payload's size is trusted for an allocation.
  return std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.layout == kLayout && h.key == key.value() &&
         h.payload_bytes == file_bytes - sizeof h && h.payload_bytes <= kMaxBinaryFileBytes;
}

// Whether the payload is the one the header's checksum was taken of.
bool payload_fits(const Header& h, std::span<const std::uint8_t> payload) { return h.crc == crc_of(payload); }

}  // namespace

std::optional<std::filesystem::path> cache_directory() {
  // The page (web/page_cache.js) points XDG_CACHE_HOME at a folder kept in IndexedDB, or
  // empties HOME where the browser keeps none.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "effleura";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "effleura";
  return std::nullopt;
}

CacheKey::CacheKey(std::string_view product, std::uint32_t version) : product_(product) {
  add(product);
  add(std::span(reinterpret_cast<const std::uint8_t*>(&version), sizeof(version)));
}

CacheKey& CacheKey::add(std::span<const std::uint8_t> bytes) {
  crc_ = fold(crc_, bytes, crc32);
  adler_ = fold(adler_, bytes, adler32);
  count_ += bytes.size();
  return *this;
}

CacheKey& CacheKey::add(std::string_view text) {
  // The length first, so ("ab", "c") and ("a", "bc") differ.
  const std::uint64_t n = text.size();
  add(std::span(reinterpret_cast<const std::uint8_t*>(&n), sizeof(n)));
  return add(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

bool CacheKey::add_file(const std::filesystem::path& path) {
  InFile in(path);
  if (!in.ok()) return false;
  const std::uint64_t n = in.size();
  add(std::span(reinterpret_cast<const std::uint8_t*>(&n), sizeof(n)));
  std::vector<std::uint8_t> chunk(std::size_t{1} << 16);
  for (std::uint64_t left = n; left > 0;) {
    const auto piece = std::span(chunk).first(static_cast<std::size_t>(std::min<std::uint64_t>(left, chunk.size())));
    if (!in.read(piece)) return false;  // shorter than it said: changing under us
    add(piece);
    left -= piece.size();
  }
  return true;
}

bool CacheKey::add_file_stamp(const std::filesystem::path& path) {
#ifdef __EMSCRIPTEN__
  // The page unpacks its files into memory on every visit, each with that moment's time: there
  // only the bytes can say that a file is the one an entry was made from.
  return add_file(path);
#else
  // Opened (not only looked up), so an unreadable file, a FIFO or a folder still gets no key.
  InFile in(path);
  std::error_code ec;
  const std::filesystem::path where = std::filesystem::canonical(path, ec);  // one name per file
  if (!in.ok() || ec) return false;
  const struct stat& st = in.status();
  add(where.native());
  const std::int64_t facts[] = {static_cast<std::int64_t>(in.size()), st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                st.st_ctim.tv_sec, st.st_ctim.tv_nsec};
  add(std::span(reinterpret_cast<const std::uint8_t*>(facts), sizeof facts));
  return true;
#endif
}

std::uint64_t CacheKey::value() const {
  // CRC-32 and Adler-32 fail on different changes; the byte count mixes into both halves.
  return ((std::uint64_t{crc_} << 32) | adler_) ^ (count_ * 0x9E3779B97F4A7C15ull);
}

std::filesystem::path cache_file_path(const std::filesystem::path& dir, const CacheKey& key) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(key.value()));
  return dir / (key.product() + "-" + hex + ".bin");
}

std::optional<std::vector<std::uint8_t>> read_cache(const std::filesystem::path& dir, const CacheKey& key) {
  InFile in(cache_file_path(dir, key));
  Header h{};
  if (!in.ok() || in.size() < sizeof h || !in.read(std::span(reinterpret_cast<std::uint8_t*>(&h), sizeof h)))
    return std::nullopt;
  if (!header_fits(h, key, in.size())) return std::nullopt;
  std::vector<std::uint8_t> payload(static_cast<std::size_t>(h.payload_bytes));
  if (!in.read(payload) || !payload_fits(h, payload)) return std::nullopt;
  return payload;
}

CachedBytes::CachedBytes(CachedBytes&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)), length_(std::exchange(other.length_, 0)) {}

CachedBytes& CachedBytes::operator=(CachedBytes&& other) noexcept {
  if (this != &other) {
    if (map_) ::munmap(map_, length_);
    map_ = std::exchange(other.map_, nullptr);
    length_ = std::exchange(other.length_, 0);
  }
  return *this;
}

CachedBytes::~CachedBytes() {
  if (map_) ::munmap(map_, length_);
}

std::span<const std::uint8_t> CachedBytes::bytes() const {
  if (!map_) return {};
  return std::span(static_cast<const std::uint8_t*>(map_) + sizeof(Header), length_ - sizeof(Header));
}

std::optional<CachedBytes> read_cache_mapped(const std::filesystem::path& dir, const CacheKey& key) {
  InFile in(cache_file_path(dir, key));
  if (!in.ok() || in.size() < sizeof(Header) || in.size() > sizeof(Header) + kMaxBinaryFileBytes) return std::nullopt;
  CachedBytes out;
  out.length_ = static_cast<std::size_t>(in.size());
  // Private and read-only: nothing we do reaches the file. Entries are replaced by rename
  // (write_cache), never rewritten in place, so the mapped file keeps its length while parsed.
  void* map = ::mmap(nullptr, out.length_, PROT_READ, MAP_PRIVATE | kPopulate, in.fd(), 0);
  if (map == MAP_FAILED) return std::nullopt;
  out.map_ = map;
  Header h{};
  std::memcpy(&h, map, sizeof h);
  if (!header_fits(h, key, in.size())) return std::nullopt;
  if (!payload_fits(h, out.bytes())) return std::nullopt;
  return out;
}

bool write_cache(const std::filesystem::path& dir, const CacheKey& key, std::span<const std::uint8_t> payload) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return false;
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.layout = kLayout;
  h.key = key.value();
  h.payload_bytes = payload.size();
  h.crc = crc_of(payload);
  std::vector<std::uint8_t> file(sizeof h + payload.size());
  std::memcpy(file.data(), &h, sizeof h);
  if (!payload.empty()) std::memcpy(file.data() + sizeof h, payload.data(), payload.size());
  const auto path = cache_file_path(dir, key);
  if (!write_binary_file(path, file.data(), file.size())) return false;
  // Older entries of this product (another model's bytes, older code) are dead weight.
  const std::string prefix = key.product() + "-";
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code removed;
    if (name.starts_with(prefix) && name.ends_with(".bin") && name.size() == prefix.size() + 20 && it->path() != path)
      std::filesystem::remove(it->path(), removed);
  }
  return true;
}

}  // namespace effleura
