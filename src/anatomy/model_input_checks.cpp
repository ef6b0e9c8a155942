#include "anatomy/model_input_checks.hpp"

#include "anatomy/model_text_checks.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace effleura::anatomy {
namespace {

using nlohmann::json;

std::uint32_t u32(std::span<const std::uint8_t> b, std::size_t at) {
  return std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 |
         std::uint32_t(b[at + 3]) << 24;
}

// Deepest nesting of [ and { outside strings, stopping as soon as the limit is passed, so
// the check itself never recurses.
bool nesting_within(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

std::size_t array_size(const json& doc, const char* key) {
  const auto it = doc.find(key);
  return it != doc.end() && it->is_array() ? it->size() : 0;
}

// A uri is either embedded data or a plain relative file name inside the model's folder.
Expected<void> check_uri(const json& entry, const std::string& what) {
  const auto it = entry.find("uri");
  if (it == entry.end() || !it->is_string()) return {};
  const auto& uri = it->get_ref<const std::string&>();
  if (uri.rfind("data:", 0) == 0) return {};
  const std::filesystem::path p(uri);
  bool climbs = false;
  for (const auto& part : p) climbs = climbs || part == "..";
  if (p.is_absolute() || climbs || uri.find(':') != std::string::npos)
    return fail(what + " refers to a file outside the model's folder; only files beside the model are read");
  return {};
}

Expected<void> check_gltf_structure(std::string_view text, const ModelLimits& limits) {
  // Parsed JSON takes several times its text in memory; the leg's is under 100 KB.
  if (text.size() > limits.json_bytes)
    return fail("glTF JSON is " + std::to_string(text.size() >> 20) + " MB; at most " +
                std::to_string(limits.json_bytes >> 20) + " MB is read");
  if (!nesting_within(text, limits.json_depth))
    return fail("glTF JSON nests deeper than " + std::to_string(limits.json_depth) + " levels");
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return fail("glTF JSON is not readable");

  const json empty = json::array();
  auto list = [&](const char* key) -> const json& {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_array() ? *it : empty;
  };
  const json& nodes = list("nodes");
  if (nodes.size() > limits.nodes)
    return fail("the model has " + std::to_string(nodes.size()) + " nodes; at most " +
                std::to_string(limits.nodes) + " are read");
  // Node tree: every child index valid, one parent each, no cycle, bounded depth.
  std::vector<std::int64_t> parent(nodes.size(), -1);
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    if (!nodes[n].is_object()) return fail("node " + std::to_string(n) + " is not an object");
    const auto children = nodes[n].find("children");
    if (children == nodes[n].end() || !children->is_array()) continue;
    for (const auto& c : *children) {
      if (!c.is_number_unsigned() || c.get<std::uint64_t>() >= nodes.size())
        return fail("node " + std::to_string(n) + " has a child index out of range");
      const auto child = c.get<std::size_t>();
      if (parent[child] != -1 || child == n)
        return fail("node " + std::to_string(child) + " has more than one parent (the nodes must form a tree)");
      parent[child] = static_cast<std::int64_t>(n);
    }
  }
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    std::size_t depth = 0;
    for (std::int64_t at = static_cast<std::int64_t>(n); at != -1; at = parent[static_cast<std::size_t>(at)])
      if (++depth > limits.node_depth)
        return fail("nodes nest deeper than " + std::to_string(limits.node_depth) +
                    " levels (or form a loop)");
  }

  std::size_t primitives = 0;
  for (const auto& mesh : list("meshes"))
    if (mesh.is_object() && mesh.contains("primitives")) primitives += array_size(mesh, "primitives");
  if (primitives > limits.primitives)
    return fail("the model has " + std::to_string(primitives) + " mesh parts; at most " +
                std::to_string(limits.primitives) + " are read");

