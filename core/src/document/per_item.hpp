#pragma once
// A value per item that most documents never give: Kano answers, lifts on outcomes,
// contributions to key results, a status, a release date, a team. It takes no memory until
// some item is given one, and then one slot per item; an item without a value reads as the
// default. A 100,000-item backlog without customer sections would otherwise hold about
// 14 MB of empty slots (BENCHMARKS.md, "Reading without a DOM").
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

namespace gapscore {

template <class T>
class PerItem {
public:
  /// const T&, and bool by value for PerItem<bool>: std::vector<bool> has no references (its
  /// const_reference is bool in libstdc++ but a proxy class in libc++, the wasm build's).
  using const_reference = std::conditional_t<std::is_same_v<T, bool>, bool, const T&>;
  using reference = typename std::vector<T>::reference; ///< a proxy for PerItem<bool>

  PerItem() = default;
  /// `none` is what an item without a value reads as (T{} otherwise).
  explicit PerItem(T none) : none_(std::move(none)) {}

  /// The item's value, or the default when it has none.
  const_reference operator[](std::size_t item) const { return item < values_.size() ? values_[item] : none_; }

  /// The item's value to change; the first call makes a slot for each of `items` items.
  reference edit(std::size_t item, std::size_t items) {
    if (values_.empty()) values_.assign(items, none_);
    return values_[item];
  }

  /// Whether any item was given a value (then every item has a slot).
  bool given() const { return !values_.empty(); }
  /// One value per item when any was given, else empty.
  const std::vector<T>& values() const { return values_; }

private:
  std::vector<T> values_;
  T none_{};
};

} // namespace gapscore
