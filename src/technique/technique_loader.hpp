#pragma once
// Loading techniques from content/techniques/*.toml. Every problem comes back as an Error with
// file:line:column, the key and what was expected; nothing throws. On a failed reload the
// caller keeps its last good library (reload_techniques leaves it untouched).
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "technique/pose.hpp"
#include "technique/technique.hpp"

namespace effleura::anatomy {
struct AreaContent;
}

namespace effleura::technique {

inline constexpr std::array<std::string_view, 10> kTechniqueIds{
    "effleurage", "petrissage", "friction", "tapotement", "vibration",
    "compression", "cross-fibre", "ankle-pumps", "calf-squeezes", "toe-taps"};

class TechniqueLibrary {
 public:
  [[nodiscard]] const Technique* find(std::string_view id) const;
  [[nodiscard]] const std::vector<Technique>& all() const { return techniques_; }
  [[nodiscard]] std::size_t size() const { return techniques_.size(); }
  // Ids in library order (for the lesson and playlist loaders).
  [[nodiscard]] std::vector<std::string> ids() const;
  // Adds, or replaces the technique with the same id.
  void put(Technique t);

 private:
  std::vector<Technique> techniques_;  // in kTechniqueIds order, then others by id
};

// One file; the id is the file name without ".toml". `areas` (content/areas.toml) resolves
// area-relative keyframes ({ area = "calves", at = [0.5, 0.3] }); without it such keyframes
// are an error, everything else loads.
Expected<Technique> load_technique_file(const std::filesystem::path& file, const PoseLibrary& poses,
                                        const anatomy::AreaContent* areas = nullptr);
Expected<Technique> load_technique_string(std::string_view text, const std::string& source_name,
                                          const PoseLibrary& poses,
                                          const anatomy::AreaContent* areas = nullptr);
// Every *.toml in the folder; the first error stops the load.
Expected<TechniqueLibrary> load_techniques(const std::filesystem::path& dir, const PoseLibrary& poses,
                                           const anatomy::AreaContent* areas = nullptr);

// Hot reload: loads `path` (a folder, or one technique file) and only on success replaces the
// content of `library` (the whole library, or that one technique). On error `library` is
// unchanged and the error is returned for the UI to show.
Expected<void> reload_techniques(const std::filesystem::path& path, const PoseLibrary& poses,
                                 TechniqueLibrary& library,
                                 const anatomy::AreaContent* areas = nullptr);

// Reloads the poses and every technique together (keyframes refer to poses by index, so the
// two change as one). On any error both are left exactly as they were.
Expected<void> reload_content(const std::filesystem::path& poses_file,
                              const std::filesystem::path& techniques_dir, PoseLibrary& poses,
                              TechniqueLibrary& library,
                              const anatomy::AreaContent* areas = nullptr);

// Ids of the techniques that work on an area (anatomy/areas.hpp id), in library order.
std::vector<std::string> techniques_for_area(const TechniqueLibrary& library, std::string_view area);

}  // namespace effleura::technique
