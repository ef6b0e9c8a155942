// The layers of docs/design.md, enforced: every #include in src/ names only its own layer or a
// layer below it, OpenGL, EGL and GLFW appear only in render and app, Dear ImGui only in ui and
// app. A new folder under src/ fails the test until it is given a row in the table below.
// EFFLEURA_LAYERS_SRC=DIR checks another tree (used to show that the test fails on a scratch
// copy with an upward include).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct LayerRule {
  std::set<std::string> may_include;  // layers whose headers it may include, itself among them
  bool gl = false;                    // <glad/...>, <GL/...>, <EGL/...>, <GLFW/...>
  bool imgui = false;                 // <imgui.h>, <backends/...>
};

// The link order of CMakeLists.txt's layer libraries, which design.md's table describes.
const std::map<std::string, LayerRule>& layer_rules() {
  static const std::map<std::string, LayerRule> rules = {
      {"core", {{"core"}}},
      {"anatomy", {{"core", "anatomy"}}},
      {"technique", {{"core", "anatomy", "technique"}}},
      {"flow", {{"core", "anatomy", "flow"}}},
      {"forge", {{"core", "anatomy", "technique", "forge"}}},
      {"practice", {{"core", "anatomy", "technique", "flow", "practice"}}},
      {"lesson", {{"core", "anatomy", "technique", "lesson"}}},
      {"render", {{"core", "anatomy", "technique", "flow", "render"}, true}},
      // ui draws with ImGui (its OpenGL 3 backend for headless captions) but no GL of its own.
      {"ui", {{"core", "anatomy", "technique", "flow", "render", "lesson", "practice", "ui"}, false, true}},
      {"app", {{"core", "anatomy", "technique", "flow", "forge", "render", "lesson", "practice", "ui", "app"}, true, true}},
  };
  return rules;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// One line per include that breaks a rule: "src/flow/x.cpp:3: flow may not include render/...".
std::vector<std::string> check_layers(const fs::path& src) {
  std::vector<std::string> problems;
  if (!fs::is_directory(src)) return {src.string() + ": not a folder"};
  for (const auto& top : fs::directory_iterator(src)) {
    if (!top.is_directory()) continue;
    const std::string layer = top.path().filename().string();
    const auto rule = layer_rules().find(layer);
    if (rule == layer_rules().end()) {
      problems.push_back("src/" + layer + ": a folder with no row in the layer table");
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(top.path())) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h")) continue;
      std::ifstream in(entry.path());
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        const auto hash = line.find_first_not_of(" \t");
        if (hash == std::string::npos || line.compare(hash, 8, "#include") != 0) continue;
        const auto open = line.find_first_of("\"<", hash + 8);
        if (open == std::string::npos) continue;
        const auto close = line.find(line[open] == '"' ? '"' : '>', open + 1);
        const std::string target = line.substr(open + 1, close - open - 1);
        const std::string where =
            "src/" + fs::relative(entry.path(), src).generic_string() + ":" + std::to_string(n) + ": " + layer;
        if (line[open] == '"') {
          const auto slash = target.find('/');
          const std::string to = slash == std::string::npos ? std::string() : target.substr(0, slash);
          if (layer_rules().count(to) && !rule->second.may_include.count(to))
            problems.push_back(where + " may not include " + target);
        } else {
          const bool gl = starts_with(target, "glad/") || starts_with(target, "GL/") || starts_with(target, "EGL/") ||
                          starts_with(target, "GLFW/");
          const bool imgui = starts_with(target, "imgui") || starts_with(target, "backends/");
          if (gl && !rule->second.gl) problems.push_back(where + " may not include OpenGL, EGL or GLFW: " + target);
          if (imgui && !rule->second.imgui) problems.push_back(where + " may not include Dear ImGui: " + target);
        }
      }
    }
  }
  return problems;
}

std::string joined(const std::vector<std::string>& lines) {
  std::ostringstream out;
  for (const auto& l : lines) out << l << "\n";
  return out.str();
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("every include in src/ stays in its layer or below") {
  const char* other = std::getenv("EFFLEURA_LAYERS_SRC");
  const fs::path src = other ? fs::path(other) : fs::path(EFFLEURA_SOURCE_DIR) / "src";
  // The tree must be the real one: a renamed folder must not make the check pass vacuously.
  REQUIRE(fs::exists(src / "core" / "error.hpp"));
  const auto problems = check_layers(src);
  CHECK_MESSAGE(problems.empty(), joined(problems));
}

TEST_CASE("the layer check catches an upward include, GL below render, ImGui outside ui and a new folder") {
  const fs::path root = fs::temp_directory_path() / ("effleura-layers-" + std::to_string(std::rand()));
  fs::remove_all(root);
  write(root / "core/ok.hpp", "#include \"core/error.hpp\"\n#include <glm/vec3.hpp>\n");
  write(root / "flow/up.cpp", "#include \"flow/x.hpp\"\n  #include \"render/renderer.hpp\"\n");
  write(root / "technique/gl.cpp", "#include <glad/gl.h>\n");
  write(root / "lesson/ui.cpp", "#include <imgui.h>\n");
  write(root / "app/fine.cpp", "#include \"render/gl.hpp\"\n#include <GLFW/glfw3.h>\n#include <imgui.h>\n");
  write(root / "newlayer/new.cpp", "#include \"core/error.hpp\"\n");
  const auto problems = check_layers(root);
  fs::remove_all(root);
  INFO(joined(problems));
  REQUIRE(problems.size() == 4);
  const std::string all = joined(problems);
  CHECK(all.find("src/flow/up.cpp:2: flow may not include render/renderer.hpp") != std::string::npos);
  CHECK(all.find("src/technique/gl.cpp:1: technique may not include OpenGL") != std::string::npos);
  CHECK(all.find("src/lesson/ui.cpp:1: lesson may not include Dear ImGui") != std::string::npos);
  CHECK(all.find("src/newlayer: a folder with no row") != std::string::npos);
}
