// --lang and --check-locales as a user meets them: an unknown language names the shipped ones
// and exits 2; the shipped locales are complete; a gap is listed and exits 2.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "../support/test_models.hpp"
#include "run_binary.hpp"

using effleura::test::run;

namespace {
const std::string kExe = EFFLEURA_EXE;
}  // namespace

TEST_CASE("--lang with an unknown language names the languages available and exits 2") {
  const auto shot = effleura::test::temp_dir("lang") / "never-written.png";
  auto r = run(kExe, "--lang xx --headless --screenshot '" + shot.string() + "'");
  CHECK_FALSE(std::filesystem::exists(shot));
  CHECK(r.status == 2);
  CHECK(r.err_lines() == 1);
  for (const char* id : {"xx", "en (English)", "es (Español)", "fr (Français)", "de (Deutsch)"})
    CHECK_MESSAGE(r.err.find(id) != std::string::npos, id, ": ", r.err);
}

TEST_CASE("--check-locales passes for the shipped languages and lists a missing text") {
  auto ok = run(kExe, "--check-locales");
  CHECK_MESSAGE(ok.status == 0, ok.out, ok.err);
  for (const char* line : {"es (Español): 0 missing", "fr (Français): 0 missing", "de (Deutsch): 0 missing"})
    CHECK_MESSAGE(ok.out.find(line) != std::string::npos, line, ": ", ok.out);
  // The areas' notes are checked against areas.toml, once per language.
  std::size_t notes = 0;
  for (auto at = ok.out.find("area notes (over areas.toml): 0 missing, 0 for"); at != std::string::npos;
       at = ok.out.find("area notes (over areas.toml): 0 missing, 0 for", at + 1))
    ++notes;
  CHECK_MESSAGE(notes == 3, ok.out);
  // One form of address per language throughout.
  for (const char* line : {"address \"tú\": 0 texts in the other form", "address \"vous\": 0 texts in the other form",
                           "address \"Sie\": 0 texts in the other form"})
    CHECK_MESSAGE(ok.out.find(line) != std::string::npos, line, ": ", ok.out);

  const auto content = effleura::test::temp_dir("check-locales") / "content";
  std::filesystem::create_directories(content / "locales");
  std::ofstream(content / "locales" / "en.toml") << "[locale]\nid = \"en\"\nname = \"English\"\n[a]\nb = \"B\"\nc = \"C {n}\"\nd = \"Show me\"\n";
  std::ofstream(content / "locales" / "de.toml") << "[locale]\nid = \"de\"\nname = \"Deutsch\"\n[a]\nc = \"C\"\nd = \"Zeig es mir\"\n";
  auto gap = run(kExe, "--check-locales --content '" + content.string() + "'");
  CHECK(gap.status == 2);
  CHECK_MESSAGE(gap.out.find("missing: a.b") != std::string::npos, gap.out);
  CHECK_MESSAGE(gap.out.find("placeholders differ: a.c") != std::string::npos, gap.out);
  CHECK_MESSAGE(gap.out.find("other form: a.d (\"Zeig\", line 6)") != std::string::npos, gap.out);
  CHECK_MESSAGE(gap.out.find("areas' notes ([area-notes.*]) are not checked") != std::string::npos, gap.out);

  // With the shipped areas.toml beside it, a language without the areas' notes is incomplete,
  // and the structure cards' keys are listed like any other text.
  std::filesystem::copy_file(std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/areas.toml", content / "areas.toml",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(content / "locales" / "en.toml") << "[locale]\nid = \"en\"\nname = \"English\"\n[card.muscle.soleus]\nwhat = \"W\"\n";
  std::ofstream(content / "locales" / "de.toml") << "[locale]\nid = \"de\"\nname = \"Deutsch\"\n[area-notes.shin]\ndescription = \"S\"\n";
  auto notes_gap = run(kExe, "--check-locales --content '" + content.string() + "'");
  CHECK(notes_gap.status == 2);
  CHECK_MESSAGE(notes_gap.out.find("missing: card.muscle.soleus.what") != std::string::npos, notes_gap.out);
  CHECK_MESSAGE(notes_gap.out.find("missing: area-notes.feet.description") != std::string::npos, notes_gap.out);
  CHECK_MESSAGE(notes_gap.out.find("missing: area-notes.shin.caution-1") != std::string::npos, notes_gap.out);
  CHECK_MESSAGE(notes_gap.out.find("missing: area-notes.shin.description") == std::string::npos, notes_gap.out);
}
