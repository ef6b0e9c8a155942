#include "app/huge_pages.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#endif

namespace effleura::app {

std::optional<std::string> huge_page_tunables(const char* current, std::string_view thp_enabled) {
  const std::string now = current ? current : "";
  if (now.find("glibc.malloc.hugetlb") != std::string::npos) return std::nullopt;
  // "always [madvise] never": glibc's madvise needs "madvise" or "always" chosen.
  if (thp_enabled.find("[madvise]") == std::string_view::npos && thp_enabled.find("[always]") == std::string_view::npos)
    return std::nullopt;
  return now + (now.empty() ? "" : ":") + "glibc.malloc.hugetlb=1";
}

void restart_with_huge_pages(char** argv) {
#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__EMSCRIPTEN__)
  if (const char* off = std::getenv("EFFLEURA_HUGE_PAGES"); off && std::string_view(off) == "0") return;
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  const std::string thp{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const char* before = std::getenv("GLIBC_TUNABLES");
  const auto tunables = huge_page_tunables(before, thp);
  if (!tunables) return;
  const std::string kept = before ? before : "";
  if (::setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // Not restarted: go on as before, and hand children the environment as it was.
  if (before) (void)::setenv("GLIBC_TUNABLES", kept.c_str(), 1);
  else (void)::unsetenv("GLIBC_TUNABLES");
#else
  (void)argv;
#endif
}

}  // namespace effleura::app
