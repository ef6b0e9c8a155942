// The only file that includes OpenVDB: its headers take long to compile, so nothing else
// should pay for them (tri_mesh.hpp is the interface).
#include <openvdb/openvdb.h>
#include <openvdb/tools/SignedFloodFill.h>
#include <openvdb/tools/VolumeToMesh.h>
#include <tbb/global_control.h>

#include <cmath>
#include <mutex>

#include <glm/geometric.hpp>

#include "forge/tri_mesh.hpp"

namespace effleura::forge {

TriMesh mesh_level_set(const Field& field, const Box& box, float voxel) {
  static std::once_flag init;
  std::call_once(init, [] { openvdb::initialize(); });
  // One thread: OpenVDB's parallel passes would otherwise be free to order work differently.
  const tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);

  const float band = 3.0f * voxel;
  auto grid = openvdb::FloatGrid::create(band);
  // The lattice is shifted by an odd fraction of a voxel: content coordinates are round
  // numbers, and a surface through lattice points (a flat cut at y = 1.035 on a 2.5 mm grid)
  // makes OpenVDB put distinct vertices at the same place.
  constexpr float kShift = 0.3719f;
  auto xform = openvdb::math::Transform::createLinearTransform(static_cast<double>(voxel));
  xform->postTranslate(openvdb::Vec3d(static_cast<double>(kShift * voxel)));
  grid->setTransform(xform);
  grid->setGridClass(openvdb::GRID_LEVEL_SET);
  auto acc = grid->getAccessor();

  auto index_of = [&](float v) { return static_cast<int>(std::floor(v / voxel)); };
  const int i0 = index_of(box.min.x) - 2, i1 = index_of(box.max.x) + 2;
  const int j0 = index_of(box.min.y) - 2, j1 = index_of(box.max.y) + 2;
  const int k0 = index_of(box.min.z) - 2, k1 = index_of(box.max.z) + 2;
  constexpr int kBlock = 8;
  // A block whose centre is farther from the surface than its half-diagonal plus the band
  // cannot hold band voxels; two voxels of margin for fields that are only nearly distances
  // (ellipsoids, smooth unions). The same test again on the block's eighths and theirs (4 and 2
  // voxels a side): a block the surface passes through has most of its voxels out of the band,
  // and every voxel of a block cost a full distance (the leg's skin, the other leg's). The
  // voxels kept are the same, so are the meshes, byte for byte.
  const auto reach_of = [voxel, band](int side) { return std::sqrt(3.0f) * 0.5f * static_cast<float>(side) * voxel + band + 2.0f * voxel; };
  const auto centre_of = [voxel](int i, int j, int k, int side) {
    return (glm::vec3(static_cast<float>(i), static_cast<float>(j), static_cast<float>(k)) + glm::vec3(0.5f * static_cast<float>(side - 1) + kShift)) * voxel;
  };
  // Fills the band's voxels of the cube of `side` voxels at (i, j, k), within the box's lattice.
  const auto fill = [&](auto&& self, int ci, int cj, int ck, int side) -> void {
    if (std::abs(field(centre_of(ci, cj, ck, side))) > reach_of(side)) return;
    if (side > 2) {
      const int h = side / 2;
      for (int di = 0; di < side; di += h)
        for (int dj = 0; dj < side; dj += h)
          for (int dk = 0; dk < side; dk += h)
            if (ci + di <= i1 && cj + dj <= j1 && ck + dk <= k1) self(self, ci + di, cj + dj, ck + dk, h);
      return;
    }
    for (int i = ci; i < ci + side && i <= i1; ++i)
      for (int j = cj; j < cj + side && j <= j1; ++j)
        for (int k = ck; k < ck + side && k <= k1; ++k) {
          const glm::vec3 p = (glm::vec3(static_cast<float>(i), static_cast<float>(j), static_cast<float>(k)) + kShift) * voxel;
          const float d = field(p);
          if (std::abs(d) < band) acc.setValue(openvdb::Coord(i, j, k), d);
        }
  };
  for (int bi = i0; bi <= i1; bi += kBlock)
    for (int bj = j0; bj <= j1; bj += kBlock)
      for (int bk = k0; bk <= k1; bk += kBlock) fill(fill, bi, bj, bk, kBlock);
  openvdb::tools::signedFloodFill(grid->tree());

  std::vector<openvdb::Vec3s> points;
  std::vector<openvdb::Vec3I> tris;
  std::vector<openvdb::Vec4I> quads;
  openvdb::tools::volumeToMesh(*grid, points, tris, quads, 0.0, 0.0, true);

  TriMesh out;
  out.positions.reserve(points.size());
  for (const auto& p : points) out.positions.emplace_back(p.x(), p.y(), p.z());
  auto pos = [&](std::uint32_t i) { return out.positions[i]; };
  for (const auto& t : tris)
    for (int c = 0; c < 3; ++c) out.indices.push_back(t[c]);
  for (const auto& q : quads) {
    // Split along the shorter diagonal: fewer slivers.
    if (glm::length(pos(q[0]) - pos(q[2])) <= glm::length(pos(q[1]) - pos(q[3]))) {
      for (std::uint32_t v : {q[0], q[1], q[2], q[0], q[2], q[3]}) out.indices.push_back(v);
    } else {
      for (std::uint32_t v : {q[0], q[1], q[3], q[1], q[2], q[3]}) out.indices.push_back(v);
    }
  }
  // Make the faces point outward whatever OpenVDB's convention: the signed volume is positive.
  double volume = 0.0;
  for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3)
    volume += static_cast<double>(glm::dot(pos(out.indices[t]),
                                           glm::cross(pos(out.indices[t + 1]), pos(out.indices[t + 2]))));
  if (volume < 0.0)
    for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);
  return out;
}

}  // namespace effleura::forge
