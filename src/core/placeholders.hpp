#pragma once
// {name} placeholders in a sentence filled with their values: the interface's translated texts
// (ui::trf) and the practice grading's sentences (practice::phrase) use the same form, checked
// per language by lesson::placeholders.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace effleura {

// Every {name} in `text` replaced by its value; a value that itself holds "{name}" is not
// filled again (the search goes on after it).
inline std::string fill_placeholders(std::string text,
                                     const std::vector<std::pair<std::string_view, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string slot = "{" + std::string(name) + "}";
    for (std::size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  }
  return text;
}

}  // namespace effleura
