#pragma once
// Page faults are among the dearest things a frame does on the virtual machines measured
// (~15-20 us each; 75,000-92,000 in a 30-frame --bench, most of them llvmpipe's fresh buffers).
// glibc's malloc backs its large blocks with transparent huge pages when asked through
// GLIBC_TUNABLES (glibc.malloc.hugetlb=1), which it reads only when a program starts, so the
// program restarts itself once, at the top of main, with that setting added.
#include <optional>
#include <string>
#include <string_view>

namespace effleura::app {

// The GLIBC_TUNABLES to restart with, or none: the tunable is already there (ours after the
// restart, or the user's own choice, 0 included), or the kernel's transparent huge pages are
// off (`thp_enabled` is the text of /sys/kernel/mm/transparent_hugepage/enabled, empty when
// unreadable). Other tunables the user set are kept.
std::optional<std::string> huge_page_tunables(const char* current, std::string_view thp_enabled);

// Restarts the program (same pid, arguments and descriptors) with huge_page_tunables' value;
// returns when there is nothing to do, EFFLEURA_HUGE_PAGES=0 is set, the build is sanitized
// (its own allocator) or not Linux with glibc, or the restart failed (then as before).
void restart_with_huge_pages(char** argv);

}  // namespace effleura::app
