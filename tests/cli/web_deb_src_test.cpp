// scripts/web-deb-src.sh (README "In the browser"): the deb-src entry the web build's
// `apt-get source` needs, written as root, through `sudo -n`, or not at all with the commands
// to run printed. The build machine runs as root, so the other paths are run here with
// stand-ins for id, sudo, apt-cache and apt-get on PATH (nothing real is installed or written:
// the entry goes to a scratch file through EFFLEURA_DEB_SRC_LIST).
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/test_models.hpp"
#include "run_binary.hpp"

using effleura::test::run;
namespace fs = std::filesystem;

namespace {

void write_tool(const fs::path& dir, const std::string& name, const std::string& body) {
  const fs::path p = dir / name;
  std::ofstream(p) << "#!/bin/sh\n" << body;
  fs::permissions(p, fs::perms::owner_all);
}

struct Stage {
  fs::path dir, bin, list, log;
};

// A scratch folder with its own PATH: the real bash, tee, sed and grep, and stand-ins that log
// what they were asked. uid: what `id -u` says; sudo: "yes" (sudo -n works), "no" (it asks
// for a password, so -n fails) or "" (no sudo installed); known: apt-cache already lists imgui.
Stage stage(const char* name, const std::string& uid, const std::string& sudo, bool known) {
  Stage s;
  s.dir = effleura::test::temp_dir(name);
  s.bin = s.dir / "bin";
  s.list = s.dir / "effleura-deb-src.sources";
  s.log = s.dir / "log.txt";
  fs::remove_all(s.bin);
  fs::remove(s.list);
  fs::remove(s.log);
  fs::create_directories(s.bin);
  for (const char* tool : {"bash", "tee", "sed", "grep"})
    for (const char* at : {"/usr/bin/", "/bin/"})
      if (fs::exists(fs::path(at) / tool) && !fs::exists(s.bin / tool)) {
        fs::create_symlink(fs::path(at) / tool, s.bin / tool);
      }
  const std::string log = "'" + s.log.string() + "'";
  write_tool(s.bin, "id", "[ \"$1\" = -u ] && echo " + uid + "\n");
  write_tool(s.bin, "apt-cache", known ? "echo 'Package: imgui'\n" : "exit 0\n");
  write_tool(s.bin, "apt-get", "echo \"apt-get${VIA_SUDO:+ (via sudo)} $*\" >>" + log + "\n");
  if (!sudo.empty()) {
    write_tool(s.bin, "sudo",
               "echo \"sudo $*\" >>" + log + "\n" + (sudo == "yes" ? "" : "exit 1\n") +
                   "[ \"$1\" = -n ] || exit 2\nshift\n[ \"$1\" = true ] && exit 0\nVIA_SUDO=1 exec \"$@\"\n");
  }
  return s;
}

effleura::test::RunResult run_script(const Stage& s) {
  return run(std::string(EFFLEURA_SOURCE_DIR) + "/scripts/web-deb-src.sh", "",
             "env -i PATH='" + s.bin.string() + "' EFFLEURA_DEB_SRC_LIST='" + s.list.string() + "'");
}

std::string read(const fs::path& p) { return fs::exists(p) ? effleura::test::slurp(p) : std::string(); }

// The entry apt reads: a deb-src line for Debian 12's main component.
void check_entry(const std::string& text) {
  CHECK(text.find("Types: deb-src\n") != std::string::npos);
  CHECK(text.find("URIs: http://deb.debian.org/debian\n") != std::string::npos);
  CHECK(text.find("Suites: bookworm\n") != std::string::npos);
  CHECK(text.find("Components: main\n") != std::string::npos);
}

}  // namespace

TEST_CASE("web-deb-src.sh as root writes the deb-src entry and updates apt without sudo") {
  const Stage s = stage("deb-src-root", "0", "yes", false);
  const auto r = run_script(s);
  INFO(r.err);
  CHECK(r.status == 0);
  check_entry(read(s.list));
  CHECK(read(s.log) == "apt-get update -qq\n");  // no sudo asked
}

TEST_CASE("web-deb-src.sh as a user with sudo -n writes the entry and updates apt through sudo") {
  const Stage s = stage("deb-src-sudo", "1000", "yes", false);
  const auto r = run_script(s);
  INFO(r.err);
  CHECK(r.status == 0);
  check_entry(read(s.list));
  CHECK(read(s.log) == "sudo -n true\nsudo -n tee " + s.list.string() +
                           "\nsudo -n apt-get update -qq\napt-get (via sudo) update -qq\n");
}

TEST_CASE("web-deb-src.sh as a user whom sudo asks for a password prints the entry and stops") {
  for (const char* sudo : {"no", ""}) {  // sudo needs a password, or there is no sudo at all
    CAPTURE(sudo);
    const Stage s = stage("deb-src-user", "1000", sudo, false);
    const auto r = run_script(s);
    CHECK(r.status == 1);
    CHECK(!fs::exists(s.list));
    CHECK(r.err.find("as root, write " + s.list.string()) != std::string::npos);
    CHECK(r.err.find("  Types: deb-src\n") != std::string::npos);
    CHECK(r.err.find("then run apt-get update") != std::string::npos);
    CHECK(read(s.log) == (*sudo ? "sudo -n true\n" : ""));  // apt-get never ran
  }
}

TEST_CASE("web-deb-src.sh does nothing when apt already knows the source packages") {
  const Stage s = stage("deb-src-known", "1000", "no", true);
  const auto r = run_script(s);
  CHECK(r.status == 0);
  CHECK(!fs::exists(s.list));
  CHECK(read(s.log).empty());
}
