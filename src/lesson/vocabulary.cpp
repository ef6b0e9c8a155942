#include "lesson/vocabulary.hpp"

namespace effleura::lesson {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace effleura::lesson
