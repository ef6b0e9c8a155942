#include "lesson/playlist.hpp"

#include "core/files.hpp"
#include "core/toml_reader.hpp"
#include "lesson/content_fields.hpp"

namespace effleura::lesson {
namespace {

template <class T>
std::unexpected<Error> err(const Expected<T>& e) {
  return std::unexpected(e.error());
}

Expected<BurnInSettings> read_burn_in(const TomlTable& root) {
  BurnInSettings b;
  if (!root.has("burn_in")) return b;
  auto t = root.table("burn_in");
  if (!t) return err(t);
  if (auto ok = t->only_keys({"caption_slots", "caption_move_s", "wobble", "drift_deg", "drift_period_s"}); !ok)
    return std::unexpected(ok.error());
  auto slots = t->number_or("caption_slots", b.caption_slots, 1, 4);
  if (!slots) return err(slots);
  auto move = t->number_or("caption_move_s", b.caption_move_s, 10, 3600);
  if (!move) return err(move);
  auto wobble = t->number_or("wobble", b.wobble, 0, 0.05);
  if (!wobble) return err(wobble);
  auto drift = t->number_or("drift_deg", b.drift_deg, 0, 30);
  if (!drift) return err(drift);
  auto period = t->number_or("drift_period_s", b.drift_period_s, 10, 3600);
  if (!period) return err(period);
  b.caption_slots = static_cast<int>(*slots);
  b.caption_move_s = *move;
  b.wobble = *wobble;
  b.drift_deg = *drift;
  b.drift_period_s = *period;
  return b;
}

Expected<PlaylistScene> read_scene(const TomlTable& t, const Playlist& p,
                                   const std::vector<std::string>& technique_ids, const Locale* locale) {
  if (auto ok = t.only_keys({"technique", "areas", "layers", "skin_opacity", "camera", "caption",
                             "duration_s", "disclaimer"});
      !ok)
    return std::unexpected(ok.error());
  PlaylistScene s;
  s.line = static_cast<int>(t.raw().source().begin.line);
  // Long enough for the cross-fade in and a moment of the scene on its own.
  auto duration = t.number("duration_s", 2.0 * p.crossfade_s + 1.0, 3600.0);
  if (!duration) {
    Error e = duration.error();
    if (t.has("duration_s")) e.message += " (at least twice the cross-fade plus one second)";
    return std::unexpected(e);
  }
  s.duration_s = *duration;
  auto staging = detail::read_staging(t, technique_ids, true);
  if (!staging) return err(staging);
  s.technique = staging->technique;
  s.areas = staging->areas;
  s.layers = staging->layers;
  s.skin_opacity = staging->skin_opacity;
  auto camera = detail::read_camera_path(t, "camera", s.duration_s);
  if (!camera) return err(camera);
  s.camera = *camera;
  auto caption = detail::read_text_key(t, "caption", locale);
  if (!caption) return err(caption);
  s.caption = *caption;
  auto disclaimer = t.boolean_or("disclaimer", false);
  if (!disclaimer) return err(disclaimer);
  s.disclaimer = *disclaimer;
  return s;
}

}  // namespace

double Playlist::loop_duration_s() const {
  double d = 0.0;
  for (const auto& s : scenes) d += s.duration_s;
  return d;
}

std::vector<std::string> Playlist::text_keys() const {
  std::vector<std::string> keys;
  for (const auto& s : scenes) keys.push_back(s.caption);
  return keys;
}

Expected<Playlist> load_playlist_string(std::string_view text, const std::string& source_name,
                                        const std::vector<std::string>& technique_ids,
                                        const Locale* locale) {
  auto parsed = parse_toml_string(text, source_name);
  if (!parsed) return err(parsed);
  TomlTable root(*parsed, source_name);
  if (auto ok = root.only_keys({"language", "idle_timeout_s", "exit_chord", "fps_cap", "crossfade_s",
                                "burn_in", "scene"});
      !ok)
    return std::unexpected(ok.error());
  Playlist p;
  p.file = source_name;
  if (root.has("language")) {
    auto lang = root.string("language");
    if (!lang) return err(lang);
    p.language = *lang;
  }
  if (locale && locale->id() != p.language)
    return std::unexpected(root.error_at("language", "is '" + p.language + "' but the texts were loaded for '" +
                                                         locale->id() + "'"));
  auto idle = root.number_or("idle_timeout_s", p.idle_timeout_s, 5.0, 3600.0);
  if (!idle) return err(idle);
  p.idle_timeout_s = *idle;
  if (root.has("exit_chord")) {
    auto chord_text = root.string("exit_chord");
    if (!chord_text) return err(chord_text);
    auto chord = parse_key_chord(*chord_text);
    if (!chord) return std::unexpected(root.error_at("exit_chord", chord.error().message));
    p.exit_chord = *chord;
  }
  auto fps = root.number_or("fps_cap", p.fps_cap, 1.0, 240.0);
  if (!fps) return err(fps);
  p.fps_cap = *fps;
  auto fade = root.number_or("crossfade_s", p.crossfade_s, 0.0, 10.0);
  if (!fade) return err(fade);
  p.crossfade_s = *fade;
  auto burn = read_burn_in(root);
  if (!burn) return err(burn);
  p.burn_in = *burn;

  auto scenes = root.tables("scene");
  if (!scenes) return err(scenes);
  if (scenes->empty())
    return fail("the playlist has no scenes; expected at least one [[scene]] (and one with disclaimer = true)",
                source_name, 1, 1, "scene");
  for (const auto& st : *scenes) {
    auto scene = read_scene(st, p, technique_ids, locale);
    if (!scene) return err(scene);
    p.scenes.push_back(std::move(*scene));
  }
  bool has_disclaimer = false;
  for (const auto& s : p.scenes) has_disclaimer = has_disclaimer || s.disclaimer;
  if (!has_disclaimer)
    return std::unexpected(root.error_at("scene", "no scene has disclaimer = true; the loop must show the medical disclaimer (education, not medical advice)"));
  return p;
}

Expected<Playlist> load_playlist(const std::filesystem::path& path,
                                 const std::vector<std::string>& technique_ids, const Locale* locale) {
  auto text = read_text_file(path);
  if (!text) return err(text);
  return load_playlist_string(*text, path.string(), technique_ids, locale);
}

Expected<KioskContent> load_kiosk_content(const std::filesystem::path& playlist_path,
                                          const std::filesystem::path& locales_dir,
                                          const std::vector<std::string>& technique_ids,
                                          const std::optional<std::string>& language) {
  auto draft = load_playlist(playlist_path, technique_ids);
  if (!draft) return err(draft);
  auto locale = load_locale_with_fallback(locales_dir, draft->language);
  if (!locale) return err(locale);
  // Loaded again with the texts, so a missing caption is reported at its line.
  auto checked = load_playlist(playlist_path, technique_ids, &*locale);
  if (!checked) return err(checked);
  if (language && *language != checked->language) {
    // Another language on request: its missing texts fall back to English.
    auto chosen = load_locale_with_fallback(locales_dir, *language);
    if (!chosen) return err(chosen);
    return KioskContent{std::move(*checked), std::move(*chosen)};
  }
  return KioskContent{std::move(*checked), std::move(*locale)};
}

Expected<void> reload_playlist(const std::filesystem::path& path,
                               const std::vector<std::string>& technique_ids, const Locale* locale,
                               Playlist& playlist) {
  auto fresh = load_playlist(path, technique_ids, locale);
  if (!fresh) return err(fresh);
  playlist = std::move(*fresh);
  return {};
}

}  // namespace effleura::lesson
