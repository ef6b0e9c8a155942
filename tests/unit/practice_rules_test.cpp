// Practice mode's rules from the technique files ([practice]), the spots a stroke must not
// press into (bony landmarks, a varicose vein), and written strokes (--stroke files): parsed
// with file:line errors, and each changing the grade the way it says.
#include <doctest/doctest.h>

#include "practice_test_support.hpp"

#include <numbers>

#include "anatomy/area_content.hpp"
#include "anatomy/leg_surface.hpp"
#include "anatomy/model.hpp"
#include "anatomy/vein_network.hpp"
#include "practice/grading.hpp"
#include "practice/rules.hpp"
#include "practice/rules_reader.hpp"
#include "practice/stroke_file.hpp"

using namespace effleura;
using practice::Criterion;

namespace {

using test::areas;
using test::kDeg;
using test::leg;

// A straight stroke in surface coordinates through `around_deg`, 30 samples a second.
practice::Stroke line(float along0, float along1, float around_deg, double seconds, float mmhg) {
  practice::StrokeFile f;
  f.points = {{0.0, along0, around_deg, mmhg}, {seconds, along1, around_deg, mmhg}};
  return practice::to_stroke(f, leg());
}

Expected<practice::Rules> rules_from(const std::string& table) {
  auto root = parse_toml_string(table, "rules.toml");
  if (!root) return std::unexpected(root.error());
  return practice::read_rules(*root, "rules.toml");
}

practice::Reference reference(const std::string& id, practice::Rules rules) {
  const technique::Technique* t = test::real_library().find(id);
  REQUIRE(t != nullptr);
  const technique::Timeline timeline(*t, test::real_poses(), leg());
  return practice::measure_reference(*t, timeline, std::move(rules));
}

}  // namespace

TEST_CASE("practice rules: every technique file has a [practice] table, and effleurage's says what to avoid") {
  for (const auto& t : test::real_library().all()) {
    INFO(t.id);
    auto r = practice::load_rules(t.file);
    REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().describe()));
    CHECK(r->from_content);
    CHECK_FALSE(r->avoid.empty());
  }
  auto r = practice::load_rules(test::real_library().find("effleurage")->file);
  REQUIRE(r.has_value());
  for (const char* id : {"patella", "fibular-head", "medial-malleolus", "tibial-tuberosity", "varicose"})
    CHECK_MESSAGE(std::find(r->avoid.begin(), r->avoid.end(), id) != r->avoid.end(), id);
  const auto popliteal = *anatomy::area_index("popliteal");
  const auto band = std::find_if(r->area_pressure.begin(), r->area_pressure.end(),
                                 [&](const practice::AreaBand& b) { return b.area == popliteal; });
  REQUIRE(band != r->area_pressure.end());
  CHECK(band->hi_mmhg == doctest::Approx(15.0f));
}

