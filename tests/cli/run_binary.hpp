#pragma once
// Runs a built binary with arguments and an optional environment prefix, capturing its exit
// status, stdout and stderr.
#include "../support/scratch_dir.hpp"
#include "../support/test_paths.hpp"
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>
#include <sys/wait.h>

namespace effleura::test {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
  [[nodiscard]] int err_lines() const {
    int n = 0;
    for (char c : err) n += c == '\n';
    return n;
  }
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline RunResult run(const std::string& exe, const std::string& args, const std::string& env = "") {
  const auto dir = temp_dir("cli-run");
  const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string cmd = env + (env.empty() ? "" : " ") + "'" + exe + "' " + args + " >'" + out.string() +
                          "' 2>'" + err.string() + "' </dev/null";
  const int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// The number that follows `label` in `text` (after spaces, a colon or a quote), or `missing`.
// Plain string search: std::regex trips GCC 12's uninitialised-use warning under ASan.
inline double number_after(const std::string& text, const std::string& label, double missing = -1e9) {
  const auto at = text.find(label);
  if (at == std::string::npos) return missing;
  std::size_t i = at + label.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == '"' || text[i] == '\t')) ++i;
  const char* start = text.c_str() + i;
  char* end = nullptr;
  const double v = std::strtod(start, &end);
  return end == start ? missing : v;
}

// Width and height from a PNG's IHDR chunk, or {0,0} if the file is not a PNG.
inline std::pair<int, int> png_size(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  unsigned char h[24] = {};
  in.read(reinterpret_cast<char*>(h), 24);
  if (!in || h[1] != 'P' || h[2] != 'N' || h[3] != 'G') return {0, 0};
  auto be = [&](int o) { return (h[o] << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]; };
  return {be(16), be(20)};
}

}  // namespace effleura::test
