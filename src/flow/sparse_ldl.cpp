#include "flow/sparse_ldl.hpp"

#include <algorithm>
#include <map>

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

namespace effleura::flow {

struct SparseLdl::Impl {
  using Matrix = Eigen::SparseMatrix<double, Eigen::ColMajor, int>;
  Matrix a;                       // lower triangle, pattern fixed at construction
  std::vector<int> diag_value;    // unknown -> index into a.valuePtr()
  std::vector<int> off_value;     // slot -> index into a.valuePtr()
  Eigen::SimplicialLDLT<Matrix, Eigen::Lower> ldlt;
  Eigen::VectorXd x;
};

SparseLdl::SparseLdl() : impl_(std::make_unique<Impl>()) {}
SparseLdl::~SparseLdl() = default;
SparseLdl::SparseLdl(SparseLdl&&) noexcept = default;
SparseLdl& SparseLdl::operator=(SparseLdl&&) noexcept = default;
SparseLdl::SparseLdl(const SparseLdl& o) : impl_(std::make_unique<Impl>()) { *this = o; }
SparseLdl& SparseLdl::operator=(const SparseLdl& o) {
  if (this == &o) return *this;
  n_ = o.n_;
  pair_slot_ = o.pair_slot_;
  diag_ = o.diag_;
  off_ = o.off_;
  impl_ = std::make_unique<Impl>();
  impl_->a = o.impl_->a;
  impl_->diag_value = o.impl_->diag_value;
  impl_->off_value = o.impl_->off_value;
  if (n_ > 0) impl_->ldlt.analyzePattern(impl_->a);
  return *this;
}

SparseLdl::SparseLdl(std::size_t n, const std::vector<std::pair<int, int>>& pairs)
    : n_(n), impl_(std::make_unique<Impl>()) {
  // One slot per distinct unordered pair, in order of first appearance.
  std::map<std::pair<int, int>, int> slot_of;
  std::vector<std::pair<int, int>> slots;
  for (auto [i, j] : pairs) {
    const std::pair<int, int> key{std::max(i, j), std::min(i, j)};  // (row, col), lower triangle
    auto [it, added] = slot_of.try_emplace(key, static_cast<int>(slots.size()));
    if (added) slots.push_back(key);
    pair_slot_.push_back(it->second);
  }
  std::vector<Eigen::Triplet<double, int>> entries;
  for (std::size_t i = 0; i < n; ++i) entries.emplace_back(static_cast<int>(i), static_cast<int>(i), 1.0);
  for (auto [r, c] : slots) entries.emplace_back(r, c, 1.0);
  impl_->a.resize(static_cast<int>(n), static_cast<int>(n));
  impl_->a.setFromTriplets(entries.begin(), entries.end());
  impl_->a.makeCompressed();
  // Where each entry's value lives in the compressed storage.
  impl_->diag_value.assign(n, -1);
  impl_->off_value.assign(slots.size(), -1);
  const int* outer = impl_->a.outerIndexPtr();
  const int* inner = impl_->a.innerIndexPtr();
  for (int col = 0; col < static_cast<int>(n); ++col)
    for (int k = outer[col]; k < outer[col + 1]; ++k) {
      const int row = inner[k];
      if (row == col) impl_->diag_value[static_cast<std::size_t>(col)] = k;
      else impl_->off_value[static_cast<std::size_t>(slot_of.at({row, col}))] = k;
    }
  diag_.assign(n, 0.0);
  off_.assign(slots.size(), 0.0);
  if (n > 0) impl_->ldlt.analyzePattern(impl_->a);
  impl_->x.resize(static_cast<Eigen::Index>(n));
}

void SparseLdl::clear() {
  std::fill(diag_.begin(), diag_.end(), 0.0);
  std::fill(off_.begin(), off_.end(), 0.0);
}

bool SparseLdl::solve(std::vector<double>& b) {
  if (n_ == 0) return true;
  double* v = impl_->a.valuePtr();
  for (std::size_t i = 0; i < n_; ++i) v[impl_->diag_value[i]] = diag_[i];
  for (std::size_t s = 0; s < off_.size(); ++s) v[impl_->off_value[s]] = off_[s];
  impl_->ldlt.factorize(impl_->a);
  if (impl_->ldlt.info() != Eigen::Success) return false;
  const Eigen::Map<const Eigen::VectorXd> rhs(b.data(), static_cast<Eigen::Index>(n_));
  impl_->x = impl_->ldlt.solve(rhs);
  if (impl_->ldlt.info() != Eigen::Success) return false;
  std::copy(impl_->x.data(), impl_->x.data() + n_, b.begin());
  // A non-positive pivot means the matrix was not positive definite.
  return (impl_->ldlt.vectorD().array() > 0.0).all();
}

}  // namespace effleura::flow
