#include "core/error.hpp"

#include <algorithm>

namespace effleura {
namespace {

// Messages can quote what a file or the command line held (a bad value, a key, a name): shown
// on one line and cut to a length a person reads, so a hostile value of a million characters
// or many lines cannot flood the terminal or the status bar.
std::string one_line(const std::string& text, std::size_t max) {
  std::string out;
  out.reserve(std::min(text.size(), max + 5));
  auto append = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const auto u = static_cast<unsigned char>(text[i]);
      out.push_back(u < 0x20 || u == 0x7f ? ' ' : text[i]);
    }
  };
  if (text.size() <= max) {
    append(0, text.size());
  } else {  // the start and the end, where the option and what was expected are named
    append(0, max * 2 / 3);
    out += " ... ";
    append(text.size() - max / 3, text.size());
  }
  return out;
}

}  // namespace

std::string Error::describe() const {
  std::string out;
  if (!file.empty()) {
    out += one_line(file, 300);
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  if (!key.empty()) out += one_line(key, 200) + ": ";
  out += one_line(message, 600);
  return out;
}

}  // namespace effleura
