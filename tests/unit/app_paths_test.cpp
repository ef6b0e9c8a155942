// Where the program finds its content and assets when no flag names them (app/paths.hpp): from
// its own folder, read through /proc/self/exe, or, where /proc is not mounted (a bare chroot,
// seen in session 21's .deb check), through the name it was started by. A folder not found is
// reported with every place looked in and the flag to use (it said only "model file not found").
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../support/temp_dir.hpp"
#include "app/paths.hpp"
#include "app/data_search.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

// An installed tree: usr/bin/effleura (an executable file) and usr/share/effleura/{content,assets}.
struct InstalledTree {
  test::TempDir tmp{"effleura-paths"};
  fs::path bin = tmp.path / "usr" / "bin";
  fs::path share = tmp.path / "usr" / "share" / "effleura";
  fs::path elsewhere = tmp.path / "elsewhere";  // the working folder: holds nothing
  InstalledTree() {
    fs::create_directories(bin);
    fs::create_directories(share / "content");
    fs::create_directories(share / "assets");
    fs::create_directories(elsewhere);
    std::ofstream(bin / "effleura") << "#!/bin/sh\n";
    fs::permissions(bin / "effleura", fs::perms::owner_all);
    bin = fs::canonical(bin);
    share = fs::canonical(share);
  }
  // As the program sees itself without /proc: the link missing, started by its bare name.
  [[nodiscard]] app::ProgramPlace without_proc(std::string invoked = "effleura") const {
    return {tmp.path / "no-proc" / "self" / "exe", std::move(invoked), "/nonexistent/bin::" + bin.string(), elsewhere};
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("without /proc the installed program finds its share folder through its name on PATH") {
  InstalledTree tree;
  const app::ProgramPlace place = tree.without_proc();
  REQUIRE(app::program_dir(place) == tree.bin);
  for (const char* name : {"content", "assets"}) {
    const app::DataSearch s = app::find_data_folder(name, place);
    CHECK_MESSAGE(s.found, name);
    CHECK(s.chosen == tree.share / name);
    CHECK_FALSE(s.proc_read);
  }
  // Started by a path (relative to the working folder), not a bare name: the same folder.
  const app::ProgramPlace by_path = tree.without_proc("../usr/bin/effleura");
  CHECK(app::program_dir(by_path) == tree.bin);
  CHECK(app::find_data_folder("assets", by_path).chosen == tree.share / "assets");
}

TEST_CASE("/proc/self/exe, when it can be read, wins over the name, and is followed through its link") {
  InstalledTree tree;
  app::ProgramPlace place = tree.without_proc("some-other-name");
  fs::create_directories(place.self_link.parent_path());
  fs::create_symlink(tree.bin / "effleura", place.self_link);  // what /proc/self/exe is: a link
  const app::DataSearch s = app::find_data_folder("content", place);
  CHECK(s.proc_read);
  CHECK(s.found);
  CHECK(s.chosen == tree.share / "content");
}

TEST_CASE("a data folder not found is reported with every place looked in and the flag to use") {
  InstalledTree tree;
  fs::remove_all(tree.share / "assets");
  const app::DataSearch s = app::find_data_folder("assets", tree.without_proc());
  CHECK_FALSE(s.found);
  REQUIRE(s.tried.size() == 2);
  CHECK(s.chosen == tree.share / "assets");  // an installed program's place: what the error names
  const std::string message = app::describe_missing("assets", "--assets", s);
  INFO(message);
  CHECK(has(message, (tree.bin / "assets").string()));
  CHECK(has(message, (tree.share / "assets").string()));
  CHECK(has(message, "/proc"));
  CHECK(has(message, "--assets DIR"));

  // Nothing says where the program is (no /proc, a name that is not on PATH): the working
  // folder is the only place, and the message says why it was the only one.
  const app::DataSearch lost = app::find_data_folder("content", tree.without_proc("not-installed"));
  CHECK_FALSE(lost.found);
  REQUIRE(lost.tried.size() == 1);
  CHECK(lost.tried[0] == tree.elsewhere / "content");
  const std::string said = app::describe_missing("content", "--content", lost);
  CHECK(has(said, (tree.elsewhere / "content").string()));
  CHECK(has(said, "only the working folder"));
  CHECK(has(said, "--content DIR"));
}
