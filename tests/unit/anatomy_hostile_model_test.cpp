// Hostile model files, each built here in a few lines: every one crashed, hung or filled
// memory inside Assimp before anatomy/model_input_checks.cpp and model_files.cpp.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include "anatomy/model_input_checks.hpp"
#include "anatomy/model_loader.hpp"
#include "../support/test_models.hpp"

using namespace effleura;
namespace fs = std::filesystem;

namespace {

// One triangle: 3 float3 positions (36 bytes) then 3 uint16 indices (6 bytes, padded to 8).
std::string triangle_bin(float x = 0.0f) {
  const float p[9] = {x, 0, 0, 1, 0, 0, 0, 1, 0};
  const std::uint16_t i[4] = {0, 1, 2, 0};
  std::string bin(44, '\0');
  std::memcpy(bin.data(), p, 36);
  std::memcpy(bin.data() + 36, i, 8);
  return bin;
}

// A glTF scene drawing mesh 0; `nodes` and `extra` replace the defaults when given.
std::string gltf_json(const std::string& buffer, const std::string& nodes = R"([{"mesh":0,"name":"skin"}])",
                      const std::string& extra = "", const std::string& scene_nodes = "[0]") {
  return R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":)" + scene_nodes + R"(}],"nodes":)" + nodes +
         R"(,"meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],)"
         R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},)"
         R"({"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"}],)"
         R"("bufferViews":[{"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":6}],)"
         R"("buffers":[)" + buffer + "]" + extra + "}";
}

void put_u32(std::string& out, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
}

std::string glb(std::string json, const std::string& bin, std::uint32_t claimed_json_length = 0) {
  while (json.size() % 4) json.push_back(' ');
  std::string out = "glTF";
  put_u32(out, 2);
  put_u32(out, static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.size()));
  put_u32(out, claimed_json_length ? claimed_json_length : static_cast<std::uint32_t>(json.size()));
  out += "JSON" + json;
  put_u32(out, static_cast<std::uint32_t>(bin.size()));
  out += std::string("BIN\0", 4) + bin;
  return out;
}

std::string glb_triangle(const std::string& nodes = R"([{"mesh":0,"name":"skin"}])", const std::string& extra = "",
                         const std::string& scene_nodes = "[0]") {
  return glb(gltf_json(R"({"byteLength":44})", nodes, extra, scene_nodes), triangle_bin());
}

fs::path write(const std::string& name, const std::string& bytes) {
  const auto path = test::temp_dir("hostile-models") / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path;
}

std::string load_error(const fs::path& path) {
  auto model = anatomy::load_model(path);
  REQUIRE_FALSE(model.has_value());
  CHECK(model.error().file == path.string());
  CHECK(model.error().message.find('\n') == std::string::npos);
  return model.error().message;
}

}  // namespace

TEST_CASE("the generated triangle glb loads (the hostile cases below differ from it in one thing)") {
  auto model = anatomy::load_model(write("ok.glb", glb_triangle()));
  REQUIRE(model.has_value());
  REQUIRE(model->meshes.size() == 1);
  CHECK(model->triangle_count() == 1);
}

TEST_CASE("a FIFO given as the model is refused at once") {
  const auto fifo = test::temp_dir("hostile-models") / "fifo.glb";
  fs::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(load_error(fifo).find("pipe") != std::string::npos);
}

TEST_CASE("a glb whose JSON chunk claims gigabytes is refused before anything is allocated") {
  const auto e = load_error(write("huge-chunk.glb", glb(gltf_json(R"({"byteLength":44})"), triangle_bin(), 0xF0000000u)));
  CHECK(e.find("JSON chunk claims") != std::string::npos);
}

