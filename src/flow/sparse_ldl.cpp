#include "flow/sparse_ldl.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace effleura::flow {

SparseLdl::SparseLdl(std::size_t n, const std::vector<std::pair<int, int>>& pairs) : n_(n) {
  // Minimum-degree ordering on the elimination graph (ties by lowest index: deterministic).
  std::vector<std::set<int>> adj(n);
  for (const auto& [i, j] : pairs) {
    if (i == j) continue;
    adj[static_cast<std::size_t>(i)].insert(j);
    adj[static_cast<std::size_t>(j)].insert(i);
  }
  std::vector<bool> done(n, false);
  pos_.assign(n, -1);
  std::vector<std::set<int>> filled = adj;  // graph with fill, original indices
  for (std::size_t step = 0; step < n; ++step) {
    int best = -1;
    std::size_t best_deg = 0;
    for (std::size_t v = 0; v < n; ++v) {
      if (done[v]) continue;
      const std::size_t deg = filled[v].size();
      if (best < 0 || deg < best_deg) {
        best = static_cast<int>(v);
        best_deg = deg;
      }
    }
    const auto b = static_cast<std::size_t>(best);
    done[b] = true;
    pos_[b] = static_cast<int>(step);
    order_.push_back(best);
    std::vector<int> nb(filled[b].begin(), filled[b].end());
    for (int x : nb) filled[static_cast<std::size_t>(x)].erase(best);
    for (std::size_t p = 0; p < nb.size(); ++p)
      for (std::size_t q = p + 1; q < nb.size(); ++q) {
        filled[static_cast<std::size_t>(nb[p])].insert(nb[q]);
        filled[static_cast<std::size_t>(nb[q])].insert(nb[p]);
      }
    // Remember the neighbours still to come, in positions, once all are placed.
    filled[b] = std::set<int>(nb.begin(), nb.end());
  }
  // Slots: one per (position lo, position hi) pair in the filled pattern.
  std::map<std::pair<int, int>, int> slot;
  upper_.assign(n, {});
  for (std::size_t k = 0; k < n; ++k) {
    const int pk = static_cast<int>(k);
    const auto v = static_cast<std::size_t>(order_[k]);
    std::vector<int> later;
    for (int x : filled[v]) later.push_back(pos_[static_cast<std::size_t>(x)]);
    std::sort(later.begin(), later.end());
    for (int pl : later) {
      if (pl <= pk) continue;  // only neighbours eliminated after k
      const auto key = std::make_pair(pk, pl);
      if (!slot.contains(key)) slot[key] = static_cast<int>(slot.size());
      upper_[k].emplace_back(pl, slot[key]);
    }
  }
  for (const auto& [i, j] : pairs) {
    int a = pos_[static_cast<std::size_t>(i)], c = pos_[static_cast<std::size_t>(j)];
    if (a > c) std::swap(a, c);
    pair_slot_.push_back(i == j ? -1 : slot.at({a, c}));
  }
  // Elimination program: pivot k updates every pair of its later neighbours.
  for (std::size_t k = 0; k < n; ++k) {
    op_begin_.push_back(ops_.size());
    const auto& u = upper_[k];
    for (std::size_t p = 0; p < u.size(); ++p)
      for (std::size_t q = p; q < u.size(); ++q) {
        if (p == q) {
          ops_.push_back({u[p].second, u[p].second, u[p].first, true});
        } else {
          ops_.push_back({u[p].second, u[q].second, slot.at({u[p].first, u[q].first}), false});
        }
      }
  }
  op_begin_.push_back(ops_.size());
  diag_.assign(n, 0.0);
  val_.assign(slot.size(), 0.0);
  l_.assign(slot.size(), 0.0);
  work_.assign(n, 0.0);
}

void SparseLdl::clear() {
  std::fill(diag_.begin(), diag_.end(), 0.0);
  std::fill(val_.begin(), val_.end(), 0.0);
}

bool SparseLdl::solve(std::vector<double>& b) {
  for (std::size_t k = 0; k < n_; ++k) {
    const double d = diag_[k];
    if (!(d > 0.0)) return false;
    for (const auto& [pl, s] : upper_[k]) l_[static_cast<std::size_t>(s)] = val_[static_cast<std::size_t>(s)] / d;
    for (std::size_t o = op_begin_[k]; o < op_begin_[k + 1]; ++o) {
      const Op& op = ops_[o];
      const double upd = l_[static_cast<std::size_t>(op.a_slot)] * val_[static_cast<std::size_t>(op.b_slot)];
      if (op.diagonal) diag_[static_cast<std::size_t>(op.target)] -= upd;
      else val_[static_cast<std::size_t>(op.target)] -= upd;
    }
  }
  for (std::size_t k = 0; k < n_; ++k) work_[k] = b[static_cast<std::size_t>(order_[k])];
  for (std::size_t k = 0; k < n_; ++k)
    for (const auto& [pl, s] : upper_[k])
      work_[static_cast<std::size_t>(pl)] -= l_[static_cast<std::size_t>(s)] * work_[k];
  for (std::size_t k = 0; k < n_; ++k) work_[k] /= diag_[k];
  for (std::size_t k = n_; k-- > 0;)
    for (const auto& [pl, s] : upper_[k])
      work_[k] -= l_[static_cast<std::size_t>(s)] * work_[static_cast<std::size_t>(pl)];
  for (std::size_t k = 0; k < n_; ++k) b[static_cast<std::size_t>(order_[k])] = work_[k];
  return true;
}

}  // namespace effleura::flow
