#pragma once
// Start-up products kept between runs in the user's cache folder ($XDG_CACHE_HOME/effleura or
// ~/.cache/effleura): the imported leg with its occlusion, the client, the fitted leg surface.
// Each is stored under a key made from every input that shapes it (the source file, a product
// name and a version the code bumps whenever it changes the product), so an edited model or
// newer code simply misses. A big source file (the models) stands in the key by its path, size
// and times, as make and ccache judge a file, rather than by its 6.6 MB of bytes: an edited or
// replaced file has a new time. A cache file is hostile input like any other: one that is
// truncated, corrupt, foreign or of another key is ignored (and rebuilt by the caller), never
// trusted past its checksum. A missing or read-only folder only costs the time it would save.
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace effleura {

// $XDG_CACHE_HOME/effleura, else $HOME/.cache/effleura; none when neither is set.
std::optional<std::filesystem::path> cache_directory();

// A 64-bit key over everything fed to it (zlib's CRC-32 and Adler-32 side by side, plus the
// byte count), with the product's name and version fed first.
class CacheKey {
 public:
  CacheKey(std::string_view product, std::uint32_t version);
  CacheKey& add(std::span<const std::uint8_t> bytes);
  CacheKey& add(std::string_view text);
  // Adds the file's bytes (and, first, its length); false when it cannot be read.
  bool add_file(const std::filesystem::path& path);
  // Adds what names this version of the file without reading its bytes: its canonical path, its
  // size, and its modification and status-change times to the nanosecond. Any write gives the
  // file new times, and the status-change time cannot be set back (a copy that keeps the
  // modification time, cp -p or tar, still gets a new one). False when it cannot be opened for
  // reading or is no regular file. In the page (Emscripten) its bytes, as add_file.
  bool add_file_stamp(const std::filesystem::path& path);
  [[nodiscard]] std::uint64_t value() const;
  [[nodiscard]] const std::string& product() const { return product_; }

 private:
  std::string product_;
  std::uint32_t crc_ = 0;
  std::uint32_t adler_ = 1;
  std::uint64_t count_ = 0;
};

// The payload stored under `key` in `dir`, or none when there is no such file or it is
// unreadable, truncated, of another key or layout, or fails its checksum.
std::optional<std::vector<std::uint8_t>> read_cache(const std::filesystem::path& dir, const CacheKey& key);
// The same entry's payload read in place: the file is mapped (and its pages taken in at once)
// rather than copied into a fresh buffer. On the virtual machines measured each fresh page
// costs a fault of ~15-20 us, so the leg's 5.7 MB entry took ~29 ms of CPU through
// read_cache and ~6 ms mapped. For callers that parse the bytes into their own structures at
// once (the models): the mapping is the file's, so hold it no longer than that.
class CachedBytes {
 public:
  CachedBytes() = default;
  CachedBytes(CachedBytes&& other) noexcept;
  CachedBytes& operator=(CachedBytes&& other) noexcept;
  CachedBytes(const CachedBytes&) = delete;
  CachedBytes& operator=(const CachedBytes&) = delete;
  ~CachedBytes();
  [[nodiscard]] std::span<const std::uint8_t> bytes() const;

 private:
  friend std::optional<CachedBytes> read_cache_mapped(const std::filesystem::path&, const CacheKey&);
  void* map_ = nullptr;
  std::size_t length_ = 0;  // of the whole file, header included
};
std::optional<CachedBytes> read_cache_mapped(const std::filesystem::path& dir, const CacheKey& key);
// Stores the payload atomically (temp file + rename) and removes the product's older entries,
// so an edited model does not pile up copies. False when the folder cannot be made or written.
bool write_cache(const std::filesystem::path& dir, const CacheKey& key, std::span<const std::uint8_t> payload);
// The file name a key is stored under (for tests that damage it).
std::filesystem::path cache_file_path(const std::filesystem::path& dir, const CacheKey& key);

// Plain little-endian-as-in-memory serialisation of trivially copyable values, strings and
// vectors (the cache is per machine, so byte order and float layout are the machine's own).
class ByteWriter {
 public:
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    out_.insert(out_.end(), p, p + sizeof(T));
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    pod(static_cast<std::uint64_t>(v.size()));
    const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
    out_.insert(out_.end(), p, p + v.size() * sizeof(T));
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint64_t>(s.size()));
    out_.insert(out_.end(), s.begin(), s.end());
  }
  [[nodiscard]] const std::vector<std::uint8_t>& bytes() const { return out_; }

 private:
  std::vector<std::uint8_t> out_;
};

// Reads what ByteWriter wrote; every read checks the bytes left, so a count that runs past
// the end fails (ok() turns false and stays false) instead of reading or allocating past it.
class ByteReader {
 public:
  explicit ByteReader(std::span<const std::uint8_t> bytes) : in_(bytes) {}
  template <class T>
  bool pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!ok_ || in_.size() - at_ < sizeof(T)) return ok_ = false;
    std::memcpy(&v, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  template <class T>
  bool vec(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = 0;
    if (!pod(n) || n > (in_.size() - at_) / sizeof(T)) return ok_ = false;
    v.resize(static_cast<std::size_t>(n));
    if (n) std::memcpy(v.data(), in_.data() + at_, v.size() * sizeof(T));
    at_ += v.size() * sizeof(T);
    return true;
  }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!pod(n) || n > in_.size() - at_) return ok_ = false;
    s.assign(reinterpret_cast<const char*>(in_.data() + at_), static_cast<std::size_t>(n));
    at_ += s.size();
    return true;
  }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] bool at_end() const { return ok_ && at_ == in_.size(); }

 private:
  std::span<const std::uint8_t> in_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace effleura
