// Replays saved fuzz inputs through a fuzz target with the normal compiler: the corpus and
// every crash the fuzzer found become regression tests in ctest. Usage:
//   fuzz_replay TARGET FILE_OR_FOLDER...   (TARGET: model, content or toml)
// Prints the name of each input before running it, so a crash names the file.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_entry.hpp"

namespace effleura::fuzz {
namespace {
std::map<std::string, Target>& targets() {
  static std::map<std::string, Target> all;
  return all;
}
}  // namespace

bool register_target(const char* name, Target target) {
  targets()[name] = target;
  return true;
}
}  // namespace effleura::fuzz

int main(int argc, char** argv) {
  const auto& all = effleura::fuzz::targets();
  const auto target = argc > 1 ? all.find(argv[1]) : all.end();
  if (target == all.end()) {
    std::string names;
    for (const auto& [name, fn] : all) names += (names.empty() ? "" : ", ") + name;
    std::fprintf(stderr, "replay: expected a target (%s), then files or folders of saved inputs\n",
                 names.c_str());
    return 2;
  }
  std::vector<std::filesystem::path> inputs;
  for (int i = 2; i < argc; ++i) {
    if (std::filesystem::is_directory(argv[i])) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i]))
        if (e.is_regular_file()) inputs.push_back(e.path());
    } else {
      inputs.emplace_back(argv[i]);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs given (expected files or folders of saved fuzz inputs)\n");
    return 2;
  }
  for (const auto& path : inputs) {
    if (inputs.size() > 1) std::fprintf(stderr, "replay: %s\n", path.c_str());
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
      return 2;
    }
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    target->second(bytes.data(), bytes.size());
  }
  std::fprintf(stderr, "replay: %s: %zu inputs, none crashed\n", argv[1], inputs.size());
  return 0;
}
