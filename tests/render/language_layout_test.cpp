// The interface in another language, headless at 1280x720: the font has a glyph for every
// character the shipped locales use (accents, ß, œ, ’), and the German lesson panel, the
// longest texts, stays inside the window with its feedback and buttons in view. With
// EFFLEURA_LAYOUT_SHOTS=<folder> Spanish and French are laid out too and each is written as a PNG.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/context.hpp"
#include "app/frame.hpp"
#include "lesson/locale_check.hpp"
#include "render/image.hpp"
#include "scene_render_support.hpp"
#include "../support/lesson_question.hpp"

using namespace effleura;

namespace {

// Windows keep their English ids in every language ("Vista###View").
ImRect window_rect(const char* id) {
  const ImGuiWindow* w = ImGui::FindWindowByName(id);
  REQUIRE_MESSAGE(w != nullptr, id);
  REQUIRE_MESSAGE(w->Active, id);
  return {w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)};
}

// Decodes UTF-8 (the locale files are UTF-8; toml++ checked them when they loaded).
std::vector<unsigned> code_points(const std::string& s) {
  std::vector<unsigned> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

}  // namespace

TEST_CASE("each shipped language lays out its lesson panel inside the window, every glyph in the font") {
  const bool shots = std::getenv("EFFLEURA_LAYOUT_SHOTS") != nullptr;
  // German has the longest words; the others only when pictures are asked for (CI time).
  const std::vector<std::string> languages = shots ? std::vector<std::string>{"es", "fr", "de"} : std::vector<std::string>{"de"};
  const glm::ivec2 size{1280, 720};
  for (const std::string& lang : languages) {
    CAPTURE(lang);
    app::Options options = test::source_options();
    options.size = size;
    options.lang = lang;
    app::Context ctx;
    test::load_circulation_lesson(ctx, options);
    REQUIRE(app::open_headless(ctx) == 0);
    lesson::LessonPlayer& player = test::step_to_question(ctx, lesson::QuestionKind::choice);
    test::answer_wrong(ctx, 4);
    REQUIRE(player.presenter().feedback.has_value());
    // Every character of the language's texts has its own glyph (not the missing-glyph box);
    // the font is baked at the first frame.
    // Every shipped language's, not only this one's: French brings œ and ’ (outside Latin-1).
    REQUIRE(ImGui::GetIO().Fonts->Fonts.Size > 0);
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const auto dir = std::filesystem::path(EFFLEURA_SOURCE_DIR) / "content/locales";
    std::string missing;  // one check for all the characters (thousands), naming the first few
    int characters = 0;
    for (const auto& shipped : lesson::available_languages(dir)) {
      auto locale = lesson::load_locale(dir / (shipped.id + ".toml"));
      REQUIRE(locale.has_value());
      for (const auto& [key, entry] : locale->entries())
        for (unsigned cp : code_points(entry.text)) {
          ++characters;
          if (cp >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) && missing.size() < 200)
            missing += shipped.id + " " + key + " U+" + std::to_string(cp) + "; ";
        }
    }
    CHECK(characters > 40000);
    CHECK_MESSAGE(missing.empty(), missing);

    for (const char* id : {"###View", "###Lesson"}) {
      const ImRect r = window_rect(id);
      CAPTURE(id);
      CHECK(r.Min.x >= 0.0f);
      CHECK(r.Min.y >= 0.0f);
      CHECK(r.Max.x <= static_cast<float>(size.x));
      CHECK(r.Max.y <= static_cast<float>(size.y));
    }
    const ImGuiWindow* lesson_window = ImGui::FindWindowByName("###Lesson");
    CHECK(lesson_window->ScrollMax.y == 0.0f);  // feedback and buttons not scrolled away
    CHECK(lesson_window->ScrollMax.x == 0.0f);  // no word runs past the panel's edge
    if (shots) {
      const std::string file = std::string(std::getenv("EFFLEURA_LAYOUT_SHOTS")) + "/language-" + lang + ".png";
      CHECK(render::write_png(ctx.platform->target().capture(), file).has_value());
    }
  }
}
