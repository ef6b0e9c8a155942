#include "forge/skinned_glb.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

#include <glm/gtc/quaternion.hpp>
#include <glm/mat3x3.hpp>

namespace effleura::forge {
namespace {

constexpr int kFloat = 5126, kUnsignedByte = 5121, kUnsignedShort = 5123, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

// Shortest text that reads back as the same float: the same bytes on every run and machine.
std::string num(float v) {
  if (v == 0.0f) v = 0.0f;  // no "-0"
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string list(const float* v, std::size_t n) {
  std::string s = "[";
  for (std::size_t i = 0; i < n; ++i) s += (i ? "," : "") + num(v[i]);
  return s + "]";
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A rigid frame's exact inverse, with the affine row kept exactly (0, 0, 0, 1).
glm::mat4 rigid_inverse(const glm::mat4& m) {
  const glm::mat3 rt = glm::transpose(glm::mat3(m));
  glm::mat4 inv(rt);
  inv[3] = glm::vec4(-(rt * glm::vec3(m[3])), 1.0f);
  for (int c = 0; c < 3; ++c) inv[c][3] = 0.0f;
  return inv;
}

class Builder {
 public:
  // Appends raw bytes as a buffer view and returns the view's index.
  int view(const void* data, std::size_t bytes, int target) {
    while (bin_.size() % 4) bin_.push_back(0);
    const std::size_t offset = bin_.size();
    const auto* p = static_cast<const std::uint8_t*>(data);
    bin_.insert(bin_.end(), p, p + bytes);
    std::string v = "{\"buffer\":0,\"byteOffset\":" + std::to_string(offset) + ",\"byteLength\":" + std::to_string(bytes);
    if (target) v += ",\"target\":" + std::to_string(target);
    views_.push_back(v + "}");
    return static_cast<int>(views_.size() - 1);
  }
  int accessor(int view_index, int component, std::size_t count, const char* type, const std::string& extra = {}) {
    accessors_.push_back("{\"bufferView\":" + std::to_string(view_index) + ",\"componentType\":" +
                         std::to_string(component) + ",\"count\":" + std::to_string(count) + ",\"type\":\"" + type +
                         "\"" + extra + "}");
    return static_cast<int>(accessors_.size() - 1);
  }
  [[nodiscard]] std::string views_json() const { return join(views_); }
  [[nodiscard]] std::string accessors_json() const { return join(accessors_); }
  std::vector<std::uint8_t>& bin() { return bin_; }

  static std::string join(const std::vector<std::string>& items) {
    std::string s = "[";
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + items[i];
    return s + "]";
  }

 private:
  std::vector<std::uint8_t> bin_;
  std::vector<std::string> views_, accessors_;
};

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

Expected<void> check(const SkinnedOutMesh& m) {
  const std::size_t n = m.positions.size();
  if (n == 0 || m.indices.empty() || m.indices.size() % 3 != 0) return fail("mesh \"" + m.name + "\" has no triangles");
  if (m.normals.size() != n || m.joints.size() != n || m.weights.size() != n)
    return fail("mesh \"" + m.name + "\" has per-vertex data of the wrong length");
  if (m.skeleton.empty() || m.skeleton.size() > 255) return fail("mesh \"" + m.name + "\" needs 1 to 255 joints");
  for (std::size_t j = 0; j < m.skeleton.size(); ++j)
    if (m.skeleton[j].parent >= static_cast<int>(j)) return fail("joint \"" + m.skeleton[j].name + "\" comes before its parent");
  for (std::uint32_t i : m.indices)
    if (i >= n) return fail("mesh \"" + m.name + "\" has an index past its vertices");
  for (const auto& j : m.joints)
    for (std::uint8_t k : j)
      if (k >= m.skeleton.size()) return fail("mesh \"" + m.name + "\" names a joint it does not have");
  return {};
}

}  // namespace

Expected<std::vector<std::uint8_t>> write_skinned_glb(const std::vector<SkinnedOutMesh>& meshes) {
  if (meshes.empty()) return fail("nothing to write: no meshes");
  for (const auto& m : meshes)
    if (auto ok = check(m); !ok) return std::unexpected(ok.error());

  Builder b;
  std::vector<std::string> nodes, json_meshes, materials, skins;
  std::vector<int> scene_nodes;
  for (std::size_t mi = 0; mi < meshes.size(); ++mi) {
    const SkinnedOutMesh& m = meshes[mi];
    const std::size_t n = m.positions.size();
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const auto& p : m.positions) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    const int position = b.accessor(b.view(m.positions.data(), n * sizeof(glm::vec3), kArrayBuffer), kFloat, n, "VEC3",
                                    ",\"min\":" + list(&lo.x, 3) + ",\"max\":" + list(&hi.x, 3));
    const int normal = b.accessor(b.view(m.normals.data(), n * sizeof(glm::vec3), kArrayBuffer), kFloat, n, "VEC3");
    const int joints = b.accessor(b.view(m.joints.data(), n * 4, kArrayBuffer), kUnsignedByte, n, "VEC4");
    const int weights = b.accessor(b.view(m.weights.data(), n * sizeof(glm::vec4), kArrayBuffer), kFloat, n, "VEC4");
    int indices = 0;
    if (n <= 65535) {
      std::vector<std::uint16_t> shorts(m.indices.begin(), m.indices.end());
      indices = b.accessor(b.view(shorts.data(), shorts.size() * 2, kElementArrayBuffer), kUnsignedShort, shorts.size(), "SCALAR");
    } else {
      indices = b.accessor(b.view(m.indices.data(), m.indices.size() * 4, kElementArrayBuffer), kUnsignedInt,
                           m.indices.size(), "SCALAR");
    }
    std::vector<glm::mat4> inverse_binds;
    for (const auto& j : m.skeleton) inverse_binds.push_back(rigid_inverse(j.bind));
    const int ibm = b.accessor(b.view(inverse_binds.data(), inverse_binds.size() * sizeof(glm::mat4), 0), kFloat,
                               inverse_binds.size(), "MAT4");

    const float colour[4] = {m.colour.x, m.colour.y, m.colour.z, 1.0f};
    materials.push_back("{\"name\":" + quoted(m.name) + ",\"pbrMetallicRoughness\":{\"baseColorFactor\":" +
                        list(colour, 4) + ",\"metallicFactor\":0,\"roughnessFactor\":0.7}}");
    json_meshes.push_back("{\"name\":" + quoted(m.name) + ",\"primitives\":[{\"attributes\":{\"POSITION\":" +
                          std::to_string(position) + ",\"NORMAL\":" + std::to_string(normal) + ",\"JOINTS_0\":" +
                          std::to_string(joints) + ",\"WEIGHTS_0\":" + std::to_string(weights) +
                          "},\"indices\":" + std::to_string(indices) + ",\"material\":" + std::to_string(mi) +
                          ",\"mode\":4}]}");

    // The skinned mesh's node sits at the scene root (glTF ignores its transform anyway);
    // its joints follow as their own tree, each node holding its frame relative to its parent.
    scene_nodes.push_back(static_cast<int>(nodes.size()));
    nodes.push_back("{\"name\":" + quoted(m.name) + ",\"mesh\":" + std::to_string(mi) + ",\"skin\":" +
                    std::to_string(mi) + "}");
    const int first_joint = static_cast<int>(nodes.size());
    std::vector<std::string> joint_nodes;
    std::string joint_list;
    for (std::size_t j = 0; j < m.skeleton.size(); ++j) {
      const SkinJoint& joint = m.skeleton[j];
      const glm::mat4 local =
          joint.parent < 0 ? joint.bind : rigid_inverse(m.skeleton[static_cast<std::size_t>(joint.parent)].bind) * joint.bind;
      glm::quat q = glm::normalize(glm::quat_cast(glm::mat3(local)));
      if (q.w < 0.0f) q = -q;
      const float t[3] = {local[3].x, local[3].y, local[3].z}, r[4] = {q.x, q.y, q.z, q.w};
      std::string children;
      for (std::size_t c = j + 1; c < m.skeleton.size(); ++c)
        if (m.skeleton[c].parent == static_cast<int>(j))
          children += (children.empty() ? "" : ",") + std::to_string(first_joint + static_cast<int>(c));
      std::string node = "{\"name\":" + quoted(joint.name) + ",\"translation\":" + list(t, 3) + ",\"rotation\":" + list(r, 4);
      if (!children.empty()) node += ",\"children\":[" + children + "]";
      joint_nodes.push_back(node + "}");
      if (joint.parent < 0) scene_nodes.push_back(first_joint + static_cast<int>(j));
      joint_list += (j ? "," : "") + std::to_string(first_joint + static_cast<int>(j));
    }
    nodes.insert(nodes.end(), joint_nodes.begin(), joint_nodes.end());
    skins.push_back("{\"name\":" + quoted(m.name) + ",\"inverseBindMatrices\":" + std::to_string(ibm) +
                    ",\"skeleton\":" + std::to_string(first_joint) + ",\"joints\":[" + joint_list + "]}");
  }
  while (b.bin().size() % 4) b.bin().push_back(0);

  std::string scene_list;
  for (std::size_t i = 0; i < scene_nodes.size(); ++i) scene_list += (i ? "," : "") + std::to_string(scene_nodes[i]);
  std::string json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"effleura-forge\"},\"scene\":0,\"scenes\":[{\"nodes\":[" +
                     scene_list + "]}],\"nodes\":" + Builder::join(nodes) + ",\"meshes\":" + Builder::join(json_meshes) +
                     ",\"materials\":" + Builder::join(materials) + ",\"skins\":" + Builder::join(skins) +
                     ",\"accessors\":" + b.accessors_json() + ",\"bufferViews\":" + b.views_json() +
                     ",\"buffers\":[{\"byteLength\":" + std::to_string(b.bin().size()) + "}]}";
  while (json.size() % 4) json += ' ';

  std::vector<std::uint8_t> out;
  const std::size_t total = 12 + 8 + json.size() + 8 + b.bin().size();
  put_u32(out, 0x46546C67u);  // "glTF"
  put_u32(out, 2);
  put_u32(out, static_cast<std::uint32_t>(total));
  put_u32(out, static_cast<std::uint32_t>(json.size()));
  put_u32(out, 0x4E4F534Au);  // "JSON"
  out.insert(out.end(), json.begin(), json.end());
  put_u32(out, static_cast<std::uint32_t>(b.bin().size()));
  put_u32(out, 0x004E4942u);  // "BIN"
  out.insert(out.end(), b.bin().begin(), b.bin().end());
  return out;
}

}  // namespace effleura::forge