TEST_CASE("practice rules: a bad [practice] table is an error naming file, line and what was expected") {
  struct Case { const char* text; int line; const char* says; };
  const Case cases[] = {
      {"[practice]\non_area = 0.75\nspeeed = [0.5, 2]\n", 3, "speeed"},
      {"[practice]\npressure = [1.5, 0.35]\n", 2, "low < high"},
      {"[practice]\navoid = [\n  \"patella\",\n  \"elbow\",\n]\n", 4, "unknown spot 'elbow'"},
      {"[practice]\narea_pressure = { calves = [10, 40], knee = [1, 2] }\n", 2, "unknown area 'knee'"},
      {"[practice]\non_area = 1.5\n", 2, "on_area"},
      {"[practice]\ndirection = \"sideways\"\n", 2, "toward-heart"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto r = rules_from(c.text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().file == "rules.toml");
    CHECK(r.error().line == c.line);
    CHECK(r.error().describe().find(c.says) != std::string::npos);
  }
  // No table at all: the defaults, and nothing claimed from content.
  auto none = rules_from("name = \"x\"\n");
  REQUIRE(none.has_value());
  CHECK_FALSE(none->from_content);
  CHECK(none->on_area == doctest::Approx(0.75f));
}

TEST_CASE("practice rules: an instructor who tightens the file changes the grade") {
  // Effleurage's own glide is ~17 cm/s; this stroke goes 0.27 of the leg in 0.9 s, about 1.7 times it.
  const practice::Stroke brisk = line(0.15f, 0.42f, 180.0f, 0.9, 12.0f);
  const auto loose = reference("effleurage", *rules_from("[practice]\nspeed = [0.5, 2.0]\n"));
  const auto tight = reference("effleurage", *rules_from("[practice]\nspeed = [0.7, 1.3]\n"));
  const auto* t = test::real_library().find("effleurage");
  const auto a = practice::grade(brisk, *t, loose, areas());
  const auto b = practice::grade(brisk, *t, tight, areas());
  CHECK(a[Criterion::speed].pass);
  CHECK_FALSE(b[Criterion::speed].pass);
  CHECK(b[Criterion::speed].coaching.find("Slow down") != std::string::npos);
  // The file's own band behind the knee: 25 mmHg there passes once an instructor allows it.
  const practice::Stroke knee = line(0.44f, 0.56f, 180.0f, 0.8, 25.0f);
  const auto strict = practice::grade(knee, *t, loose, areas());
  const auto lenient =
      practice::grade(knee, *t, reference("effleurage", *rules_from("[practice]\narea_pressure = { popliteal = [5, 30] }\n")),
                      areas());
  CHECK_FALSE(strict[Criterion::avoid].pass);
  CHECK(lenient[Criterion::avoid].pass);
  // "any" leaves direction ungraded.
  const auto any = practice::grade(line(0.42f, 0.15f, 180.0f, 1.6, 12.0f), *t,
                                   reference("effleurage", *rules_from("[practice]\ndirection = \"any\"\n")), areas());
  CHECK_FALSE(any[Criterion::direction].applies);
}

TEST_CASE("practice rules: pressing on a bony landmark or a marked varicose vein is a safety fault with its own line") {
  const auto* t = test::real_library().find("effleurage");
  auto rules = practice::load_rules(t->file);
  REQUIRE(rules.has_value());
  // The kneecap, as the model names it (landmarks.toml), on the front of the analytic knee.
  auto names = practice::load_landmark_names(test::content_dir() / "anatomy" / "landmarks.toml");
  REQUIRE(names.has_value());
  const auto patella = std::find_if(names->begin(), names->end(), [](const auto& n) { return n.id == "patella"; });
  REQUIRE(patella != names->end());
  const std::vector<anatomy::Landmark> landmarks{{patella->name, leg().position(0.50f, 0.0f)},
                                                 {"Somewhere not asked for", leg().position(0.20f, 0.0f)}};
  auto ref = reference("effleurage", *rules);
  ref.spots = practice::avoid_spots(*rules, *names, landmarks, nullptr, {});
  REQUIRE(ref.spots.size() == 1);  // only the landmarks the rules name
  const auto hard = practice::grade(line(0.44f, 0.56f, 0.0f, 0.8, 30.0f), *t, ref, areas());
  INFO(hard.summary);
  CHECK_FALSE(hard[Criterion::avoid].pass);
  CHECK(hard[Criterion::avoid].coaching.find("bony point") != std::string::npos);
  CHECK(hard[Criterion::avoid].coaching.find("kneecap") != std::string::npos);
  CHECK(hard.summary.find("bony point") != std::string::npos);  // safety is the one thing to change
  const auto light = practice::grade(line(0.44f, 0.56f, 0.0f, 0.8, 12.0f), *t, ref, areas());
  CHECK(light[Criterion::avoid].pass);

  // The great saphenous vein set incompetent in the session: marked along its whole length.
  auto network = anatomy::load_vein_network(test::content_dir() / "anatomy" / "veins.toml");
  REQUIRE(network.has_value());
  const std::vector<std::string> varicose{"great-saphenous"};
  ref.spots = practice::avoid_spots(*rules, *names, {}, &*network, varicose);
  REQUIRE(ref.spots.size() > 10);
  CHECK(practice::avoid_spots(*rules, *names, {}, &*network, {}).empty());  // none marked: nothing to avoid
  // A stroke up the leg along the vein's path over the calf (its spots projected to the skin).
  const practice::Spot& mid = ref.spots[ref.spots.size() / 4];
  CHECK(mid.vein);
  const auto at = leg().project(mid.position);
  const float deg = at.around / kDeg;
  const auto over = practice::grade(line(at.along - 0.05f, at.along + 0.05f, deg, 0.8, 25.0f), *t, ref, areas());
  INFO(over.summary);
  CHECK_FALSE(over[Criterion::avoid].pass);
  CHECK(over[Criterion::avoid].coaching.find("varicose") != std::string::npos);
  const auto gentle = practice::grade(line(at.along - 0.05f, at.along + 0.05f, deg, 0.8, 8.0f), *t, ref, areas());
  CHECK(gentle[Criterion::avoid].pass);
}

TEST_CASE("practice stroke files: the sample strokes load, and bad ones are rejected with file:line") {
  for (const char* name : {"effleurage-up-the-calf.toml", "spot-the-mistake-down-the-calf.toml",
                           "spot-the-mistake-behind-the-knee.toml"}) {
    auto f = practice::load_stroke_file(test::source_dir() / "docs" / "practice" / name);
    REQUIRE_MESSAGE(f.has_value(), (f ? std::string() : f.error().describe()));
    CHECK(f->points.size() >= 2);
    CHECK_FALSE(f->note.empty());
  }
  struct Case { const char* text; int line; const char* says; };
  const Case cases[] = {
      {"[[point]]\nt = 0\nalong = 0.2\naround = 180\npressure = 10\n[[point]]\nt = 0\nalong = 0.3\naround = 180\npressure = 10\n",
       7, "does not come after"},
      {"[[point]]\nt = 0\nalong = 0.2\naround = 180\npressure = 10\n", 0, "at least two"},
      {"[[point]]\nt = 0\nalong = 2.5\naround = 180\npressure = 10\n[[point]]\nt = 1\nalong = 0.3\naround = 180\npressure = 10\n",
       3, "along"},
      {"[[point]]\nt = 0\nalong = 0.2\naround = 180\npresure = 10\n", 5, "presure"},
      {"[[point]]\nt = 0\nalong = 0.2\naround = 180\npressure = -3\n", 5, "pressure"},
      {"[[point]\nt = 0\n", 1, ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto f = practice::parse_stroke_string(c.text, "stroke.toml");
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().file == "stroke.toml");
    if (c.line > 0) CHECK(f.error().line == c.line);
    CHECK(f.error().describe().find(c.says) != std::string::npos);
  }
  // Between points the hand moves in a straight line, at the pressure between theirs.
  auto two = practice::parse_stroke_string(
      "[[point]]\nt = 0\nalong = 0.2\naround = 180\npressure = 10\n[[point]]\nt = 2\nalong = 0.4\naround = 200\npressure = 20\n",
      "s.toml");
  REQUIRE(two.has_value());
  const auto mid = practice::point_at(*two, 1.0);
  CHECK(mid.along == doctest::Approx(0.3f));
  CHECK(mid.around_deg == doctest::Approx(190.0f));
  CHECK(mid.pressure_mmhg == doctest::Approx(15.0f));
  const auto stroke = practice::to_stroke(*two, leg());
  CHECK(stroke.samples.size() == 61);  // 30 a second, both ends
  CHECK(stroke.duration() == doctest::Approx(2.0));
}
