#include "anatomy/model_cache.hpp"

#include <algorithm>
#include <cmath>

#include "anatomy/model_loader.hpp"
#include "core/cache_file.hpp"

namespace effleura::anatomy {
namespace {

// Bump when model_loader.cpp changes what it makes of the same file. The sizes of Mesh and
// Skin go into the key too, so a field added to them misses old entries by itself.
constexpr std::uint32_t kLoaderVersion = 1;

template <class T>
bool empty_or(const std::vector<T>& v, std::size_t n) { return v.empty() || v.size() == n; }

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

bool consistent(const Mesh& m) {
  const std::size_t n = m.positions.size();
  if (m.normals.size() != n || m.indices.size() % 3 != 0) return false;
  // What load_model refuses in a file it refuses here too: a cache entry with the right
  // checksums can still be hand-made, and the renderer and the leg surface trust these.
  for (std::size_t i = 0; i < n; ++i)
    if (!finite(m.positions[i]) || !finite(m.normals[i])) return false;
  for (const std::uint32_t i : m.indices)
    if (i >= n) return false;
  if (!empty_or(m.area_weights, n) || !empty_or(m.fibre_dirs, n) || !empty_or(m.tendon, n) ||
      !empty_or(m.ankle_blend, n) || !empty_or(m.occlusion, n))
    return false;
  const Skin& s = m.skin;
  if (s.inverse_binds.size() != s.joint_names.size() || !empty_or(s.joints, n) || s.joints.size() != s.weights.size())
    return false;
  for (const auto& j : s.joints)
    for (const std::uint8_t k : j)
      if (k >= s.joint_names.size()) return false;
  return true;
}

// A mesh's arrays, in file order, for both directions (Io is ByteWriter with a const Mesh, or
// ByteReader): one list, so a field added to one side cannot be missed on the other.
template <class Io, class M>
void mesh_arrays(Io& io, M& m) {
  io.vec(m.positions);
  io.vec(m.normals);
  io.vec(m.indices);
  io.vec(m.area_weights);
  io.vec(m.fibre_dirs);
  io.vec(m.tendon);
  io.vec(m.ankle_blend);
  io.vec(m.occlusion);
}

template <class Io, class M>
void skin_arrays(Io& io, M& m) {
  io.vec(m.skin.inverse_binds);
  io.vec(m.skin.joints);
  io.vec(m.skin.weights);
}

}  // namespace

std::vector<std::uint8_t> model_to_bytes(const Model& model) {
  ByteWriter w;
  w.pod(static_cast<std::uint64_t>(model.meshes.size()));
  for (const Mesh& m : model.meshes) {
    w.str(m.name);
    w.str(m.label);
    w.pod(static_cast<std::uint8_t>(m.layer));
    mesh_arrays(w, m);
    w.pod(static_cast<std::uint64_t>(m.skin.joint_names.size()));
    for (const auto& j : m.skin.joint_names) w.str(j);
    skin_arrays(w, m);
  }
  w.pod(static_cast<std::uint64_t>(model.landmarks.size()));
  for (const Landmark& l : model.landmarks) {
    w.str(l.name);
    w.pod(l.position);
  }
  return w.bytes();
}

std::optional<Model> model_from_bytes(std::span<const std::uint8_t> bytes) {
  ByteReader r(bytes);
  Model model;
  std::uint64_t meshes = 0;
  // Each mesh takes well over 8 bytes: a count past the bytes left is refused before it allocates.
  if (!r.pod(meshes) || meshes > bytes.size() / 8) return std::nullopt;
  model.meshes.resize(static_cast<std::size_t>(meshes));
  for (Mesh& m : model.meshes) {
    std::uint8_t layer = 0;
    std::uint64_t joints = 0;
    r.str(m.name);
    r.str(m.label);
    r.pod(layer);
    mesh_arrays(r, m);
    if (!r.pod(joints) || joints > bytes.size() / 8 || layer > static_cast<std::uint8_t>(Layer::nerve)) return std::nullopt;
    m.layer = static_cast<Layer>(layer);
    m.skin.joint_names.resize(static_cast<std::size_t>(joints));
    for (auto& j : m.skin.joint_names) r.str(j);
    skin_arrays(r, m);
    if (!r.ok() || !consistent(m)) return std::nullopt;
  }
  std::uint64_t landmarks = 0;
  if (!r.pod(landmarks) || landmarks > bytes.size() / 8) return std::nullopt;
  model.landmarks.resize(static_cast<std::size_t>(landmarks));
  for (Landmark& l : model.landmarks) {
    r.str(l.name);
    r.pod(l.position);
  }
  if (!r.at_end() || model.meshes.empty()) return std::nullopt;
  for (const Landmark& l : model.landmarks)
    if (!finite(l.position)) return std::nullopt;
  // As load_model: a model whose vertices all lie at one point has nothing to frame or fit.
  const glm::vec3 size = model.bounds().size();
  if (!finite(size) || std::max({size.x, size.y, size.z}) <= 0.0f) return std::nullopt;
  return model;
}

Expected<Model> load_model_cached(const std::filesystem::path& path, std::string_view product,
                                  std::uint32_t version, void (*finish)(Model&),
                                  const std::optional<std::filesystem::path>& cache_dir,
                                  bool* from_cache) {
  if (from_cache) *from_cache = false;
  auto build = [&]() -> Expected<Model> {
    auto model = load_model(path);
    if (model && finish) finish(*model);
    return model;
  };
  if (!cache_dir) return build();
  CacheKey key(product, version);
  // Whether a finish step ran is part of the key too, so a plain and a finished load of one file
  // never share an entry; which finish it was is the product name's to say.
  const std::uint32_t layout[] = {kLoaderVersion, sizeof(Mesh), sizeof(Skin), sizeof(Landmark), finish ? 1u : 0u};
  key.add(std::span(reinterpret_cast<const std::uint8_t*>(layout), sizeof layout));
  // The model file by its path, size and times, not its megabytes (core/cache_file.hpp). An
  // unreadable file gets no key: load_model names the problem.
  if (!key.add_file_stamp(path)) return build();
  if (auto stored = read_cache_mapped(*cache_dir, key))  // parsed at once: mapped, not copied
    if (auto model = model_from_bytes(stored->bytes())) {
      model->source = path.string();
      if (from_cache) *from_cache = true;
      return std::move(*model);
    }
  auto model = build();
  if (model) (void)write_cache(*cache_dir, key, model_to_bytes(*model));
  return model;
}

}  // namespace effleura::anatomy
