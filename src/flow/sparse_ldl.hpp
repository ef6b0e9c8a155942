#pragma once
// Sparse LDL^T for the symmetric positive-definite systems of the implicit flow step: a thin
// wrapper over Eigen's SimplicialLDLT. The sparsity pattern (a tree plus a few perforator
// loops) is fixed when the network is built, so the fill-reducing ordering and the symbolic
// factorization are done once (analyzePattern); every Newton iteration only writes values
// into the fixed pattern and refactorizes numerically.
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace effleura::flow {

class SparseLdl {
 public:
  SparseLdl();
  // `n` unknowns; `pairs` the off-diagonal entries (i != j, either order; duplicates share a slot).
  SparseLdl(std::size_t n, const std::vector<std::pair<int, int>>& pairs);
  SparseLdl(SparseLdl&&) noexcept;
  SparseLdl& operator=(SparseLdl&&) noexcept;
  SparseLdl(const SparseLdl&);
  SparseLdl& operator=(const SparseLdl&);
  ~SparseLdl();

  [[nodiscard]] std::size_t size() const { return n_; }
  // Slot of the off-diagonal entry for pairs[index] given to the constructor.
  [[nodiscard]] int slot_of_pair(std::size_t index) const { return pair_slot_[index]; }

  // Entries are (re)set between factorizations: diagonal by unknown, off-diagonal by slot.
  void clear();
  void add_diagonal(int i, double v) { diag_[static_cast<std::size_t>(i)] += v; }
  void add_off_diagonal(int slot, double v) { off_[static_cast<std::size_t>(slot)] += v; }

  // Factorizes and solves A x = b in place (b becomes x). Returns false if the factorization
  // fails (cannot happen for the flow matrices, which are diagonally dominant).
  bool solve(std::vector<double>& b);

 private:
  struct Impl;  // Eigen types stay out of the header
  std::size_t n_ = 0;
  std::vector<int> pair_slot_;
  std::vector<double> diag_, off_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace effleura::flow
