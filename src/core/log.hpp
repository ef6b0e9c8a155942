#pragma once
// Minimal levelled logging to stderr. Quiet by default so CLI output stays one clear line.
#include <string_view>

namespace effleura::log {

enum class Level { debug, info, warn, error };

void set_level(Level level);
Level level();
void write(Level level, std::string_view message);

inline void debug(std::string_view m) { write(Level::debug, m); }
inline void info(std::string_view m) { write(Level::info, m); }
inline void warn(std::string_view m) { write(Level::warn, m); }
inline void error(std::string_view m) { write(Level::error, m); }

}  // namespace effleura::log
