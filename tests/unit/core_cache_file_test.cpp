// The start-up cache file (core/cache_file.hpp) is hostile input: a truncated, flipped,
// foreign or misnamed file must read as a miss, and a folder that cannot be written must only
// cost the store, never throw.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "../support/temp_dir.hpp"
#include "core/cache_file.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

struct TempDir : test::TempDir {
  TempDir() : test::TempDir("effleura-cache") {}
};

std::vector<std::uint8_t> payload() {
  ByteWriter w;
  w.str("skin");
  w.vec(std::vector<float>{1.0f, 2.5f, -3.0f});
  w.pod(std::uint32_t{7});
  return w.bytes();
}

std::vector<char> file_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void put_bytes(const fs::path& p, const std::vector<char>& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The file's header (cache_file.cpp, layout 2): magic 0-7, layout 8-11, the payload's CRC-32
// 12-15, key 16-23, payload length 24-31; the payload from 32.
constexpr std::size_t kHeaderBytes = 32;

// The damaged versions of a good cache file that every read must refuse: cut short anywhere
// (header, key, payload), one bit flipped in each field of the header or in the payload, one
// byte too many, and a foreign file of the same name.
std::vector<std::pair<std::string, std::vector<char>>> damaged(const std::vector<char>& good) {
  std::vector<std::pair<std::string, std::vector<char>>> out;
  for (std::size_t cut : {std::size_t{0}, std::size_t{7}, kHeaderBytes - 1, kHeaderBytes, good.size() - 1})
    out.emplace_back("cut at " + std::to_string(cut),
                     std::vector<char>(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(cut)));
  for (std::size_t at : {std::size_t{0}, std::size_t{9}, std::size_t{13}, std::size_t{20}, std::size_t{28},
                         kHeaderBytes + 3, good.size() - 2}) {
    auto bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    out.emplace_back("bit flipped at " + std::to_string(at), std::move(bad));
  }
  auto longer = good;
  longer.push_back('x');
  out.emplace_back("one byte too many", std::move(longer));
  out.emplace_back("a foreign file", std::vector<char>(4096, 'x'));
  return out;
}

}  // namespace

TEST_CASE("cache: a stored payload reads back only under its own key") {
  TempDir dir;
  CacheKey key("leg", 1);
  key.add(std::string_view("the model's bytes"));
  REQUIRE(write_cache(dir.path, key, payload()));
  const auto back = read_cache(dir.path, key);
  REQUIRE(back);
  CHECK(*back == payload());

  ByteReader r(*back);
  std::string name;
  std::vector<float> v;
  std::uint32_t n = 0;
  CHECK((r.str(name) && r.vec(v) && r.pod(n) && r.at_end()));
  CHECK(name == "skin");
  CHECK(v == std::vector<float>{1.0f, 2.5f, -3.0f});
  CHECK(n == 7);

  // Other bytes, another version or another product: another key, a miss.
  CacheKey edited("leg", 1);
  edited.add(std::string_view("the model's bytez"));
  CacheKey newer("leg", 2);
  newer.add(std::string_view("the model's bytes"));
  CHECK(edited.value() != key.value());
  CHECK(newer.value() != key.value());
  CHECK_FALSE(read_cache(dir.path, edited));
  CHECK_FALSE(read_cache(dir.path, newer));
  // A foreign file renamed to this key's name still carries the other key inside.
  fs::copy_file(cache_file_path(dir.path, key), cache_file_path(dir.path, edited));
  CHECK_FALSE(read_cache(dir.path, edited));
}

TEST_CASE("cache: a truncated, flipped or foreign file is a miss, copied or mapped, and a rewrite heals it") {
  TempDir dir;
  CacheKey key("client", 3);
  key.add(std::string_view("bytes"));
  REQUIRE(write_cache(dir.path, key, payload()));
  const fs::path file = cache_file_path(dir.path, key);
  const std::vector<char> good = file_bytes(file);
  REQUIRE(good.size() > kHeaderBytes + 4);

  // The mapped read (read_cache_mapped) refuses every file the copied one refuses.
  for (const auto& [what, bytes] : damaged(good)) {
    put_bytes(file, bytes);
    CHECK_MESSAGE(!read_cache(dir.path, key), what);
    CHECK_MESSAGE(!read_cache_mapped(dir.path, key), what);
  }
  // A folder where the file belongs is a miss too.
  fs::remove(file);
  fs::create_directory(file);
  CHECK_FALSE(read_cache(dir.path, key));
  CHECK_FALSE(read_cache_mapped(dir.path, key));
  fs::remove(file);

  REQUIRE(write_cache(dir.path, key, payload()));
  CHECK(read_cache(dir.path, key));
  CHECK(read_cache_mapped(dir.path, key));
}

