#pragma once
// Errors as values with context (style.md "Borrow" 5): the place that reads a file builds an
// Error naming file:line:column and the key; one place (the app) decides to show, log or exit.
#include <expected>
#include <string>
#include <utility>

namespace effleura {

struct Error {
  std::string message;   // what went wrong and what was expected, in plain words
  std::string file;      // path of the file at fault, empty if none
  int line = 0;          // 1-based; 0 when unknown
  int column = 0;        // 1-based; 0 when unknown
  std::string key;       // the content key at fault ("techniques.effleurage.tempo"), may be empty

  // "file:line:column: key: message", leaving out the parts that are unknown.
  [[nodiscard]] std::string describe() const;
};

template <class T>
using Expected = std::expected<T, Error>;

// Shorthand for returning an error from a function that yields Expected<T>.
[[nodiscard]] inline std::unexpected<Error> fail(std::string message, std::string file = {},
                                                 int line = 0, int column = 0,
                                                 std::string key = {}) {
  return std::unexpected(Error{std::move(message), std::move(file), line, column, std::move(key)});
}

}  // namespace effleura