  const json& accessors = list("accessors");
  std::uint64_t vertices = 0;
  for (const auto& a : accessors) {
    if (!a.is_object()) return fail("an accessor is not an object");
    const auto count = a.find("count");
    if (count == a.end() || !count->is_number_unsigned())
      return fail("an accessor has no valid count");
    vertices += std::min<std::uint64_t>(count->get<std::uint64_t>(), limits.vertices + 1);
  }
  if (vertices > limits.vertices * 4)  // positions, normals, indices, attributes together
    return fail("the model's accessors hold more than " + std::to_string(limits.vertices * 4) +
                " elements; too large to draw");

  std::size_t s = 0;
  for (const auto& skin : list("skins")) {
    const std::string name = "skin " + std::to_string(s++);
    if (!skin.is_object()) return fail(name + " is not an object");
    const std::size_t joints = array_size(skin, "joints");
    if (joints > limits.joints)
      return fail(name + " has " + std::to_string(joints) + " joints; at most " +
                  std::to_string(limits.joints) + " are read");
    for (const auto& j : skin.value("joints", json::array()))
      if (!j.is_number_unsigned() || j.get<std::uint64_t>() >= nodes.size())
        return fail(name + " names a joint node that does not exist");
    const auto ibm = skin.find("inverseBindMatrices");
    if (ibm == skin.end()) continue;
    if (!ibm->is_number_unsigned() || ibm->get<std::uint64_t>() >= accessors.size())
      return fail(name + ": inverseBindMatrices names an accessor that does not exist");
    const json& acc = accessors[ibm->get<std::size_t>()];
    if (acc.value("type", std::string()) != "MAT4" || acc.value("count", std::uint64_t{0}) < joints)
      return fail(name + " has fewer inverse bind matrices than joints (" + std::to_string(joints) + ")");
  }
  std::size_t b = 0;
  for (const auto& buffer : list("buffers"))
    if (auto ok = check_uri(buffer, "buffer " + std::to_string(b++)); !ok) return ok;
  return {};
}

Expected<void> check_gltf_json(std::string_view text, const ModelLimits& limits) {
  try {
    return check_gltf_structure(text, limits);
  } catch (const nlohmann::json::exception&) {  // a value of the wrong type (a string count...)
    return fail("glTF JSON has a value of the wrong type");
  }
}

Expected<void> check_glb(std::span<const std::uint8_t> bytes, const ModelLimits& limits) {
  if (bytes.size() < 20) return fail("glb file is too short for its header");
  const std::uint64_t total = u32(bytes, 8);
  if (total > bytes.size())
    return fail("glb header claims " + std::to_string(total) + " bytes but the file has " +
                std::to_string(bytes.size()));
  const std::uint64_t json_length = u32(bytes, 12);
  if (std::memcmp(bytes.data() + 16, "JSON", 4) != 0) return fail("glb's first chunk is not JSON");
  if (20 + json_length > total)
    return fail("glb JSON chunk claims " + std::to_string(json_length) + " bytes but the file has " +
                std::to_string(total - 20) + " after the header");
  std::uint64_t at = 20 + ((json_length + 3) & ~std::uint64_t{3});
  while (at + 8 <= total) {  // the binary chunk(s) must fit too
    const std::uint64_t length = u32(bytes, static_cast<std::size_t>(at));
    if (at + 8 + length > total)
      return fail("glb chunk at byte " + std::to_string(at) + " claims " + std::to_string(length) +
                  " bytes past the end of the file");
    at += 8 + ((length + 3) & ~std::uint64_t{3});
  }
  const std::string_view text(reinterpret_cast<const char*>(bytes.data() + 20),
                              static_cast<std::size_t>(json_length));
  return check_gltf_json(text, limits);
}