TEST_CASE("JSON nested 400 KB deep is refused instead of overflowing Assimp's stack") {
  const std::string deep = std::string(400'000, '[') + std::string(400'000, ']');
  const auto e = load_error(write("deep-json.glb", glb(gltf_json(R"({"byteLength":44})", "[{\"mesh\":0}]", ",\"extras\":" + deep), triangle_bin())));
  CHECK(e.find("nests deeper than") != std::string::npos);
  CHECK(load_error(write("deep-json.gltf", deep)).find("nests deeper than") != std::string::npos);
}

TEST_CASE("nodes nested 20,000 deep are refused") {
  std::string nodes = "[";
  for (int i = 0; i < 20000; ++i) nodes += R"({"children":[)" + std::to_string(i + 1) + "]},";
  nodes += R"({"mesh":0}])";
  CHECK(load_error(write("deep-nodes.glb", glb_triangle(nodes))).find("nest deeper than") != std::string::npos);
}

TEST_CASE("nodes that form a loop or share a child are refused") {
  CHECK(load_error(write("loop.glb", glb_triangle(R"([{"mesh":0,"children":[1]},{"children":[0]}])")))
            .find("or form a loop") != std::string::npos);
  CHECK(load_error(write("self.glb", glb_triangle(R"([{"mesh":0,"children":[0]}])"))).find("parent") !=
        std::string::npos);
}

TEST_CASE("a skin with fewer inverse bind matrices than joints is refused (Assimp read past them)") {
  const std::string nodes = R"([{"mesh":0,"skin":0},{"name":"a"},{"name":"b"}])";
  const std::string extra =
      R"(,"skins":[{"joints":[1,2],"inverseBindMatrices":2}])";
  // Accessor 2 would be the matrices; it is declared with count 1 for two joints.
  std::string json = gltf_json(R"({"byteLength":108})", nodes, extra, "[0,1,2]");
  auto replace = [&](const std::string& from, const std::string& to) {
    REQUIRE(json.find(from) != std::string::npos);
    json.replace(json.find(from), from.size(), to);
  };
  replace(R"("type":"SCALAR"})", R"("type":"SCALAR"},{"bufferView":2,"componentType":5126,"count":1,"type":"MAT4"})");
  replace(R"("byteLength":6}])", R"("byteLength":6},{"buffer":0,"byteOffset":44,"byteLength":64}])");
  CHECK(load_error(write("short-ibm.glb", glb(json, triangle_bin() + std::string(64, '\0'))))
            .find("fewer inverse bind matrices") != std::string::npos);
}

TEST_CASE("a skin with more joints than the cap is refused") {
  std::string joints = "[";
  std::string nodes = R"([{"mesh":0})";
  for (int i = 1; i <= 2000; ++i) {
    joints += std::to_string(i) + (i < 2000 ? "," : "]");
    nodes += R"(,{})";
  }
  nodes += "]";
  CHECK(load_error(write("joints.glb", glb_triangle(nodes, R"(,"skins":[{"joints":)" + joints + "}]")))
            .find("2000 joints") != std::string::npos);
}

TEST_CASE("twenty thousand copies of one triangle are refused rather than drawn one by one") {
  std::string nodes = "[";
  std::string roots = "[";
  for (int i = 0; i < 20000; ++i) {
    nodes += std::string(i ? "," : "") + R"({"mesh":0})";
    roots += std::string(i ? "," : "") + std::to_string(i);
  }
  CHECK(load_error(write("copies.glb", glb_triangle(nodes + "]", "", roots + "]"))).find("mesh parts") !=
        std::string::npos);
}

TEST_CASE("a buffer outside the model's folder, or a FIFO beside it, is not read") {
  const auto dir = test::temp_dir("hostile-models");
  std::ofstream(dir / ".." / "secret.bin", std::ios::binary) << triangle_bin();
  const auto outside = write("outside.gltf", gltf_json(R"({"byteLength":44,"uri":"../secret.bin"})"));
  CHECK(load_error(outside).find("outside the model's folder") != std::string::npos);
  const auto absolute = write("absolute.gltf", gltf_json(R"({"byteLength":44,"uri":"/dev/zero"})"));
  CHECK(load_error(absolute).find("outside the model's folder") != std::string::npos);

  fs::remove(dir / "pipe.bin");
  REQUIRE(::mkfifo((dir / "pipe.bin").c_str(), 0600) == 0);
  load_error(write("fifo-buffer.gltf", gltf_json(R"({"byteLength":44,"uri":"pipe.bin"})")));

  std::ofstream(dir / "beside.bin", std::ios::binary) << triangle_bin();
  CHECK(anatomy::load_model(write("beside.gltf", gltf_json(R"({"byteLength":44,"uri":"beside.bin"})"))).has_value());
}

TEST_CASE("an OFF header claiming a billion vertices is refused instead of allocated") {
  const auto e = load_error(write("huge.off", "OFF\n1000000000 1000000000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"));
  CHECK(e.find("OFF header claims") != std::string::npos);
  CHECK(anatomy::load_model(write("small.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n")).has_value());
  // tests/fuzz/fuzz_model: NUL bytes in the counts line made Assimp abort in an ai_assert.
  const std::string nul = std::string("OFF\n3 1") + std::string(36, '\0') + " 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";
  CHECK(load_error(write("nul.off", nul)).find("NUL byte") != std::string::npos);
}

TEST_CASE("an OFF body with fewer lines than its header promises, or a face line without its corner count, is refused") {
  // tests/fuzz/fuzz_model: Assimp keeps the header's face count when the lines run out or a face
  // line is skipped, and its triangulation then aborts in an ai_assert.
  CHECK(load_error(write("short.off", "OFF\n3 1 0\n0 0  1 0\n3 0 1 2(\n")).find("the file has 2 lines") != std::string::npos);
  CHECK(load_error(write("no-corners.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\nx 0 1 2\n")).find("corner count") !=
        std::string::npos);
  CHECK(load_error(write("ten.off", "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n10 0 1 2\n")).find("corner count") != std::string::npos);
  CHECK(load_error(write("long.off", "OFF\n3 1 0\n" + std::string(5000, '1') + "\n1 0 0\n0 1 0\n3 0 1 2\n"))
            .find("4095 at most") != std::string::npos);
  CHECK(load_error(write("dim.off", "nOFF\n3\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n")).find("expected OFF") != std::string::npos);
  // Comments, blank lines and CRLF as Assimp reads them, and COFF's colours, still load.
  CHECK(anatomy::load_model(write("commented.off", "OFF # a triangle\r\n3 1 0\r\n\r\n0 0 0 # first\r\n1 0 0\r\n0 1 0\r\n3 0 1 2\r\n"))
            .has_value());
  CHECK(anatomy::load_model(write("colour.off", "COFF\n3 1 0\n0 0 0 1 0 0 1\n1 0 0 0 1 0 1\n0 1 0 0 0 1 1\n3 0 1 2\n")).has_value());
}

TEST_CASE("a PLY whose lines do not match its header is refused before Assimp's triangulation aborts") {
  // tests/fuzz/fuzz_model: a damaged property line under "element vertex 2" left the face empty
  // under a polygon mesh, and Assimp's triangulation asserted.
  const std::string bad = "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\n"
                          "prop\xff\xff\xff\xffy float z\nelement face 1\nproperty list uchar int vertex_indices\n"
                          "end_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";
  const auto e = load_error(write("damaged.ply", bad));
  CHECK(!e.empty());
}

TEST_CASE("a PLY property of an unknown type is refused (Assimp looped for ever, allocating)") {
  // tests/fuzz/fuzz_model found it: "uchar0" for "uchar"; the same file spelled right loads.
  const std::string head = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                           "property float z\nelement face 1\nproperty list ";
  const std::string body = " int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";
  CHECK(load_error(write("bad-type.ply", head + "uchar0" + body)).find("type 'uchar0'") != std::string::npos);
  CHECK(load_error(write("no-end.ply", head + "uchar" + " int vertex_indices\n")).find("end_header") != std::string::npos);
  // The word inside another ("Bend_header") is no end to the header: Assimp read on for ever.
  CHECK(load_error(write("b-end.ply", head + "uchar int vertex_indices\nBend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"))
            .find("end_header") != std::string::npos);
  CHECK(load_error(write("end-ctrl.ply", head + "uchar int vertex_indices\nend_header\x0e" + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"))
            .find("end_header") != std::string::npos);
  CHECK(anatomy::load_model(write("good.ply", head + "uchar" + body)).has_value());
}

TEST_CASE("a PLY naming its vertex or face element twice is refused (Assimp wrote past its vertex array)") {
  // tests/fuzz/fuzz_model under glibc's malloc checks: Assimp sizes the vertices by the first
  // vertex element (1 row here) and writes the second one's 3 rows into them, past the end.
  const std::string xyz = "property float x\nproperty float y\nproperty float z\n";
  const std::string faces = "element face 1\nproperty list uchar int vertex_indices\n";
  const std::string rows = "end_header\n0 0 0\n1 0 0\n0 1 0\n0 0 1\n3 0 1 2\n";
  const std::string start = "ply\nformat ascii 1.0\n";
  CHECK(load_error(write("two-vertex.ply", start + "element vertex 1\n" + xyz + "element vertex 3\n" + xyz + faces + rows))
            .find("more than one vertex element") != std::string::npos);
  CHECK(load_error(write("two-face.ply", start + "element vertex 4\n" + xyz + faces + faces + rows + "3 0 1 3\n"))
            .find("more than one face") != std::string::npos);
  // Assimp re-reads the tail of a longer earlier line after a comment or a bare "element": an
  // element named inside a line (here after indentation) or a bare "element" is refused too.
  CHECK(load_error(write("indented.ply", start + "   element vertex 3\n" + xyz + faces + "comment a\n" + rows))
            .find("must start its line") != std::string::npos);
  CHECK(load_error(write("bare.ply", start + "element vertex 3\n" + xyz + "element\n" + faces + rows))
            .find("nothing after it") != std::string::npos);
  // A comment about vertices is still a comment, and the file loads.
  CHECK(anatomy::load_model(write("comment.ply", start + "comment vertex colours none\nelement vertex 3\n" + xyz + faces +
                                                     "end_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"))
            .has_value());
  // Assimp reads these by their content whatever the name: a .glb holding a PLY (after a line
  // break, in capitals) or an OFF file without its keyword is checked as one.
  CHECK(load_error(write("ply-inside.glb", "\nPLY\nformat ascii 1.0\nelement vertex 1\n" + xyz + "element vertex 3\n" + xyz +
                                               faces + rows))
            .find("more than one vertex element") != std::string::npos);
  CHECK(load_error(write("off-inside.glb", "off\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n")).find("expected OFF") != std::string::npos);
  // Any other .glb without glTF's magic is refused before Assimp: these 42 bytes (found by
  // tests/fuzz/fuzz_model) kept one of Assimp 5.2's readers looping for minutes.
  const std::string looped = "ll\x01{\"asset\":\"children\"lllllll\x05t\"indexarray";
  CHECK(load_error(write("looped.glb", looped)).find("not a binary glTF file") != std::string::npos);
}

TEST_CASE("models with non-finite or no extent are refused with a message") {
  CHECK(load_error(write("nan.obj", "o skin\nv nan 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n")).find("not a finite") !=
        std::string::npos);
  CHECK(load_error(write("inf.obj", "o skin\nv 0 0 0\nv 1e39 0 0\nv 0 1 0\nf 1 2 3\n")).find("not a finite") !=
        std::string::npos);
  CHECK(load_error(write("point.obj", "o skin\nv 1 1 1\nv 1 1 1\nv 1 1 1\nf 1 2 3\n")).find("no extent") !=
        std::string::npos);
}

TEST_CASE("glTF JSON over the size cap is refused before it is parsed") {
  const std::string json = gltf_json(R"({"byteLength":44})");
  anatomy::ModelLimits limits;
  limits.json_bytes = json.size() - 1;
  const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(json.data()), json.size());
  auto r = anatomy::check_model_bytes(bytes, "big.gltf", limits);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("glTF JSON is") != std::string::npos);
  limits.json_bytes = json.size();
  CHECK(anatomy::check_model_bytes(bytes, "big.gltf", limits).has_value());
}

namespace {

// A minimal Blitz3D (.b3d) file: one triangle and an animation whose only key lies one frame
// past the animation's end, as in minetest's character.b3d.
std::string b3d_with_late_key() {
  auto i32 = [](std::int32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); };
  auto f32 = [](float v) { return std::string(reinterpret_cast<const char*>(&v), 4); };
  auto chunk = [&](const char* tag, const std::string& body) {
    return std::string(tag, 4) + i32(static_cast<std::int32_t>(body.size())) + body;
  };
  std::string vertices = i32(0) + i32(0) + i32(0);
  for (const float v : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f}) vertices += f32(v);
  const std::string mesh = chunk("MESH", i32(-1) + chunk("VRTS", vertices) + chunk("TRIS", i32(-1) + i32(0) + i32(1) + i32(2)));
  std::string transform;
  for (const float v : {0.f, 0.f, 0.f, 1.f, 1.f, 1.f, 1.f, 0.f, 0.f, 0.f}) transform += f32(v);
  const std::string anim = chunk("ANIM", i32(0) + i32(2) + f32(25.0f));  // 2 frames long
  const std::string keys = chunk("KEYS", i32(1) + i32(3) + f32(0) + f32(0) + f32(0));  // a key at frame 3
  return chunk("BB3D", i32(1) + chunk("NODE", std::string("skin") + '\0' + transform + mesh + anim + keys));
}

}  // namespace

TEST_CASE("an animation key past the end does not stop a model loading: we use no animation") {
  auto model = anatomy::load_model(write("late-key.b3d", b3d_with_late_key()));
  REQUIRE_MESSAGE(model.has_value(), model.error().describe());
  CHECK(model->triangle_count() == 1);
}

TEST_CASE("a model reached through a symlink from another folder still loads") {
  const auto elsewhere = test::temp_dir("hostile-models-link");
  const auto real = write("linked-target.glb", glb_triangle());
  const auto link = elsewhere / "linked.glb";
  fs::remove(link);
  fs::create_symlink(real, link);
  auto model = anatomy::load_model(link);
  REQUIRE_MESSAGE(model.has_value(), model.error().describe());
  CHECK(model->triangle_count() == 1);
}
