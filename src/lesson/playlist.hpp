#pragma once
// A kiosk playlist (content/playlists/*.toml): the scenes a waiting-room screen loops through,
// with the settings that make it safe to leave unattended (exit chord, idle timeout, frame-rate
// cap, burn-in care). Text comes from the locale by key, so a clinic can switch language
// without touching the playlist.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "lesson/burn_in.hpp"
#include "lesson/camera_path.hpp"
#include "lesson/key_chord.hpp"
#include "lesson/locale.hpp"
#include "lesson/vocabulary.hpp"

namespace effleura::lesson {

struct PlaylistScene {
  std::string technique;           // technique id; empty for none
  std::vector<std::string> areas;  // area ids to light
  Layers layers;
  float skin_opacity = 1.0f;       // 1 opaque, lower for the X-ray look
  CameraPath camera;
  std::string caption;             // locale key
  double duration_s = 20.0;
  bool disclaimer = false;         // the medical disclaimer every loop must show
  int line = 0;                    // where the scene starts in the file
};

struct Playlist {
  std::string file;
  std::string language = "en";     // locale id
  double idle_timeout_s = 120.0;   // explore mode ends after this long without input
  KeyChord exit_chord{true, true, false, false, "q"};
  double fps_cap = 30.0;
  double crossfade_s = 1.5;
  BurnInSettings burn_in;
  std::vector<PlaylistScene> scenes;

  [[nodiscard]] double loop_duration_s() const;
  // Every locale key the playlist uses (for missing-text reports).
  [[nodiscard]] std::vector<std::string> text_keys() const;
};

// `technique_ids`: the ids of the loaded technique library (the app passes them; a scene
// naming another id is an error listing these). `locale`, when given, must have a text for
// every caption. Errors carry file:line:column and the key.
Expected<Playlist> load_playlist(const std::filesystem::path& path,
                                 const std::vector<std::string>& technique_ids,
                                 const Locale* locale = nullptr);
Expected<Playlist> load_playlist_string(std::string_view text, const std::string& source_name,
                                        const std::vector<std::string>& technique_ids,
                                        const Locale* locale = nullptr);
// Hot reload: `playlist` changes only if the file loads (the caller keeps the last good one).
// A running KioskScheduler takes the new one through replace_playlist().
Expected<void> reload_playlist(const std::filesystem::path& path,
                               const std::vector<std::string>& technique_ids, const Locale* locale,
                               Playlist& playlist);

// The playlist together with the texts in its language (falling back to English): loads the
// playlist, then <locales_dir>/<language>.toml (+ en.toml), then checks every caption has a
// text. What --kiosk needs in one call. `language` (--lang) shows the captions in another
// language than the playlist names; the captions are still checked against the playlist's own.
struct KioskContent {
  Playlist playlist;
  Locale locale;
};
Expected<KioskContent> load_kiosk_content(const std::filesystem::path& playlist_path,
                                          const std::filesystem::path& locales_dir,
                                          const std::vector<std::string>& technique_ids,
                                          const std::optional<std::string>& language = std::nullopt);

}  // namespace effleura::lesson
