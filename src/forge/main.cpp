// effleura-forge: builds assets/leg.glb from content/anatomy/, assets/hands.glb from the
// hand skeleton and assets/client.glb (body, drapes, table) from forge/client_shapes
// (design.md, "Executables").
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/files.hpp"
#include "forge/client_forge.hpp"
#include "forge/hand_forge.hpp"
#include "forge/leg_forge.hpp"

namespace {

constexpr const char* kUsage =
    "usage: effleura-forge [--part leg|hands|client] [--content DIR] [--out FILE] [--stature M] [--check FILE] [--help]\n"
    "  --part leg (the default) builds the anatomical leg from DIR/anatomy/*.toml and\n"
    "  DIR/areas.toml (DIR defaults to ./content) and writes it as binary glTF to FILE\n"
    "  (default assets/leg.glb).\n"
    "  --part hands builds the therapist's hands, a right and a left skinned to the hand\n"
    "  skeleton the animations use, and writes them to FILE (default assets/hands.glb).\n"
    "  --part client builds the rest of the client around the massaged leg (body, arms, the\n"
    "  other leg, the leg's skin from DIR/anatomy mirrored, drapes) and the massage table,\n"
    "  and writes them to FILE (default assets/client.glb).\n"
    "  --stature M   height of the person in metres (1.0 to 2.5; default 1.75; leg only)\n"
    "  --check FILE  build in memory and compare with FILE byte for byte; exit 1 if they differ\n"
    "  e.g. effleura-forge --part hands --check assets/hands.glb\n"
    "Exit status: 0 done, 1 check failed or writing failed, 2 bad input.\n";

int bad_input(const std::string& line) {
  std::fprintf(stderr, "effleura-forge: %s\n", line.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  effleura::forge::ForgeOptions options;
  std::filesystem::path out;
  std::filesystem::path check;
  std::string part = "leg";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string_view flag) -> const char* {
      if (i + 1 >= argc) return nullptr;
      (void)flag;
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--content" || arg == "--out" || arg == "--stature" || arg == "--check" || arg == "--part") {
      const char* v = value(arg);
      if (!v) return bad_input(std::string(arg) + " needs a value (see --help)");
      if (arg == "--part") {
        part = v;
        if (part != "leg" && part != "hands" && part != "client")
          return bad_input("--part: expected leg, hands or client, found \"" + part + "\"");
      } else if (arg == "--content") options.content_dir = v;
      else if (arg == "--out") out = v;
      else if (arg == "--check") check = v;
      else {
        char* end = nullptr;
        const double s = std::strtod(v, &end);
        if (end == v || *end != '\0' || !(s >= 1.0 && s <= 2.5))
          return bad_input("--stature: expected metres from 1.0 to 2.5, found \"" + std::string(v) + "\"");
        options.stature = static_cast<float>(s);
      }
    } else {
      return bad_input("unknown argument \"" + std::string(arg) + "\" (see --help)");
    }
  }
  options.progress = [](std::string_view line) {
    std::fprintf(stderr, "effleura-forge: %.*s\n", static_cast<int>(line.size()), line.data());
  };

  if (out.empty()) out = "assets/" + part + ".glb";

  effleura::Expected<std::vector<std::uint8_t>> bytes;
  std::size_t triangles = 0;
  if (part == "client") {
    effleura::forge::ClientForgeOptions client_options;
    client_options.content_dir = options.content_dir;
    client_options.progress = options.progress;
    bytes = effleura::forge::forge_client_glb(client_options, &triangles);
    if (!bytes) return bad_input(bytes.error().describe());
  } else if (part == "hands") {
    effleura::forge::HandForgeOptions hand_options;
    hand_options.progress = options.progress;
    bytes = effleura::forge::forge_hands_glb(hand_options, &triangles);
    if (!bytes) return bad_input(bytes.error().describe());
  } else {
    effleura::forge::ForgeReport report;
    bytes = effleura::forge::forge_leg_glb(options, &report);
    if (!bytes) return bad_input(bytes.error().describe());
    for (const auto& g : report.girths)
      std::fprintf(stderr, "effleura-forge: girth at %.3f m: %.1f mm (target %.1f, soft tissue %.1f mm)\n",
                   static_cast<double>(g.y), static_cast<double>(g.reached) * 1000.0,
                   static_cast<double>(g.target) * 1000.0, static_cast<double>(g.thickness) * 1000.0);
    triangles = report.triangles;
  }
  std::fprintf(stderr, "effleura-forge: %zu triangles, %zu bytes\n", triangles, bytes->size());

  if (!check.empty()) {
    auto existing = effleura::read_binary_file(check);
    if (!existing) return bad_input(existing.error().describe());
    if (*existing != *bytes) {
      std::fprintf(stderr, "effleura-forge: %s differs from what the forge builds now; run effleura-forge --part %s --out %s\n",
                   check.string().c_str(), part.c_str(), check.string().c_str());
      return 1;
    }
    std::fprintf(stderr, "effleura-forge: %s matches what the forge builds\n", check.string().c_str());
    return 0;
  }
  if (auto w = effleura::write_binary_file(out, bytes->data(), bytes->size()); !w) {
    std::fprintf(stderr, "effleura-forge: %s\n", w.error().describe().c_str());
    return 1;
  }
  std::fprintf(stderr, "effleura-forge: wrote %s\n", out.string().c_str());
  return 0;
}
