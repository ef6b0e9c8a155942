#include "ui/presenter_panel.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/lesson_panel_size.hpp"
#include "ui/panel_layout.hpp"
#include "ui/tr.hpp"

namespace effleura::ui {

namespace {

// The line under a wrong answer's feedback when no button carries the answer: the right answer
// and, after a click on the leg ("click the soleus"), what the click landed on.
std::string answer_line(const lesson::Feedback& f) {
  if (!f.chosen_label.empty()) return trf("ui.lesson.clicked", {{"clicked", f.chosen_label}, {"answer", f.answer_label}});
  return trf("ui.lesson.answer", {{"answer", f.answer_label}});
}

}  // namespace

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

// The question's buttons as drawn: after a wrong answer the right one is marked with a check
// mark (and drawn green), where a line "The answer: ..." under the feedback said it before: one
// line less for presenter view to find room for, and the answer shown where the class looks.
// `marked` gets its index; none when no button carries the answer's label.
std::vector<std::string> choice_labels(const lesson::PresenterView& v, std::optional<std::size_t>* marked = nullptr) {
  std::vector<std::string> labels = v.choice_labels;
  if (marked) marked->reset();
  if (!v.feedback || v.feedback->correct) return labels;
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == v.feedback->answer_label) {
      labels[i] = "\u2713 " + labels[i];
      if (marked) *marked = i;
      break;
    }
  return labels;
}

[[nodiscard]] bool answer_on_a_button(const lesson::PresenterView& v) {
  std::optional<std::size_t> marked;
  (void)choice_labels(v, &marked);
  return marked.has_value();
}

// A row of buttons that wraps onto further lines rather than run past the panel's edge;
// returns the one pressed. The `marked` one is drawn green.
std::optional<std::size_t> wrapped_buttons(const std::vector<std::string>& labels,
                                           std::optional<std::size_t> marked = std::nullopt) {
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
    if (marked == i) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.16f, 0.5f, 0.22f, 1.0f));
    if (ImGui::Button(labels[i].c_str())) pressed = i;
    if (marked == i) ImGui::PopStyleColor();
  }
  return pressed;
}

// The navigation row's labels as drawn.
std::vector<std::string> nav_labels(bool presenter) {
  return {tr("ui.lesson.back"), tr("ui.lesson.replay"), tr("ui.lesson.next"),
          tr(presenter ? "ui.lesson.leave-presenter" : "ui.lesson.presenter")};
}

std::string score_text(const lesson::Score& score) {
  return trf("ui.lesson.score", {{"correct", std::to_string(score.correct)}, {"questions", std::to_string(score.questions)}});
}

// Where the panel's pieces go, worked out from its texts before it is drawn, as ImGui lays
// them out (each item its height plus the item spacing, none after the last): the panel takes
// its size in the frame its content changes. (ImGui's own auto-size follows the content a
// frame late, and the feedback's lines a frame later still: on a software renderer under
// load that read as the panel growing for seconds after an answer.)
struct Measure {
  float height = 0.0f;  // the whole panel, title bar included
  float above = 0.0f;   // the window's top to the text box
  float text = 0.0f;    // the step's text, whole
  float below = 0.0f;   // the text box's bottom to the window's bottom
  int nav_rows = 1;
  float nav_last_row_w = 0.0f;  // the last row of buttons' width
  bool score_beside = false;    // the score fits on the buttons' last row
};

Measure measure(const lesson::PresenterView& v, const lesson::Score& score, bool presenter, float scale, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float base = ImGui::GetFontSize();
  const float fs = base * scale;
  const float sp = style.ItemSpacing.y;
  const float frame_h = fs + 2.0f * style.FramePadding.y;
  // ImGui floors a window's size to whole pixels (its size constraint, 1.86): the right-hand
  // column's 0.32 of 1280 px is 409.6 px, drawn 409 wide, and a text measured 0.6 px wider than
  // it wraps could come out a line short (the lesson panel or its text box scrolled by a line).
  const float inner = std::floor(width) - 2.0f * style.WindowPadding.x;
  auto text_h = [&](const std::string& t) { return ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, inner, t.c_str()).y; };
  // A single line's width rounded up as ImGui::CalcTextSize does (a button a fraction wider
  // can move to the next row).
  auto text_w = [&](const std::string& t) { return std::floor(ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, t.c_str()).x + 0.95f); };
  // Rows of buttons as wrapped_buttons lays them out: their count and the last one's width.
  auto rows = [&](const std::vector<std::string>& labels, float* last_w) {
    int n = labels.empty() ? 0 : 1;
    float x = 0.0f;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const float w = text_w(labels[i]) + 2.0f * style.FramePadding.x;
      if (i > 0 && x + style.ItemSpacing.x + w <= inner + 0.5f) x += style.ItemSpacing.x + w;
      else { x = w; n += i > 0; }
    }
    if (last_w) *last_w = x;
    return n;
  };
  auto rows_h = [&](int n) { return n > 0 ? static_cast<float>(n) * frame_h + static_cast<float>(n - 1) * sp : 0.0f; };
  Measure m;
  m.above = (presenter ? 0.0f : base + 2.0f * style.FramePadding.y) + style.WindowPadding.y + fs + sp;  // title bar, title line
  m.text = text_h(v.text);
  float below = sp;  // after the text box
  if (!v.question.empty()) {
    below += sp + text_h(v.question) + sp + rows_h(rows(choice_labels(v), nullptr)) + sp;  // separator, question, choices
    if (v.feedback) {
      below += text_h(feedback_line(*v.feedback)) + sp;
      if (!v.feedback->correct && !answer_on_a_button(v))
        below += text_h(answer_line(*v.feedback)) + sp;
    }
  }
  m.nav_rows = rows(nav_labels(presenter), &m.nav_last_row_w);
  below += sp + rows_h(m.nav_rows);  // separator, buttons
  if (score.questions > 0) {
    const float score_w = text_w(score_text(score));
    m.score_beside = m.nav_last_row_w + 2.0f * style.ItemSpacing.x + score_w <= inner;
    if (!m.score_beside) below += sp + fs;
  }
  // ImGui puts each line on a whole pixel (rounding down): one pixel a line at most.
  m.below = std::ceil(below + style.WindowPadding.y);
  m.above = std::ceil(m.above);
  m.height = m.above + std::ceil(m.text) + m.below;
  return m;
}

}  // namespace

