#pragma once
// The project's vein network (content/anatomy/veins.toml), loaded once for all flow and vein
// tests; a load error fails the test that asked for it.
#include "../support/test_paths.hpp"
#include <doctest/doctest.h>

#include "anatomy/vein_network.hpp"

namespace effleura::flow_test {

inline const anatomy::VeinNetwork& network() {
  static const auto net = anatomy::load_vein_network(EFFLEURA_SOURCE_DIR + "/content/anatomy/veins.toml");
  if (!net) FAIL(net.error().describe());
  return *net;
}

}  // namespace effleura::flow_test
