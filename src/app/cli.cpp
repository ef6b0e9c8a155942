#include "app/cli.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <sstream>

#include "anatomy/areas.hpp"
#include "app/language.hpp"
#include "app/option_checks.hpp"
#include "app/client_stage.hpp"
#include "app/view_file.hpp"

namespace effleura::app {
namespace {

using Setter = std::function<Expected<void>(Options&, const std::string&)>;

struct Flag {
  const char* name;
  const char* value;  // placeholder shown in help; nullptr for a switch
  const char* help;
  Setter set;
};

Expected<double> parse_number(const std::string& flag, const std::string& text, double min, double max) {
  double v = 0.0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || !(v >= min && v <= max)) {
    std::ostringstream msg;
    msg << "invalid value '" << text << "' for " << flag << ": expected a number from " << min << " to " << max;
    return fail(msg.str());
  }
  return v;
}

Expected<int> parse_int(const std::string& flag, const std::string& text, int min, int max) {
  int v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || v < min || v > max)
    return fail("invalid value '" + text + "' for " + flag + ": expected a whole number from " +
                std::to_string(min) + " to " + std::to_string(max));
  return v;
}

Expected<glm::ivec2> parse_size(const std::string& text) {
  const auto x = text.find('x');
  if (x != std::string::npos) {
    auto w = parse_int("--size", text.substr(0, x), 16, 8192);
    auto h = parse_int("--size", text.substr(x + 1), 16, 8192);
    if (w && h) return glm::ivec2(*w, *h);
  }
  return fail("invalid value '" + text + "' for --size: expected WIDTHxHEIGHT, e.g. 1280x720 (16 to 8192 each)");
}

Expected<render::LayerVisibility> parse_layers(const std::string& text) {
  render::LayerVisibility v{false, false, false, false, false, false};
  std::stringstream in(text);
  std::string item;
  bool any = false;
  while (std::getline(in, item, ',')) {
    if (item == "skin") v.skin = true;
    else if (item == "muscles") v.muscles = true;
    else if (item == "bones") v.bones = true;
    else if (item == "veins") v.veins = true;
    else if (item == "arteries") v.arteries = true;
    else if (item == "nerves") v.nerves = true;
    else return fail("invalid layer '" + item + "' for --layers: expected a comma-separated list of skin, muscles, bones, veins, arteries, nerves");
    any = true;
  }
  if (!any) return fail("--layers needs at least one of skin, muscles, bones, veins, arteries, nerves");
  return v;
}

std::string area_list() {
  std::string s;
  for (auto id : anatomy::kAreaIds) s += (s.empty() ? "" : ", ") + std::string(id);
  return s;
}