// Assimp 5.2's OFF reader takes the header's vertex and face counts on trust: when the file has
// fewer lines than they promise it stops early but keeps the counts, and a face line that does
// not start with 1 to 9 corners is skipped while the loop goes on; both leave faces with no
// corners, and its triangulation then aborts in an ai_assert (found by tests/fuzz/fuzz_model).
// Its lines hold 4096 characters. So the body, read as Assimp reads it (a '#' comments out the
// rest of a line, empty lines do not count), needs a line per vertex and per face, each face
// line a corner count from 1 to 9, and no line of 4096 characters or more.
Expected<void> check_off_body(std::string_view text, std::size_t body, std::uint64_t vertices, std::uint64_t faces) {
  const auto line_end = [](char c) { return c == '\n' || c == '\r' || c == '\f'; };
  std::size_t i = body;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || line_end(text[i]))) ++i;  // to the next token
  std::uint64_t n = 0;
  while (i < text.size() && n < vertices + faces) {
    const std::size_t start = i;
    while (i < text.size() && !line_end(text[i])) ++i;
    std::string_view line = text.substr(start, i - start);
    if (line.size() >= 4096) return fail("OFF body: a line of " + std::to_string(line.size()) + " characters, 4095 at most");
    line = line.substr(0, line.find('#'));
    if (n >= vertices) {  // a face: its corner count first
      const auto first = line.find_first_not_of(" \t");
      const char c = first == std::string_view::npos ? ' ' : line[first];
      if (c < '1' || c > '9' || (first + 1 < line.size() && line[first + 1] >= '0' && line[first + 1] <= '9'))
        return fail("OFF body: face " + std::to_string(n - vertices + 1) + " does not start with its corner count (1 to 9)");
    }
    ++n;
    while (i < text.size() && line_end(text[i])) ++i;
  }
  if (n < vertices + faces)
    return fail("OFF body: the header promises " + std::to_string(vertices) + " vertices and " + std::to_string(faces) +
                " faces, a line each, but the file has " + std::to_string(n) + " lines");
  return {};
}

// OFF and PLY headers state element counts that Assimp allocates before reading them; each
// vertex needs at least two bytes in the file ("0\n"), so larger counts cannot be honest.
Expected<void> check_counted_header(std::span<const std::uint8_t> bytes, std::string_view kind) {
  // The whole PLY header is checked (a bad property must not hide behind 4 KB of comments).
  const std::size_t head_bytes = kind == "PLY" ? 65536 : 4096;
  const std::string head(reinterpret_cast<const char*>(bytes.data()), std::min<std::size_t>(bytes.size(), head_bytes));
  // A line of its own: "Bend_header" and "end_header" followed by a control character held the
  // word, and Assimp read on for ever (both found by fuzz_model).
  if (kind == "PLY") {
    bool ended = false;
    std::size_t header_end = 0;
    for (std::size_t at = head.find("end_header"); at != std::string::npos && !ended; at = head.find("end_header", at + 1)) {
      std::size_t after = at + 10;
      while (after < head.size() && (head[after] == ' ' || head[after] == '\t')) ++after;
      ended = (at == 0 || head[at - 1] == '\n') && (after == head.size() || head[after] == '\n' || head[after] == '\r');
      header_end = after;
    }
    if (!ended) return fail("PLY header: no end_header line in the first 64 KB");
    if (auto ok = check_ply_elements(std::string_view(head).substr(0, header_end)); !ok) return ok;
  }
  std::istringstream in(head);
  std::vector<std::uint64_t> counts;
  if (kind == "OFF") {
    std::string word;
    in >> word;  // OFF, COFF, NOFF or CNOFF; Assimp also reads variants with a dimension or a
                 // homogeneous coordinate, or no keyword, which shift the counts: not read here.
    if (word != "OFF" && word != "COFF" && word != "NOFF" && word != "CNOFF")
      return fail("OFF header: expected OFF, COFF, NOFF or CNOFF first");
    std::string token;
    while (counts.size() < 3 && in >> token) {
      if (token[0] == '#') { std::getline(in, token); continue; }
      try {
        counts.push_back(std::stoull(token));
      } catch (...) {
        return fail("OFF header: expected vertex, face and edge counts");
      }
    }
  } else {
    // Assimp 5.2 reads a property of a type it does not know ("uchar0") as zero bytes and then
    // loops, allocating, for ever (found by tests/fuzz/fuzz_model); so every type must be known.
    static const std::set<std::string, std::less<>> kTypes{
        "char", "uchar", "short", "ushort", "int", "uint", "float", "double", "int8", "uint8",
        "int16", "uint16", "int32", "uint32", "float32", "float64"};
    std::string line;
    while (std::getline(in, line) && line.rfind("end_header", 0) != 0) {
      std::istringstream words(line);
      std::string first;
      words >> first;
      if (first == "element") {
        std::string name;
        std::uint64_t count = 0;
        if (words >> name >> count) counts.push_back(count);
      } else if (first == "property") {
        std::string type;
        words >> type;
        std::vector<std::string> types{type};
        if (type == "list") {
          std::string count_type, item_type;
          words >> count_type >> item_type;
          types = {count_type, item_type};
        }
        for (const auto& t : types)
          if (!kTypes.contains(t))
            return fail("PLY header: a property of type '" + t.substr(0, 32) +
                        "', expected char, uchar, short, ushort, int, uint, float or double");
      }
    }
  }
  for (const auto c : counts)
    if (c > bytes.size())
      return fail(std::string(kind) + " header claims " + std::to_string(c) +
                  " elements, more than a file of " + std::to_string(bytes.size()) + " bytes can hold");
  if (kind == "OFF") {
    if (counts.size() < 3) return fail("OFF header: expected vertex, face and edge counts");
    const auto at = in.tellg();
    const std::size_t body = at < 0 ? head.size() : static_cast<std::size_t>(at);
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return check_off_body(text, body, counts[0], counts[1]);
  }
  return {};
}

}  // namespace

