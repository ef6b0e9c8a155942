#pragma once
// Sparse LDL^T for the symmetric positive-definite systems of the implicit flow step.
// The network is a tree plus a few perforator loops, so a minimum-degree ordering gives
// almost no fill; the elimination program is worked out once and replayed every step.
#include <cstddef>
#include <utility>
#include <vector>

namespace effleura::flow {

class SparseLdl {
 public:
  SparseLdl() = default;
  // `n` unknowns; `pairs` the off-diagonal entries (i != j, either order; duplicates share a slot).
  SparseLdl(std::size_t n, const std::vector<std::pair<int, int>>& pairs);

  [[nodiscard]] std::size_t size() const { return n_; }
  // Slot of the off-diagonal entry for pairs[index] given to the constructor.
  [[nodiscard]] int slot_of_pair(std::size_t index) const { return pair_slot_[index]; }

  // Entries are (re)set between factorizations: diagonal by unknown, off-diagonal by slot.
  void clear();
  void add_diagonal(int i, double v) { diag_[pos_[i]] += v; }
  void add_off_diagonal(int slot, double v) { val_[slot] += v; }

  // Factorizes and solves A x = b in place (b becomes x). Returns false on a non-positive
  // pivot (cannot happen for the flow matrices, which are diagonally dominant).
  bool solve(std::vector<double>& b);

 private:
  struct Op { int a_slot; int b_slot; int target; bool diagonal; };
  std::size_t n_ = 0;
  std::vector<int> pos_;        // unknown -> elimination position
  std::vector<int> order_;      // elimination position -> unknown
  std::vector<std::vector<std::pair<int, int>>> upper_;  // position -> (later position, slot)
  std::vector<std::size_t> op_begin_;                    // per position, into ops_
  std::vector<Op> ops_;
  std::vector<int> pair_slot_;
  std::vector<double> diag_, val_, l_, work_;
};

}  // namespace effleura::flow
