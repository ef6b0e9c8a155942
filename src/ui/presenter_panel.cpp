#include "ui/presenter_panel.hpp"

#include <algorithm>
#include <cfloat>
#include <vector>

#include <imgui.h>

#include "ui/panel_layout.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {

std::string feedback_line(const lesson::Feedback& f) {
  // The lesson's own feedback usually opens with its verdict ("Right: ...", "No: ..."); add
  // one only when it does not, so it never reads "Right. Right: ...".
  // Each language lists its own openings (ui.lesson.verdict-openings); without loaded texts
  // (tools and tests that draw without app::load_content) the English ones apply.
  const std::string& t = f.text;
  if (!interface_locale()) {
    for (const char* verdict : {"Right", "Correct", "Yes", "No", "Not ", "Too ", "Look again", "Wrong"})
      if (t.rfind(verdict, 0) == 0) return t;
    return std::string(f.correct ? "Right. " : "Not quite. ") + t;
  }
  const std::string openings = tr("ui.lesson.verdict-openings");
  for (std::size_t at = 0; at <= openings.size();) {
    const std::size_t bar = std::min(openings.find('|', at), openings.size());
    if (bar > at && t.rfind(openings.substr(at, bar - at), 0) == 0) return t;
    at = bar + 1;
  }
  return std::string(tr(f.correct ? "ui.lesson.verdict-right" : "ui.lesson.verdict-wrong")) + " " + t;
}

namespace {

// A row of buttons that wraps onto further lines rather than run past the panel's edge;
// returns the one pressed.
std::optional<std::size_t> wrapped_buttons(const std::vector<std::string>& labels) {
  const ImGuiStyle& style = ImGui::GetStyle();
  std::optional<std::size_t> pressed;
  float x = 0.0f;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const float w = ImGui::CalcTextSize(labels[i].c_str()).x + 2.0f * style.FramePadding.x;
    if (i > 0 && x + style.ItemSpacing.x + w <= ImGui::GetContentRegionAvail().x + 0.5f) {
      ImGui::SameLine();
      x += style.ItemSpacing.x + w;
    } else {
      x = w;
    }
    if (ImGui::Button(labels[i].c_str())) pressed = i;
  }
  return pressed;
}

// The panel's height at a text scale and width, worked out from its texts before it is drawn
// (so a band is chosen that holds it, without waiting a frame to measure), the step's text
// counted at three lines at most (it scrolls in its box).
float panel_height(const lesson::PresenterView& v, float scale, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float fs = ImGui::GetFontSize() * scale;
  const float inner = width - 2.0f * style.WindowPadding.x;
  auto text_h = [&](const std::string& t, float w) { return ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, w, t.c_str()).y; };
  auto rows = [&](const std::vector<std::string>& labels) {  // as wrapped_buttons lays them out
    int n = labels.empty() ? 0 : 1;
    float x = 0.0f;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const float w = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, labels[i].c_str()).x + 2.0f * style.FramePadding.x;
      if (i > 0 && x + style.ItemSpacing.x + w <= inner + 0.5f) x += style.ItemSpacing.x + w;
      else { x = w; n += i > 0; }
    }
    return static_cast<float>(n) * (fs + 2.0f * style.FramePadding.y + style.ItemSpacing.y);
  };
  float h = 2.0f * style.WindowPadding.y + fs + style.ItemSpacing.y;  // the title line
  h += std::min(text_h(v.text, inner - style.ScrollbarSize), 3.0f * fs) + style.ItemSpacing.y;
  if (!v.question.empty()) {
    h += 2.0f * style.ItemSpacing.y + text_h(v.question, inner) + rows(v.choice_labels);
    if (v.feedback) {
      h += text_h(feedback_line(*v.feedback), inner) + style.ItemSpacing.y;
      if (!v.feedback->correct) h += text_h(trf("ui.lesson.answer", {{"answer", v.feedback->answer_label}}), inner) + style.ItemSpacing.y;
    }
  }
  h += 2.0f * style.ItemSpacing.y + rows({tr("ui.lesson.back"), tr("ui.lesson.replay"), tr("ui.lesson.next"), tr("ui.lesson.leave-presenter"),
                                                  trf("ui.lesson.score", {{"correct", "0"}, {"questions", "10"}})});
  return h;
}

}  // namespace

