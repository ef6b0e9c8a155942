#pragma once
// The view search's answers (app/view_search.hpp) kept in the start-up cache. The search traces
// sight lines past the leg, the client and the forearms from ~20 views at 10 moments of a step:
// ~16-25 ms of CPU for the first step at start-up, every run, for the same answer (and again
// at each new step). An answer is kept per technique and step under a key of everything it is
// made from: the program itself (path, size and time: any rebuild misses), the technique's and
// the poses' files and the leg surface (framing_cache.hpp's digests), the leg and client models
// the lines are traced past, the posture and the client's pose in that step, the camera's
// framing settings, and the question (the step's region and suggested angles). No GL.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "anatomy/model.hpp"
#include "core/view_angles.hpp"

namespace effleura::app {

class State;

// A 64-bit digest of what the sight lines read of a model: each mesh's name, positions,
// triangles and ankle shares.
std::uint64_t model_stamp(const anatomy::Model& model);

// One question to the view search, and everything besides it that shapes the answer.
struct StepViewQuestion {
  std::string technique;
  std::uint64_t context = 0;  // the digest of the sources above (step_view_context)
  std::size_t step = 0;
  anatomy::Bounds region{};
  ViewAngles suggested{};
};

// The answer stored under this question in `dir`, else `judge()`'s, stored. No folder or no
// program identity: judged, nothing stored. A damaged or out-of-range entry is judged again.
ViewAngles step_view_cached(const StepViewQuestion& question, const std::optional<std::filesystem::path>& dir,
                            const std::function<ViewAngles()>& judge, bool* from_cache = nullptr);

// The step camera's judge for `state`'s running technique: best_step_view through the cache.
// Its context (models, sources, posture, camera) is taken on its first question: the step
// camera keeps its answers until it is started again (State::frame_technique), so this judge
// is made anew with it.
std::function<ViewAngles(std::size_t, const anatomy::Bounds&, ViewAngles)> cached_step_judge(const State& state);

}  // namespace effleura::app
