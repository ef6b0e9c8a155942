// Installed like desktop software (README "Installing"): `cmake --install` into a DESTDIR, the
// installed program run from there, the desktop entry, AppStream metadata, man page and the .deb.
// The tools used (desktop-file-validate, appstreamcli, dpkg-deb, xvfb-run) come from
// scripts/install-deps.sh; a missing one fails its test rather than skipping it.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/sanitizer.hpp"
#include "../support/test_models.hpp"
#include "run_binary.hpp"

using effleura::test::run;
namespace fs = std::filesystem;

namespace {

const std::string kAppId = EFFLEURA_APP_ID;
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

bool have(const char* tool) { return std::system(("command -v " + std::string(tool) + " >/dev/null 2>&1").c_str()) == 0; }

// The build installed once per test run, with /usr as its prefix, under a scratch DESTDIR.
fs::path installed_root() {
  static const fs::path root = [] {
    const auto dir = effleura::test::temp_dir("install") / "root";
    fs::remove_all(dir);
    auto r = run(EFFLEURA_CMAKE, "--install " + q(EFFLEURA_BINARY_DIR) + " --prefix /usr", "DESTDIR=" + q(dir));
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    return dir;
  }();
  return root;
}
fs::path usr() { return installed_root() / "usr"; }

std::string gunzip(const fs::path& p) { return run("gzip", "-dc " + q(p)).out; }

// Every option --help lists: the "--name" that starts each line of its option list.
std::vector<std::string> help_options(const std::string& help) {
  std::vector<std::string> options;
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  --", 0) != 0) continue;
    const auto end = line.find_first_of(" \t", 2);
    options.push_back(line.substr(2, end - 2));
  }
  return options;
}

// The names --help's "Environment:" section lists ("  EFFLEURA_SKIN_LOD=1  ..." -> EFFLEURA_SKIN_LOD).
std::vector<std::string> help_environment(const std::string& help) {
  std::vector<std::string> names;
  const auto at = help.find("\nEnvironment:\n");
  if (at == std::string::npos) return names;
  std::istringstream in(help.substr(at + 1));
  std::string line;
  std::getline(in, line);  // the heading
  while (std::getline(in, line) && !line.empty()) {
    if (line.rfind("  ", 0) != 0 || line[2] == ' ') continue;  // a description's second line
    names.push_back(line.substr(2, line.find_first_of(" =", 2) - 2));
  }
  return names;
}

}  // namespace

TEST_CASE("cmake --install puts the program, the forge, content and assets in the standard places") {
  for (const char* file : {"bin/effleura", "bin/effleura-forge", "share/effleura/content/areas.toml",
                           "share/effleura/content/lessons/circulation.toml", "share/effleura/assets/leg.glb",
                           "share/effleura/assets/hands.glb"})
    CHECK_MESSAGE(fs::is_regular_file(usr() / file), file);
  // Nothing lands next to the binary: content is found through ../share/effleura.
  CHECK_FALSE(fs::exists(usr() / "bin" / "content"));
  auto forge = run((usr() / "bin" / "effleura-forge").string(), "--help");
  CHECK(forge.status == 0);
  CHECK(forge.out.find("--part") != std::string::npos);
}

TEST_CASE("the installed program renders headless from its own share folder, not the build tree") {
  const auto work = effleura::test::temp_dir("install") / "elsewhere";
  fs::create_directories(work);
  const auto shot = work / "installed.png";
  fs::remove(shot);
  const std::string exe = (usr() / "bin" / "effleura").string();
  // Started from an unrelated folder, so neither ./content nor the build's links can be found.
  auto r = run(exe, "--headless --screenshot " + q(shot) +
                                                       " --size 320x180 --technique effleurage --at 2",
               "cd " + q(work) + " &&");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(effleura::test::png_size(shot) == std::pair{320, 180});

  // Take the installed assets away: the program must now fail naming that folder, which proves
  // it read them there and has no fallback into the source or build tree.
  const fs::path assets = usr() / "share" / "effleura" / "assets";
  const fs::path away = assets.string() + ".away";
  fs::rename(assets, away);
  auto missing = run(exe, "--headless --screenshot " + q(work / "none.png"), "cd " + q(work) + " &&");
  fs::rename(away, assets);
  CHECK(missing.status == 2);
  CHECK_MESSAGE(missing.err.find(assets.string() + "/leg.glb") != std::string::npos, missing.err);
  // And it says where else it looked and what to do (before: only "model file not found").
  CHECK_MESSAGE(missing.err.find("looked in " + (usr() / "bin" / "assets").string() + " and " + assets.string()) !=
                    std::string::npos,
                missing.err);
  CHECK_MESSAGE(missing.err.find("--assets DIR") != std::string::npos, missing.err);
}

