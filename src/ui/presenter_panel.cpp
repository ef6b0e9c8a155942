#include "ui/presenter_panel.hpp"

#include <imgui.h>

namespace effleura::ui {

PresenterCommands draw_presenter_panel(const lesson::PresenterView& v, const lesson::Score& score, bool presenter) {
  PresenterCommands c;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float em = ImGui::GetFontSize();
  // Presenter mode: a wide band along the bottom with text twice the size, nothing else.
  const float width = presenter ? display.x * 0.9f : 30.0f * em;
  ImGui::SetNextWindowPos(presenter ? ImVec2(display.x * 0.05f, display.y - 1.0f * em) : ImVec2(0.5f * em, display.y - 2.0f * em),
                          presenter ? ImGuiCond_Always : ImGuiCond_FirstUseEver, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), presenter ? ImGuiCond_Always : ImGuiCond_FirstUseEver);
  const ImGuiWindowFlags flags = presenter ? ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize
                                           : ImGuiWindowFlags_AlwaysAutoResize;
  if (!ImGui::Begin("Lesson", nullptr, flags)) { ImGui::End(); return c; }
  ImGui::SetWindowFontScale(presenter ? 1.8f : 1.0f);
  ImGui::TextDisabled("%s   step %s", v.title.c_str(), v.progress.c_str());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(v.text.c_str());
  if (!v.question.empty()) {
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.55f, 0.9f, 1.0f, 1.0f), "%s", v.question.c_str());
    for (std::size_t i = 0; i < v.choice_labels.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      if (ImGui::Button(v.choice_labels[i].c_str())) c.answer = i;
    }
    if (v.feedback) {
      const ImVec4 colour = v.feedback->correct ? ImVec4(0.5f, 0.95f, 0.5f, 1.0f) : ImVec4(1.0f, 0.7f, 0.4f, 1.0f);
      ImGui::TextColored(colour, "%s %s", v.feedback->correct ? "Right." : "Not quite.", v.feedback->text.c_str());
      if (!v.feedback->correct) ImGui::Text("The answer: %s", v.feedback->answer_label.c_str());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  if (ImGui::Button("< Back")) c.back = true;
  ImGui::SameLine();
  if (ImGui::Button("Replay")) c.replay = true;
  ImGui::SameLine();
  if (ImGui::Button("Next >")) c.next = true;
  ImGui::SameLine();
  if (ImGui::Button(presenter ? "Leave presenter view" : "Presenter view")) c.toggle_presenter = true;
  if (score.questions > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("  %d of %d answered right first time", score.correct, score.questions);
  }
  ImGui::SetWindowFontScale(1.0f);
  ImGui::End();
  return c;
}

}  // namespace effleura::ui
