// The one restart with glibc's huge-page setting (app/huge_pages.hpp): when, and with what.
#include <doctest/doctest.h>

#include "app/huge_pages.hpp"

using effleura::app::huge_page_tunables;

TEST_CASE("huge pages: the restart adds glibc's setting once, keeps the user's others, and respects their own") {
  const char* madvise = "always [madvise] never\n";
  CHECK(huge_page_tunables(nullptr, madvise) == "glibc.malloc.hugetlb=1");
  CHECK(huge_page_tunables("", "[always] madvise never\n") == "glibc.malloc.hugetlb=1");
  CHECK(huge_page_tunables("glibc.malloc.check=3", madvise) == "glibc.malloc.check=3:glibc.malloc.hugetlb=1");
  // After the restart the setting is there: no second restart (no loop).
  CHECK_FALSE(huge_page_tunables("glibc.malloc.hugetlb=1", madvise));
  CHECK_FALSE(huge_page_tunables("glibc.malloc.check=3:glibc.malloc.hugetlb=1", madvise));
  // The user's own choice, off included, stands.
  CHECK_FALSE(huge_page_tunables("glibc.malloc.hugetlb=0", madvise));
  // The kernel's huge pages off, or unknown: a restart would gain nothing.
  CHECK_FALSE(huge_page_tunables(nullptr, "always madvise [never]\n"));
  CHECK_FALSE(huge_page_tunables(nullptr, ""));
}