TEST_CASE("cache: a file's stamp is its path, size and times, so a touched or rewritten file re-keys unread") {
  TempDir dir;
  const fs::path file = dir.path / "leg.glb";
  put_bytes(file, std::vector<char>(5000, 'a'));
  auto stamp = [](const fs::path& p) {
    CacheKey key("leg", 1);
    REQUIRE(key.add_file_stamp(p));
    return key.value();
  };
  const std::uint64_t first = stamp(file);
  CHECK(stamp(file) == first);  // nothing changed: the same key, run after run
  // Another name for the same file (a relative path, a link to it) is the same file.
  fs::create_symlink(file, dir.path / "link.glb");
  CHECK(stamp(dir.path / "link.glb") == first);
  CHECK(stamp(dir.path / "." / "leg.glb") == first);

  // Touched (a new modification time, bytes unchanged): another key, as make would rebuild.
  const auto time = fs::last_write_time(file);
  fs::last_write_time(file, time + std::chrono::seconds(1));
  const std::uint64_t touched = stamp(file);
  CHECK(touched != first);
  // Rewritten with the same size and its modification time set back (as cp -p or tar leave a
  // file): the status-change time still differs, so another key again.
  put_bytes(file, std::vector<char>(5000, 'b'));
  fs::last_write_time(file, time + std::chrono::seconds(1));
  CHECK(stamp(file) != touched);
  // The same bytes under another path are another file.
  fs::copy_file(file, dir.path / "copy.glb");
  CHECK(stamp(dir.path / "copy.glb") != stamp(file));

  // No file, a folder or a FIFO: no key (the caller builds without the cache).
  CacheKey none("leg", 1);
  CHECK_FALSE(none.add_file_stamp(dir.path / "missing.glb"));
  CHECK_FALSE(none.add_file_stamp(dir.path));
  REQUIRE(::mkfifo((dir.path / "fifo.glb").c_str(), 0600) == 0);
  CHECK_FALSE(none.add_file_stamp(dir.path / "fifo.glb"));
}

TEST_CASE("cache: a mapped read gives the stored bytes under its own key only, and moves") {
  TempDir dir;
  CacheKey key("leg", 4);
  key.add(std::string_view("bytes"));
  REQUIRE(write_cache(dir.path, key, payload()));
  {
    const auto mapped = read_cache_mapped(dir.path, key);
    REQUIRE(mapped);
    const auto bytes = mapped->bytes();
    CHECK(std::vector<std::uint8_t>(bytes.begin(), bytes.end()) == payload());
  }
  CacheKey other("leg", 5);
  other.add(std::string_view("bytes"));
  CHECK_FALSE(read_cache_mapped(dir.path, other));  // no such file
  fs::copy_file(cache_file_path(dir.path, key), cache_file_path(dir.path, other));
  CHECK_FALSE(read_cache_mapped(dir.path, other));  // renamed: the key inside is another

  // Damaged files: the truncated/flipped/foreign case above checks both reads.
  auto moved = read_cache_mapped(dir.path, key);
  REQUIRE(moved);
  CachedBytes held = std::move(*moved);
  CHECK(moved->bytes().empty());
  CHECK(held.bytes().size() == payload().size());
}

TEST_CASE("cache: a new entry replaces the product's older ones and leaves other products alone") {
  TempDir dir;
  CacheKey old_leg("leg", 1), new_leg("leg", 2), client("client", 1), longer("leg-surface", 1);
  for (const auto* k : {&old_leg, &client, &longer}) REQUIRE(write_cache(dir.path, *k, payload()));
  REQUIRE(write_cache(dir.path, new_leg, payload()));
  CHECK_FALSE(fs::exists(cache_file_path(dir.path, old_leg)));
  CHECK(read_cache(dir.path, new_leg));
  CHECK(read_cache(dir.path, client));
  CHECK(read_cache(dir.path, longer));
}

TEST_CASE("cache: a folder that cannot be written only costs the store") {
  TempDir dir;
  CacheKey key("leg", 1);
  // A file where the folder should be.
  put_bytes(dir.path / "not-a-folder", {'x'});
  CHECK_FALSE(write_cache(dir.path / "not-a-folder", key, payload()));
  CHECK_FALSE(read_cache(dir.path / "not-a-folder", key));
  // A read-only folder (root ignores the mode, so only checked for other users).
  fs::create_directory(dir.path / "ro");
  fs::permissions(dir.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  if (::geteuid() != 0) CHECK_FALSE(write_cache(dir.path / "ro", key, payload()));
  CHECK_FALSE(read_cache(dir.path / "missing" / "deeper", key));
}

TEST_CASE("cache: the reader refuses counts that run past the bytes") {
  ByteWriter w;
  w.pod(std::uint64_t{1} << 40);  // a vector "of" 2^40 floats in 8 bytes
  ByteReader r(w.bytes());
  std::vector<float> v;
  CHECK_FALSE(r.vec(v));
  CHECK(v.empty());
  CHECK_FALSE(r.ok());
  std::string s;
  CHECK_FALSE(r.str(s));  // stays failed
}