const std::vector<Flag>& flags() {
  static const std::vector<Flag> table = {
      {"--help", nullptr, "Show this help and exit.", [](Options& o, const std::string&) -> Expected<void> { o.help = true; return {}; }},
      {"--version", nullptr, "Show the version and exit.", [](Options& o, const std::string&) -> Expected<void> { o.version = true; return {}; }},
      {"--headless", nullptr, "Render without a window or display (EGL), e.g. with --screenshot.",
       [](Options& o, const std::string&) -> Expected<void> { o.headless = true; return {}; }},
      {"--screenshot", "FILE.png", "Write the last rendered frame as PNG (headless), e.g. --screenshot leg.png.",
       [](Options& o, const std::string& v) -> Expected<void> { o.screenshot = v; return {}; }},
      {"--size", "WxH", "Image size of headless renders (default 1280x720) and size of the window (default 1280x800, never larger than the screen's free area), e.g. --size 1920x1080.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto s = parse_size(v); if (!s) return std::unexpected(s.error()); o.size = *s; o.size_set = true; return {}; }},
      {"--frames", "N", "Frames to render before the screenshot (headless, default 1) or before closing (window), e.g. --frames 60.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto n = parse_int("--frames", v, 1, 10'000'000); if (!n) return std::unexpected(n.error());
         o.frames = *n; o.frames_set = true; return {}; }},
      {"--fps", "F", "Fixed frame rate of headless runs (default 30), e.g. --fps 60.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto n = parse_number("--fps", v, 1, 240); if (!n) return std::unexpected(n.error()); o.fps = *n; return {}; }},
      {"--antialias", "MODE", "How frames smooth their edges: msaa (4x multisampling, the finest; default for screenshots and for a window on a graphics card), filter (an edge filter at a fraction of the cost on a software renderer; default for --record, --frames-dir and a window drawn in software) or off, e.g. --antialias msaa.",
       [](Options& o, const std::string& v) -> Expected<void> {
         if (v == "msaa") o.antialias = render::Antialiasing::multisample;
         else if (v == "filter") o.antialias = render::Antialiasing::edge_filter;
         else if (v == "off") o.antialias = render::Antialiasing::none;
         else return fail("invalid value '" + v + "' for --antialias: expected msaa, filter or off");
         return {}; }},
      {"--scene-scale", "S", "Draw the 3D scene at S times the width and height (0.25 to 1) and stretch it to the frame, or auto: shrink it while frames take longer than 1/60 s and draw it sharp when nothing moves (the default in a window drawn in software); for a window and --bench, e.g. --scene-scale auto.",
       [](Options& o, const std::string& v) -> Expected<void> {
         if (v == "auto") { o.scene_scale = 0.0f; return {}; }
         auto n = parse_number("--scene-scale", v, 0.25, 1.0); if (!n) return std::unexpected(n.error());
         o.scene_scale = static_cast<float>(*n); return {}; }},
      {"--panels", nullptr, "Draw the window's panels, labels and caption into a headless picture; with --bench, time them with the chosen view, e.g. --bench --technique effleurage --panels.",
       [](Options& o, const std::string&) -> Expected<void> { o.panels = true; return {}; }},
      {"--view", "NAME|FILE", "Start from a view: front, back, lateral, medial or top, or a saved view's file (File > Save view as...: its camera, layers, lit areas, hidden structures, cut and technique moment), e.g. --view back or --view soleus.toml.",
       [](Options& o, const std::string& v) -> Expected<void> {
         if (auto p = render::parse_view(v)) { o.view = *p; o.view_file.reset(); return {}; }
         // A file's name has a dot or a folder in it; a bare word is a mistyped view name.
         if (v.find_first_of("./") == std::string::npos)
           return fail("invalid value '" + v + "' for --view: expected front, back, lateral, medial or top, or a view file (NAME.toml)");
         o.view_file = v; o.view.reset(); return {}; }},
      {"--look-at", "WHAT", "Frame leg (the default) or head: the client's head, seen from --view's direction (default lateral), e.g. --look-at head --posture prone to see the face in the face hole.",
       [](Options& o, const std::string& v) -> Expected<void> {
         if (v != "leg" && v != "head") return fail("invalid value '" + v + "' for --look-at: expected leg or head");
         o.look_at_head = v == "head"; return {}; }},
      {"--area", "ID", "Highlight an area (repeatable): feet, ankles, calves, shin, thighs, popliteal, hamstrings, it-band, glutes; e.g. --area calves.",
       [](Options& o, const std::string& v) -> Expected<void> {
         if (!anatomy::area_index(v)) return fail("invalid value '" + v + "' for --area: expected one of " + area_list());
         if (std::find(o.areas.begin(), o.areas.end(), v) == o.areas.end()) o.areas.push_back(v);
         return {}; }},
      {"--xray", "OPACITY", "Skin opacity from 0 (invisible) to 1 (opaque) to see the layers beneath, e.g. --xray 0.3.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto n = parse_number("--xray", v, 0, 1); if (!n) return std::unexpected(n.error());
         o.xray = static_cast<float>(*n); return {}; }},
      {"--layers", "LIST", "Layers to show, comma-separated (default all), e.g. --layers skin,veins or --layers arteries,nerves; "
       "the skin named with a layer beneath it is drawn see-through (opacity 0.2) so that layer shows, unless --xray sets it.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto l = parse_layers(v); if (!l) return std::unexpected(l.error()); o.layers = *l; return {}; }},
      {"--model", "FILE", "Show another model instead of the leg (any format Assimp reads), e.g. --model arm.obj.",
       [](Options& o, const std::string& v) -> Expected<void> { o.model = v; return {}; }},
      {"--areas", "MAPPING.toml", "With --model: map the model's mesh names to the nine areas, e.g. --areas arm-areas.toml.",
       [](Options& o, const std::string& v) -> Expected<void> { o.area_mapping = v; return {}; }},
      {"--technique", "ID", "Play a technique: effleurage, petrissage, friction, tapotement, vibration, compression, cross-fibre, ankle-pumps, calf-squeezes, toe-taps.",
       [](Options& o, const std::string& v) -> Expected<void> { o.technique = v; return {}; }},
      {"--at", "SECONDS", "Start the technique at this moment of its timeline, e.g. --at 4.5.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto n = parse_number("--at", v, 0, 3600); if (!n) return std::unexpected(n.error()); o.at_seconds = *n; return {}; }},
      {"--speed", "X", "Playback speed from 0.1 (slow motion) to 2, e.g. --speed 0.5.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto n = parse_number("--speed", v, 0.1, 2.0); if (!n) return std::unexpected(n.error()); o.speed = *n; return {}; }},
      {"--simulate", "WHAT", "Run the flow model headless: a technique id, rest, walking or ankle-pumps; needs --report.",
       [](Options& o, const std::string& v) -> Expected<void> { o.simulate = v; o.headless = true; return {}; }},
      {"--seconds", "S", "Length of a --simulate run (default 10), e.g. --seconds 300.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto n = parse_number("--seconds", v, 0.1, 3600); if (!n) return std::unexpected(n.error());
         o.seconds = *n; o.seconds_set = true; return {}; }},
      {"--posture", "NAME", "The client's posture, drawn and used by the flow model: supine, prone, sitting, standing, walking (stepping on the spot; --at picks the moment of the stride) or raised (legs on a wedge); default supine. Lying, the client turns over as a technique needs.",
       [](Options& o, const std::string& v) -> Expected<void> {
         if (auto p = parse_posture_option(v); !p) return std::unexpected(p.error());
         o.posture = v; return {}; }},
      {"--incompetent", "VEIN", "Make a vein's valves leak in the flow model, in --simulate, pictures, recordings and the window alike (VEIN:above-knee: only its valves above the knee), and mark it varicose for --practice (repeatable), e.g. --incompetent great-saphenous.",
       [](Options& o, const std::string& v) -> Expected<void> { o.incompetent.push_back(v); return {}; }},
      {"--stocking", "MMHG", "A graduated compression stocking with this pressure at the ankle (0 to 60), e.g. --stocking 20.",
       [](Options& o, const std::string& v) -> Expected<void> {
         auto n = parse_number("--stocking", v, 0, 60); if (!n) return std::unexpected(n.error()); o.stocking_mmhg = *n; return {}; }},
      {"--report", "FILE.json", "Where --simulate writes its JSON report (summary and time series), or --practice its grades.",
       [](Options& o, const std::string& v) -> Expected<void> { o.report = v; return {}; }},
      {"--hand-report", "FILE.json", "Headless: how the hands of --technique (or of all ten) sit on the skin, per step and hand, e.g. --hand-report hands.json.",
       [](Options& o, const std::string& v) -> Expected<void> { o.hand_report = v; o.headless = true; return {}; }},
      {"--practice", "ID", "Headless: grade a written stroke of this technique (--stroke) as practice mode does; with --report, --record or --screenshot.",
       [](Options& o, const std::string& v) -> Expected<void> { o.practice = v; o.headless = true; return {}; }},
      {"--stroke", "FILE.toml", "The stroke for --practice: [[point]] tables with t, along, around and pressure, e.g. docs/practice/down-the-calf.toml.",
       [](Options& o, const std::string& v) -> Expected<void> { o.stroke = v; return {}; }},
      {"--kiosk", nullptr, "Waiting-room loop: full screen, no menus, a playlist of scenes; touch to explore.",
       [](Options& o, const std::string&) -> Expected<void> { o.kiosk = true; return {}; }},
      {"--playlist", "FILE", "Playlist for --kiosk or --record (default content/playlists/waiting-room.toml).",
       [](Options& o, const std::string& v) -> Expected<void> { o.playlist = v; return {}; }},
      {"--lesson", "FILE", "Open a lesson (or record it with --record), e.g. --lesson content/lessons/circulation.toml.",
       [](Options& o, const std::string& v) -> Expected<void> { o.lesson = v; return {}; }},
      {"--record", "FILE.mp4", "Record a video headless through ffmpeg at --fps, of --technique, --playlist or --lesson.",
       [](Options& o, const std::string& v) -> Expected<void> { o.record = v; o.headless = true; return {}; }},
      {"--frames-dir", "DIR", "Record PNG frames into DIR instead of a video (no ffmpeg needed).",
       [](Options& o, const std::string& v) -> Expected<void> { o.frames_dir = v; o.headless = true; return {}; }},
      {"--content", "DIR", "Read content (techniques, areas, lessons) from DIR instead of the default.",
       [](Options& o, const std::string& v) -> Expected<void> { o.content_dir = v; return {}; }},
      {"--assets", "DIR", "Read the generated models from DIR instead of the default.",
       [](Options& o, const std::string& v) -> Expected<void> { o.assets_dir = v; return {}; }},
      {"--bench", nullptr, "Headless benchmark: start-up, frame time median and 95th percentile, peak memory.",
       [](Options& o, const std::string&) -> Expected<void> { o.bench = true; o.headless = true; return {}; }},
      {"--bench-quick", nullptr, "With --bench: check that every figure is printed, not a measurement: 8 frames a view unless --frames says otherwise, and the Blood flow panel's clinic figures (seconds of CPU when not in the cache) left out, e.g. --bench --bench-quick --panels.",
       [](Options& o, const std::string&) -> Expected<void> { o.bench_quick = true; return {}; }},
      {"--bench-still", nullptr, "With --bench: keep the camera still instead of orbiting, and time each view with the still room (the room, client and table kept from frame to frame) and without it, in alternating blocks of frames, e.g. --bench --bench-still --technique effleurage.",
       [](Options& o, const std::string&) -> Expected<void> { o.bench_still = true; return {}; }},
      {"--lang", "ID", "Language of the interface, lessons and kiosk captions: en, es, fr or de (any file in content/locales), e.g. --lang es. Kept from the View menu's choice when not given.",
       [](Options& o, const std::string& v) -> Expected<void> { o.lang = v; return {}; }},
      {"--check-locales", nullptr, "List, per language, the texts missing against English (and placeholders that differ); exits 2 when any is missing, e.g. --check-locales.",
       [](Options& o, const std::string&) -> Expected<void> { o.check_locales = true; return {}; }},
      {"--verbose", nullptr, "Log what the program does to stderr.",
       [](Options& o, const std::string&) -> Expected<void> { o.verbose = true; return {}; }},
  };
  return table;
}

}  // namespace

Expected<Options> parse_command_line(const std::vector<std::string>& args) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::string value;
    bool inline_value = false;
    if (const auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    const auto& table = flags();
    auto it = std::find_if(table.begin(), table.end(), [&](const Flag& f) { return name == f.name; });
    if (it == table.end()) {
      if (name == "-h") { options.help = true; continue; }
      if (name.rfind("-", 0) == 0) return fail("unknown option '" + name + "' (see 'effleura --help')");
      return fail("unexpected argument '" + name + "' (see 'effleura --help')");
    }
    if (it->value && !inline_value) {
      if (i + 1 >= args.size()) return fail(name + " needs a value: " + it->name + " " + it->value);
      value = args[++i];
    } else if (!it->value && inline_value) {
      return fail(name + " takes no value");
    }
    auto ok = it->set(options, value);
    if (!ok) return std::unexpected(ok.error());
  }
  if (options.screenshot && !options.headless && !options.bench) options.headless = true;
  // A view file is read now, so a broken one stops here with its line (exit 2); its technique
  // and moment play unless --technique names one.
  if (options.view_file) {
    auto view = read_view_file(*options.view_file);
    if (!view) return fail("--view: " + view.error().describe());
    if (!view->technique.empty() && !options.technique) {
      options.technique = view->technique;
      options.at_seconds = view->at;
    }
  }
  if (options.simulate && !options.report) return fail("--simulate needs --report FILE.json");
  if (options.report && !options.simulate && !options.practice) return fail("--report needs --simulate WHAT or --practice ID");
  if (options.stroke && !options.practice) return fail("--stroke needs --practice ID");
  if (options.practice && !options.stroke) return fail("--practice needs --stroke FILE.toml (points on the leg with time and pressure)");
  if (options.area_mapping && !options.model) return fail("--areas needs --model FILE");
  if (options.record && options.frames_dir) return fail("--record and --frames-dir cannot be used together");
  const int sources = int(options.technique.has_value()) + int(options.playlist.has_value()) + int(options.lesson.has_value());
  if ((options.record || options.frames_dir) && sources > 1)
    return fail("record one thing at a time: --technique, --playlist or --lesson");
  if (options.kiosk && options.lesson) return fail("--kiosk plays a playlist, not a lesson; use --playlist");
  if (auto ok = check_options(options); !ok) return std::unexpected(ok.error());
  if (auto ok = check_language_option(options); !ok) return std::unexpected(ok.error());
  return options;
}

