#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "flow/sparse_ldl.hpp"

using effleura::flow::SparseLdl;

TEST_CASE("sparse LDL^T solves a tree-with-loops system like dense elimination does") {
  // A chain of 40 unknowns with side branches and a few long-range links (like perforators),
  // conductance-weighted Laplacian plus a positive diagonal: the shape of the flow matrices.
  const int n = 40;
  std::vector<std::pair<int, int>> pairs;
  for (int i = 1; i < n; ++i) pairs.emplace_back(i - 1, i);
  pairs.emplace_back(3, 25);
  pairs.emplace_back(10, 30);
  pairs.emplace_back(5, 39);
  pairs.emplace_back(30, 10);  // duplicate in the other order: shares the slot
  std::mt19937 rng(7u);
  auto uniform = [&] { return static_cast<double>(rng() >> 8) / 16777216.0; };
  std::vector<double> g(pairs.size()), diag(n);
  for (auto& x : g) x = 0.1 + 100.0 * uniform();
  for (auto& x : diag) x = 1e-3 + uniform();
  std::vector<std::vector<double>> dense(n, std::vector<double>(n, 0.0));
  SparseLdl ldl(n, pairs);
  ldl.clear();
  for (int i = 0; i < n; ++i) {
    ldl.add_diagonal(i, diag[static_cast<std::size_t>(i)]);
    dense[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)] += diag[static_cast<std::size_t>(i)];
  }
  for (std::size_t e = 0; e < pairs.size(); ++e) {
    const auto [a, b] = pairs[e];
    ldl.add_diagonal(a, g[e]);
    ldl.add_diagonal(b, g[e]);
    ldl.add_off_diagonal(ldl.slot_of_pair(e), -g[e]);
    const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    dense[ua][ua] += g[e];
    dense[ub][ub] += g[e];
    dense[ua][ub] -= g[e];
    dense[ub][ua] -= g[e];
  }
  std::vector<double> rhs(n);
  for (auto& x : rhs) x = uniform() - 0.5;
  std::vector<double> x = rhs;
  REQUIRE(ldl.solve(x));
  // Residual of the dense system with the sparse solution.
  double worst = 0.0;
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    double r = -rhs[i];
    for (std::size_t j = 0; j < static_cast<std::size_t>(n); ++j) r += dense[i][j] * x[j];
    worst = std::max(worst, std::abs(r));
  }
  CHECK(worst < 1e-9);
  CHECK(ldl.slot_of_pair(pairs.size() - 1) == ldl.slot_of_pair(pairs.size() - 3));
}
