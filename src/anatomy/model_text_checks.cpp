#include "anatomy/model_text_checks.hpp"

#include <array>
#include <cctype>
#include <string>

namespace effleura::anatomy {
namespace {

// Assimp's line ends (ParsingUtils.h IsLineEnd) and spaces (IsSpace).
bool line_end(char c) { return c == '\n' || c == '\r' || c == '\f' || c == '\0'; }
bool space(char c) { return c == ' ' || c == '\t'; }

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view word) {
  if (at > text.size() || text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return true;
}

}  // namespace

bool assimp_reads_as_ply(std::string_view text) {
  std::size_t start = 0;
  // IOStreamBuffer::getNextLine skips a leading line end up to the first '\n'.
  if (!text.empty() && line_end(text[0])) {
    start = text.find('\n');
    if (start == std::string_view::npos) return false;
    ++start;
  }
  return starts_with_nocase(text, start, "ply");
}

bool assimp_reads_as_off(std::string_view text) { return starts_with_nocase(text, 0, "off"); }

// Assimp 5.2's PLY reader sizes the mesh's vertex arrays by the first vertex element and its
// faces by the first face (or tristrips) element, then writes every later one into them by its
// own row number: a second "element vertex" with more rows wrote past the array (a heap
// overflow, found by tests/fuzz/fuzz_model under glibc's malloc checks; it had damaged
// AddressSanitizer's own records in an earlier run). Its header lines are read into one reused
// buffer that keeps the tail of longer earlier lines, and after a comment, or after "element"
// ending a line, it parses that tail: an element named anywhere but at the start of a line can be
// read any number of times. So each of these elements is named once, at the start of a line.
Expected<void> check_ply_elements(std::string_view header) {
  std::size_t vertex = 0, face = 0;
  for (const std::string_view key : std::array<std::string_view, 2>{"element", "comment"}) {
    for (std::size_t at = header.find(key); at != std::string_view::npos; at = header.find(key, at + 1)) {
      std::size_t w = at + key.size();
      if (key == "element" && (w == header.size() || line_end(header[w])))
        return fail("PLY header: 'element' with nothing after it on its line");
      if (w == header.size() || !space(header[w])) continue;
      while (w < header.size() && space(header[w])) ++w;
      std::size_t e = w;
      while (e < header.size() && !space(header[e]) && !line_end(header[e])) ++e;
      const std::string_view name = header.substr(w, e - w);
      const bool is_vertex = name == "vertex";
      if (!is_vertex && name != "face" && name != "tristrips") continue;
      if (at > 0 && !line_end(header[at - 1]))
        return fail("PLY header: '" + std::string(key) + " " + std::string(name) +
                    "' must start its line (Assimp may read it again from inside a line)");
      // A comment at the start of a line is skipped; only an element counts.
      if (key == "element") ++(is_vertex ? vertex : face);
    }
  }
  if (vertex > 1) return fail("PLY header: more than one vertex element; Assimp reads only one");
  if (face > 1) return fail("PLY header: more than one face or tristrips element; Assimp reads only one");
  return {};
}

}  // namespace effleura::anatomy