float lesson_panel_height(const lesson::PresenterView& v, const lesson::Score& score, bool presenter, float scale, float width) {
  return measure(v, score, presenter, scale, width).height;
}

namespace {
PanelInput lesson_panel_input(const lesson::PresenterView& v, const lesson::Score& score, bool presenter, glm::vec4 working,
                              bool camera_gliding) {
  PanelInput in = current_panel_input(presenter, working);
  in.presenter_height = [&v, &score, presenter](float scale, float width) {
    return lesson_panel_height(v, score, presenter, scale, width);
  };
  // The widest button (the choices' and the navigation's), with the panel's padding.
  const ImGuiStyle& style = ImGui::GetStyle();
  std::vector<std::string> labels = choice_labels(v);
  for (std::string& l : nav_labels(presenter)) labels.push_back(std::move(l));
  for (const std::string& l : labels)
    in.lesson_min_width = std::max(in.lesson_min_width, std::ceil(ImGui::CalcTextSize(l.c_str()).x) + 2.0f * (style.FramePadding.x + style.WindowPadding.x));
  if (presenter && camera_gliding) in.held_presenter = last_presenter_place();
  return in;
}
}  // namespace

void reserve_lesson_panel(const lesson::PresenterView& v, const lesson::Score& score, bool presenter, glm::vec4 working,
                          bool camera_gliding) {
  const PanelInput in = lesson_panel_input(v, score, presenter, working, camera_gliding);
  const PanelPlace place = place_panel(Panel::lesson, in);
  note_panel_height(Panel::lesson, std::min(lesson_panel_height(v, score, presenter, place.font_scale, place.width), place.max_height));
  note_lesson_bottom_left(!presenter && place.pivot.y > 0.5f);
}

PresenterCommands draw_presenter_panel(const lesson::PresenterView& v, const lesson::Score& score, bool presenter,
                                       glm::vec4 working, bool camera_gliding) {
  PresenterCommands c;
  const PanelInput in = lesson_panel_input(v, score, presenter, working, camera_gliding);
  const PanelPlace place = place_panel(Panel::lesson, in);
  if (presenter) remember_presenter_place(place);
  // Its size from its texts this frame, not from what ImGui measured last frame.
  const Measure m = measure(v, score, presenter, place.font_scale, place.width);
  const float height = std::min(m.height, place.max_height);
  set_next_panel(Panel::lesson, in);
  ImGui::SetNextWindowSize(ImVec2(place.width, height), ImGuiCond_Always);
  // No scroll bar of its own: it is sized to hold everything (where there is no room, the
  // text box scrolls instead). ImGui would show one for a frame whenever the text size changes,
  // judging by the last frame's content.
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar |
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

  // The step's text whole when the panel has room for it (the band was chosen so that it
  // has, wherever one does); else it scrolls inside its own box, so the question, its
  // feedback and the buttons below always stay in view. A box per step: a new step's text
  // never shows for a frame with the last one's scroll bar.
  const float box_h = std::max(std::min(std::ceil(m.text), height - m.above - m.below), ImGui::GetTextLineHeight());
  ImGui::PushID(static_cast<int>(v.step_number));
  ImGui::BeginChild("##text", ImVec2(0.0f, box_h), false, box_h >= std::ceil(m.text) ? ImGuiWindowFlags_NoScrollbar : 0);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(v.text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopID();

  ImGui::PushTextWrapPos(0.0f);
  if (!v.question.empty()) {
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.55f, 0.9f, 1.0f, 1.0f), "%s", v.question.c_str());
    std::optional<std::size_t> marked;
    const std::vector<std::string> labels = choice_labels(v, &marked);
    if (auto chosen = wrapped_buttons(labels, marked)) c.answer = *chosen;
    if (v.feedback) {
      const ImVec4 colour = v.feedback->correct ? ImVec4(0.5f, 0.95f, 0.5f, 1.0f) : ImVec4(1.0f, 0.7f, 0.4f, 1.0f);
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      ImGui::TextUnformatted(feedback_line(*v.feedback).c_str());
      ImGui::PopStyleColor();
      if (!v.feedback->correct && !marked) ImGui::TextUnformatted(answer_line(*v.feedback).c_str());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  if (auto pressed = wrapped_buttons(nav_labels(presenter))) {
    c.back = *pressed == 0;
    c.replay = *pressed == 1;
    c.next = *pressed == 2;
    c.toggle_presenter = *pressed == 3;
  }
  if (score.questions > 0) {
    // On the buttons' line when it fits (as measured above), else below them.
    if (m.score_beside) ImGui::SameLine(0.0f, 2.0f * ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextDisabled("%s", score_text(score).c_str());
  }
  ImGui::SetWindowFontScale(1.0f);
  ImGui::End();
  return c;
}

}  // namespace effleura::ui