std::string help_text() {
  std::string out =
      "Effleura - leg massage in 3D: techniques, target areas and venous return.\n"
      "Education only, not medical advice.\n\n"
      "Usage: effleura [options]\n"
      "  With no options, opens the window. Examples:\n"
      "    effleura --view back --area calves\n"
      "    effleura --headless --screenshot leg.png --size 1280x720\n"
      "    effleura --technique effleurage --speed 0.5 --view medial\n"
      "    effleura --headless --simulate walking --seconds 60 --posture standing --report walk.json\n"
      "    effleura --kiosk\n"
      "    effleura --lesson content/lessons/circulation.toml\n"
      "    effleura --record effleurage.mp4 --technique effleurage --seconds 20 --size 1280x720\n\n"
      "Options:\n";
  for (const Flag& f : flags()) {
    std::string left = std::string("  ") + f.name + (f.value ? std::string(" ") + f.value : "");
    if (left.size() < 24) left.resize(24, ' ');
    else left += "  ";
    out += left + f.help + "\n";
  }
  out += "\nEnvironment:\n"
         "  EFFLEURA_HUGE_PAGES=0   do not restart once with glibc's malloc on huge pages (faster frames\n"
         "                          on the software renderer; a few MB more memory)\n"
         "  EFFLEURA_SKIN_LOD=1     draw the coarse skin the browser draws, to compare\n"
         "  EFFLEURA_X264_PRESET    x264 preset for --record (default ultrafast; veryfast makes files\n"
         "                          about 4x smaller for more encoding time)\n"
         "  XDG_CACHE_HOME          the start-up cache is its effleura folder (default ~/.cache/effleura)\n"
         "  XDG_CONFIG_HOME         settings are its effleura/settings.toml (default ~/.config/effleura)\n";
  out += "\nExit status: 0 success, 1 failure while running, 2 bad option, value or file,\n"
         "3 no usable OpenGL 3.3.\n";
  return out;
}

std::string version_text() { return std::string("effleura ") + EFFLEURA_VERSION + "\n"; }

}  // namespace effleura::app
