#pragma once
// Picking that passes through the meshes not drawn (the atlas's hidden structures): with the
// soleus shown alone, hover named the hidden tibia beside it and a click lit an area of the
// hidden skin. Apart from picking.hpp, which much of the program includes.
#include <cstddef>
#include <functional>

#include "anatomy/picking.hpp"

namespace effleura::anatomy {

// pick(), with the meshes `shown` says no to left out as if they were not there.
PickResult pick(const Model& model, const Ray& ray, const std::function<bool(std::size_t mesh)>& shown);

}  // namespace effleura::anatomy
