#pragma once
// Hands the practice grading (practice/wording.hpp, no locales there) the interface's language:
// its [practice.grade] sentences and [practice.criterion] names, and the names it builds them
// from (areas, their cautions, techniques, pressure words, landmarks, veins). English keeps the
// grading's own sentences. Called whenever the interface's locale changes.
namespace effleura::ui {

void use_practice_wording();

}  // namespace effleura::ui
