#pragma once
// Which side of the leg each step of a technique works, so the client can lie on the other:
// prone for the back of the leg, supine for the front (anatomy/client_pose.hpp).
#include <vector>

#include "technique/timeline.hpp"

namespace effleura::technique {

enum class WorkingSide { either, back, front };

// One side per step, from where the hands touch the leg over the step (`samples` moments).
// A step whose contacts lie mostly behind the leg's side line works the back; mostly in front,
// the front; on the sole, at the sides or in the air, either.
[[nodiscard]] std::vector<WorkingSide> step_sides(const Timeline& timeline, int samples = 32);

}  // namespace effleura::technique