Expected<void> check_model_bytes(std::span<const std::uint8_t> bytes,
                                 const std::filesystem::path& path, const ModelLimits& limits) {
  auto located = [&](Expected<void> r) {
    if (!r) r.error().file = path.string();
    return r;
  };
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), "glTF", 4) == 0) return located(check_glb(bytes, limits));
  auto ext = path.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  // Assimp also recognises glTF JSON by its content, whatever the file is called.
  const auto first = text.find_first_not_of(" \t\r\n");
  if (ext == ".gltf" || (first != std::string_view::npos && text[first] == '{'))
    return located(check_gltf_json(text, limits));
  // Assimp also recognises OFF and PLY by their first bytes, whatever the file is called (a .glb
  // that is not glTF goes to any reader that claims it); OBJ and STL files go to their own.
  const bool by_content = ext != ".obj" && ext != ".stl";
  if (ext == ".off" || text.substr(0, 3) == "OFF" || text.substr(0, 4) == "COFF" || text.substr(0, 4) == "NOFF" ||
      (by_content && assimp_reads_as_off(text))) {
    // OFF is text; Assimp 5.2 reads a NUL byte as the end of a line, miscounts the faces and
    // aborts in an ai_assert while triangulating (found by tests/fuzz/fuzz_model).
    if (text.find('\0') != std::string_view::npos)
      return located(fail("OFF is a text format, but the file holds a NUL byte"));
    return located(check_counted_header(bytes, "OFF"));
  }
  if (ext == ".ply" || text.substr(0, 3) == "ply" || (by_content && assimp_reads_as_ply(text)))
    return located(check_counted_header(bytes, "PLY"));
  // Any other .glb: a binary glTF begins with its magic. Without it Assimp 5.2 offers the file
  // to every reader that claims its content, and one of them looped for minutes on 42 bytes of
  // JSON-like text (tests/fuzz/fuzz_model, session 12): refused here instead.
  if (ext == ".glb")
    return located(fail("not a binary glTF file: a .glb begins with the bytes \"glTF\", this one does not"));
  return {};
}

}  // namespace effleura::anatomy