PresenterCommands draw_presenter_panel(const lesson::PresenterView& v, const lesson::Score& score, bool presenter,
                                       glm::vec4 working) {
  PresenterCommands c;
  PanelInput in = current_panel_input(presenter, working);
  in.presenter_height = [&v](float scale, float width) { return panel_height(v, scale, width); };
  const PanelPlace place = place_panel(Panel::lesson, in);
  set_next_panel(Panel::lesson, in);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 (presenter ? ImGuiWindowFlags_NoDecoration : ImGuiWindowFlags_NoCollapse);
  // The window's id stays "Lesson" in every language (tests find it by that name).
  const std::string shown_title = tr("ui.lesson.title");
  const std::string title = shown_title == "Lesson" ? shown_title : shown_title + "###Lesson";
  if (!ImGui::Begin(title.c_str(), nullptr, flags)) { ImGui::End(); return c; }
  remember_panel_height(Panel::lesson);
  const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  c.drawn = {at.x, at.y, at.x + size.x, at.y + size.y};
  // Presenter mode: text large enough for the back of a room, nothing else on screen.
  ImGui::SetWindowFontScale(presenter ? place.font_scale : 1.0f);
  ImGui::TextDisabled("%s   %s", v.title.c_str(), trf("ui.lesson.step", {{"progress", v.progress}}).c_str());

  // The step's text scrolls inside its own box when the panel has no room for all of it, so
  // the question, its feedback and the buttons below always stay in view.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float wrap_w = place.width - 2.0f * style.WindowPadding.x;
  const float text_h = ImGui::CalcTextSize(v.text.c_str(), nullptr, false, wrap_w - style.ScrollbarSize).y;
  // What follows the text (question, choices, feedback, buttons) as measured last frame, or
  // estimated on the first.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID below_id = ImGui::GetID("##below");
  float below = storage->GetFloat(below_id, 0.0f);
  if (below <= 0.0f) {
    below = 2.0f * ImGui::GetFrameHeightWithSpacing() + 2.0f * style.ItemSpacing.y;
    if (!v.question.empty()) {
      below += ImGui::CalcTextSize(v.question.c_str(), nullptr, false, wrap_w).y + ImGui::GetFrameHeightWithSpacing();
      if (v.feedback) below += 3.0f * line + ImGui::CalcTextSize(feedback_line(*v.feedback).c_str(), nullptr, false, wrap_w).y;
    }
  }
  const float above = ImGui::GetCursorPosY();
  const float room = place.max_height - above - below - style.WindowPadding.y - style.ItemSpacing.y;
  const float box_h = std::max(std::min(text_h + style.ItemSpacing.y, room), line);
  ImGui::BeginChild("##text", ImVec2(0.0f, box_h), false);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(v.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  const float below_start = ImGui::GetCursorPosY();

  ImGui::PushTextWrapPos(0.0f);
  if (!v.question.empty()) {
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.55f, 0.9f, 1.0f, 1.0f), "%s", v.question.c_str());
    if (auto chosen = wrapped_buttons(v.choice_labels)) c.answer = *chosen;
    if (v.feedback) {
      const ImVec4 colour = v.feedback->correct ? ImVec4(0.5f, 0.95f, 0.5f, 1.0f) : ImVec4(1.0f, 0.7f, 0.4f, 1.0f);
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      ImGui::TextUnformatted(feedback_line(*v.feedback).c_str());
      ImGui::PopStyleColor();
      if (!v.feedback->correct) ImGui::TextUnformatted(trf("ui.lesson.answer", {{"answer", v.feedback->answer_label}}).c_str());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  const std::vector<std::string> nav = {tr("ui.lesson.back"), tr("ui.lesson.replay"), tr("ui.lesson.next"),
                                        tr(presenter ? "ui.lesson.leave-presenter" : "ui.lesson.presenter")};
  if (auto pressed = wrapped_buttons(nav)) {
    c.back = *pressed == 0;
    c.replay = *pressed == 1;
    c.next = *pressed == 2;
    c.toggle_presenter = *pressed == 3;
  }
  if (score.questions > 0) {
    const std::string s = trf("ui.lesson.score", {{"correct", std::to_string(score.correct)}, {"questions", std::to_string(score.questions)}});
    // On the buttons' line when it fits, else below them.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + 2.0f * style.ItemSpacing.x + ImGui::CalcTextSize(s.c_str()).x <= right) ImGui::SameLine();
    ImGui::TextDisabled("%s", s.c_str());
  }
  const float measured_below = ImGui::GetCursorPosY() - below_start;
  storage->SetFloat(below_id, measured_below);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::End();
  return c;
}

}  // namespace effleura::ui