// The desktop entry and the .deb test packaging, not memory: they run in the Release pass only
// (under the sanitizers they were 12.3 s and 19.5 s of CI's sanitized pass, mostly cpack and
// the validators); the window itself runs sanitized in "the window opens, draws and closes
// under a virtual X server" (effleura_cli_test.cpp).
TEST_CASE("the desktop entry validates, names the installed icon, and its Exec line starts the program" *
          doctest::skip(effleura::test::kSanitized)) {
  const auto desktop = usr() / "share" / "applications" / (kAppId + ".desktop");
  REQUIRE(fs::is_regular_file(desktop));
  REQUIRE_MESSAGE(have("desktop-file-validate"), "desktop-file-validate missing: run scripts/install-deps.sh");
  auto v = run("desktop-file-validate", q(desktop));
  CHECK_MESSAGE(v.status == 0, v.out, v.err);
  CHECK_MESSAGE(v.out.empty(), v.out);  // not even a hint

  std::string exec, icon;
  std::istringstream in(effleura::test::slurp(desktop));
  for (std::string line; std::getline(in, line) && !line.starts_with("[Desktop Action");) {
    if (line.starts_with("Exec=")) exec = line.substr(5);
    if (line.starts_with("Icon=")) icon = line.substr(5);
  }
  CHECK(exec == "effleura");
  CHECK(icon == kAppId);
  const auto icons = usr() / "share" / "icons" / "hicolor";
  CHECK(effleura::test::slurp(icons / "scalable" / "apps" / (icon + ".svg")) ==
        effleura::test::slurp(fs::path(EFFLEURA_SOURCE_DIR) / "packaging" / "effleura.svg"));
  if (EFFLEURA_ICON_PNG) {
    std::istringstream sizes(EFFLEURA_ICON_SIZES);
    for (std::string s; sizes >> s;) {
      const std::pair<int, int> square{std::stoi(s), std::stoi(s)};
      CHECK_MESSAGE(effleura::test::png_size(icons / (s + "x" + s) / "apps" / (icon + ".png")) == square, s);
    }
  }

  // The menu's command, found on a PATH that holds only the installed bin folder first, in a
  // window under a virtual X server; --frames closes it after a few frames.
  REQUIRE_MESSAGE(have("xvfb-run"), "xvfb-run missing: run scripts/install-deps.sh");
  auto w = run("xvfb-run", "-a -s '-screen 0 1280x800x24' sh -c " + q(exec + " --frames 10"),
               "PATH=" + q(usr() / "bin") + ":/usr/bin:/bin");
  CHECK_MESSAGE(w.status == 0, w.err);
}

TEST_CASE("appstreamcli validates the installed metainfo, which launches the installed desktop entry") {
  const auto metainfo = usr() / "share" / "metainfo" / (kAppId + ".metainfo.xml");
  REQUIRE(fs::is_regular_file(metainfo));
  REQUIRE_MESSAGE(have("appstreamcli"), "appstreamcli missing: run scripts/install-deps.sh");
  auto v = run("appstreamcli", "validate --no-net " + q(metainfo));
  CHECK_MESSAGE(v.status == 0, v.out, v.err);
  const auto xml = effleura::test::slurp(metainfo);
  CHECK(xml.find("<launchable type=\"desktop-id\">" + kAppId + ".desktop</launchable>") != std::string::npos);
  CHECK(xml.find("<binary>effleura</binary>") != std::string::npos);
  const auto version = run((usr() / "bin" / "effleura").string(), "--version").out;  // "effleura 0.1.0\n"
  CHECK(xml.find("<release version=\"" + version.substr(9, version.find('\n') - 9) + "\"") != std::string::npos);
}

