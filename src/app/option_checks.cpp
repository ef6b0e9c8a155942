#include "app/option_checks.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/files.hpp"

namespace effleura::app {
namespace {

Expected<void> readable(const std::optional<std::filesystem::path>& path, const char* flag) {
  if (!path) return {};
  if (auto ok = check_regular_file(*path, kMaxBinaryFileBytes); !ok) {
    Error e = ok.error();
    e.message = std::string(flag) + ": " + e.message;
    return std::unexpected(e);
  }
  return {};
}

// A file we will create or replace: its folder must exist and it must not be a device, a
// pipe or a folder (write_binary_file refuses those too; this says so before any work).
Expected<void> writable(const std::optional<std::filesystem::path>& path, const char* flag) {
  if (!path) return {};
  const std::string name = path->string();
  if (path->filename().empty() || name.back() == '/')
    return fail(std::string(flag) + " needs a file name, not a folder", name);
  struct stat st {};
  if (::stat(path->c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    return fail(std::string(flag) + ": exists and is not a regular file; refusing to replace it", name);
  const auto folder = path->parent_path().empty() ? std::filesystem::path(".") : path->parent_path();
  if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    return fail(std::string(flag) + ": the folder " + folder.string() + " does not exist", name);
  if (::access(folder.c_str(), W_OK) != 0)
    return fail(std::string(flag) + ": the folder " + folder.string() + " is not writable", name);
  return {};
}

}  // namespace

Expected<void> check_options(const Options& o) {
  if (o.bench_quick && !o.bench) return fail("--bench-quick only shortens --bench: add --bench, or leave it out");
  if (o.bench_still && !o.bench) return fail("--bench-still only changes --bench: add --bench, or leave it out");
  if (o.bench) {
    // --bench measures its own fixed scene; these would be ignored without a word.
    const std::array<std::pair<bool, const char*>, 6> ignored{{{o.kiosk, "--kiosk"},
                                                               {o.record.has_value(), "--record"},
                                                               {o.frames_dir.has_value(), "--frames-dir"},
                                                               {o.simulate.has_value(), "--simulate"},
                                                               {o.lesson.has_value(), "--lesson"},
                                                               {o.playlist.has_value(), "--playlist"}}};
    for (const auto& [set, flag] : ignored)
      if (set) return fail(std::string("--bench cannot be combined with ") + flag);
  }
  // The flow report and the hand report draw nothing: what only pictures and playback read
  // was dropped without a word.
  const std::array<std::pair<bool, const char*>, 8> pictures{{{o.record.has_value(), "--record"},
                                                             {o.frames_dir.has_value(), "--frames-dir"},
                                                             {o.screenshot.has_value(), "--screenshot"},
                                                             {o.hand_report.has_value(), "--hand-report"},
                                                             {o.kiosk, "--kiosk"},
                                                             {o.lesson.has_value(), "--lesson"},
                                                             {o.playlist.has_value(), "--playlist"},
                                                             {o.technique.has_value(), "--technique"}}};
  for (const auto& [set, flag] : pictures) {
    if (o.simulate && set)
      return fail(std::string("--simulate writes a report and draws nothing; it cannot be combined with ") + flag +
                  (std::string(flag) == "--technique" ? " (name the technique in --simulate ID)" : ""));
    if (o.hand_report && set && std::string(flag) != "--hand-report" && std::string(flag) != "--technique")
      return fail(std::string("--hand-report writes a report and draws nothing; it cannot be combined with ") + flag);
  }
  if (o.screenshot && (o.record || o.frames_dir))
    return fail(std::string("--screenshot writes one picture; it cannot be combined with ") +
                (o.record ? "--record" : "--frames-dir"));
  // Options that one mode reads and every other mode ignored.
  const bool recording = o.record || o.frames_dir;
  if (o.seconds_set && !o.simulate && !recording)
    return fail("--seconds sets the length of --simulate, --record or --frames-dir; none is given");
  // --incompetent leaks valves in the flow model that --simulate, pictures, recordings and the
  // window run (app/state.cpp); the hand report and the benchmark run no flow.
  if (!o.incompetent.empty() && (o.hand_report || o.bench))
    return fail(std::string("--incompetent leaks valves in the flow model, which ") +
                (o.hand_report ? "--hand-report" : "--bench") + " does not run");
  if (o.stocking_mmhg != 0.0 && !o.simulate) return fail("--stocking is used by --simulate only");
  // Walking without a technique: --at picks the moment of the stride (app/client_stage).
  if (o.at_seconds != 0.0 && !o.technique && !o.simulate && o.posture != "walking")
    return fail("--at needs --technique ID (or --posture walking)");
  if (o.speed != 1.0 && !o.technique && !o.simulate) return fail("--speed needs --technique ID");
  if (o.headless && !o.bench && !o.kiosk && !recording && (o.lesson || o.playlist))
    return fail(std::string("--headless makes one screenshot and does not play ") +
                (o.lesson ? "--lesson" : "--playlist") + "; add --record FILE.mp4 or --frames-dir DIR");
  if (auto ok = readable(o.lesson, "--lesson"); !ok) return ok;
  if (auto ok = readable(o.playlist, "--playlist"); !ok) return ok;
  // --model and --areas are checked by their loaders (core/files, anatomy/model_input_checks)
  // before anything is drawn.
  if (auto ok = writable(o.screenshot, "--screenshot"); !ok) return ok;
  if (auto ok = writable(o.report, "--report"); !ok) return ok;
  if (auto ok = writable(o.record, "--record"); !ok) return ok;
  if (o.record) {
    auto ext = o.record->extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    constexpr std::array<const char*, 5> kContainers{".mp4", ".m4v", ".mov", ".mkv", ".avi"};
    if (std::find(kContainers.begin(), kContainers.end(), ext) == kContainers.end())
      return fail("--record writes a video file ending in .mp4 (or .m4v, .mov, .mkv, .avi)", o.record->string());
  }
  if (o.frames_dir) {
    struct stat st {};
    if (::stat(o.frames_dir->c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
      return fail("--frames-dir: exists and is not a folder", o.frames_dir->string());
  }
  return {};
}

}  // namespace effleura::app
