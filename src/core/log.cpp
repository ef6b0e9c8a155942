#include "core/log.hpp"

#include <atomic>
#include <cstdio>

namespace effleura::log {
namespace {
std::atomic<Level> g_level{Level::warn};
constexpr const char* kNames[] = {"debug", "info", "warning", "error"};
}  // namespace

void set_level(Level l) { g_level = l; }
Level level() { return g_level; }

void write(Level l, std::string_view message) {
  if (l < g_level.load()) return;
  std::fprintf(stderr, "effleura: %s: %.*s\n", kNames[static_cast<int>(l)],
               static_cast<int>(message.size()), message.data());
}

}  // namespace effleura::log