TEST_CASE("the man page lists every option --help prints") {
  const auto page_gz = usr() / "share" / "man" / "man1" / "effleura.1.gz";
  REQUIRE(fs::is_regular_file(page_gz));
  std::string page = gunzip(page_gz);
  // roff writes "-" as "\-"; read it back as the user sees it.
  for (std::size_t at; (at = page.find("\\-")) != std::string::npos;) page.erase(at, 1);
  const auto help = run((usr() / "bin" / "effleura").string(), "--help").out;
  const auto options = help_options(help);
  CHECK(options.size() >= 30);  // the parse found the option list
  for (const auto& option : options)  // each one a tagged paragraph of its own
    CHECK_MESSAGE(page.find(".TP\n\\fB" + option + "\\fR") != std::string::npos, option);
  CHECK(page.find("not medical advice") != std::string::npos);
  const auto version = run((usr() / "bin" / "effleura").string(), "--version").out;
  CHECK(page.find("\"" + version.substr(0, version.find('\n')) + "\"") != std::string::npos);  // in .TH
  // The environment section is --help's, each variable once: a second, hand-written entry in
  // packaging/effleura.h2m.in went stale (it gave x264's preset as veryfast, the default since
  // session 22 is ultrafast) and stood beside --help's own.
  const auto env_at = page.find(".SH ENVIRONMENT");
  REQUIRE(env_at != std::string::npos);
  const std::string env = page.substr(env_at, page.find(".SH", env_at + 1) - env_at);
  const auto vars = help_environment(help);
  CHECK(vars.size() >= 5);  // the parse found the list
  for (const auto& var : vars) {
    std::size_t count = 0;
    for (std::size_t at = env.find(var); at != std::string::npos; at = env.find(var, at + 1)) ++count;
    CHECK_MESSAGE(count == 1, var, " appears ", count, " times in the man page's ENVIRONMENT");
  }
}

// Release pass only, as the desktop entry above.
TEST_CASE("cpack makes a .deb that declares its libraries, Mesa, the font and ffmpeg, and holds the desktop files" *
          doctest::skip(effleura::test::kSanitized)) {
  const auto out = effleura::test::temp_dir("install") / "deb";
  fs::remove_all(out);
  auto p = run(EFFLEURA_CPACK, "--config " + q(fs::path(EFFLEURA_BINARY_DIR) / "CPackConfig.cmake") + " -B " + q(out));
  REQUIRE_MESSAGE(p.status == 0, p.out, p.err);
  fs::path deb;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().extension() == ".deb") deb = e.path();
  REQUIRE_MESSAGE(!deb.empty(), p.out);
  CHECK(deb.filename().string().starts_with("effleura_"));

  auto field = [&](const char* name) { return run("dpkg-deb", "-f " + q(deb) + " " + name).out; };
  CHECK(field("Package") == "effleura\n");
  const auto depends = field("Depends");
  // From dpkg-shlibdeps (what the binary links) and declared by hand (what it loads at run time).
  for (const char* pkg : {"libc6", "libstdc++6", "libglfw3", "libassimp5", "libegl1", "libtomlplusplus3",
                          "libegl-mesa0", "libgl1-mesa-dri", "fonts-dejavu-core"})
    CHECK_MESSAGE(depends.find(pkg) != std::string::npos, pkg, " not in: ", depends);
  CHECK(field("Recommends").find("ffmpeg") != std::string::npos);

  const auto files = run("dpkg-deb", "-c " + q(deb)).out;
  for (const std::string& f : std::vector<std::string>{"./usr/bin/effleura", "./usr/share/effleura/assets/leg.glb",
                              "./usr/share/effleura/content/techniques/", "./usr/share/applications/" + kAppId + ".desktop",
                              "./usr/share/metainfo/" + kAppId + ".metainfo.xml",
                              "./usr/share/icons/hicolor/scalable/apps/" + kAppId + ".svg",
                              "./usr/share/man/man1/effleura.1.gz"})
    CHECK_MESSAGE(files.find(f) != std::string::npos, f);
  CHECK(files.find("effleura-forge") == std::string::npos);  // a developer's tool, not shipped
}
