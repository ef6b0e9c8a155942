#include "ui/technique_texts.hpp"

#include "ui/tr.hpp"

namespace effleura::ui {
namespace {

std::string or_else(const char* found, std::string_view fallback) { return found ? std::string(found) : std::string(fallback); }

}  // namespace

std::string technique_name(std::string_view id, const std::string& file_name) {
  return or_else(tr_find("technique." + std::string(id) + ".name"), file_name);
}

std::string direction_words(std::string_view id) { return or_else(tr_find("direction." + std::string(id)), id); }

std::string pressure_words(std::string_view id) { return or_else(tr_find("pressure." + std::string(id)), id); }

}  // namespace effleura::ui
