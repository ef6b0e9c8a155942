#include "technique/step_view.hpp"

#include <string>

#include "core/toml_reader.hpp"

namespace effleura::technique {

Expected<std::optional<StepView>> read_step_view(const TomlTable& step, std::string_view key) {
  if (!step.has(key)) return std::nullopt;
  if (step.has("camera_turn"))
    return std::unexpected(step.error_at("camera_turn", "a step that pins its camera (" + std::string(key) +
                                                            ") has no searched view to turn: give one, not both"));
  auto t = step.table(key);
  if (!t) return std::unexpected(t.error());
  if (auto ok = t->only_keys({"around", "tilt", "scale"}); !ok) return std::unexpected(ok.error());
  // `around` as keyframes take it (a turn either way); past 80 degrees of tilt the camera looks
  // along the leg from its end, where a student cannot tell which way a stroke runs.
  auto around = t->number("around", -360.0, 360.0);
  if (!around) return std::unexpected(around.error());
  auto tilt = t->number_or("tilt", 0.0, -80.0, 80.0);
  if (!tilt) return std::unexpected(tilt.error());
  auto scale = t->number_or("scale", 1.0, 0.5, 3.0);
  if (!scale) return std::unexpected(scale.error());
  return StepView{static_cast<float>(*around), static_cast<float>(*tilt), static_cast<float>(*scale)};
}

}  // namespace effleura::technique
