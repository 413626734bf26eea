#pragma once
// IdMap: a map from a nonzero 32-bit id (a goroutine's, a channel's) to a small value,
// for tables that must follow what is alive rather than every id ever handed out.
//
// - Open addressing with linear probing; the capacity is a power of two kept at most
//   half full, and erase shifts the entries that follow back (no tombstones): the
//   table's size follows the most entries present at once, whatever ids came and went.
// - Ids are mixed by a multiplicative hash: dense ids (1, 2, 3, ...) spread evenly.
// - find() returns a pointer that stays valid until the next insert or erase.
// - Iteration order is the table's, not the ids': sort when order matters.
// - Id 0 is reserved (it marks an empty slot): a POOLSCOPE_CHECK stops on it.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/trace/check.hpp"

namespace poolscope::trace {

template <class T>
class IdMap {
 public:
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  // Slots allocated (a power of two, or 0): what the table costs in memory.
  [[nodiscard]] std::size_t capacity() const noexcept { return slots_.size(); }

  [[nodiscard]] T* find(std::uint32_t id) noexcept {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = home(id);; i = (i + 1) & mask()) {
      if (slots_[i].first == id) return &slots_[i].second;
      if (slots_[i].first == 0) return nullptr;
    }
  }
  [[nodiscard]] const T* find(std::uint32_t id) const noexcept {
    return const_cast<IdMap*>(this)->find(id);
  }
  [[nodiscard]] bool contains(std::uint32_t id) const noexcept { return find(id) != nullptr; }

  // The value for id, inserted (value-initialised) if absent.
  T& operator[](std::uint32_t id) {
    POOLSCOPE_CHECK(id != 0, "IdMap: id 0 is reserved");
    if (T* v = find(id)) return *v;
    if (2 * (size_ + 1) > slots_.size()) grow();
    std::size_t i = home(id);
    while (slots_[i].first != 0) i = (i + 1) & mask();
    slots_[i].first = id;
    slots_[i].second = T{};
    ++size_;
    return slots_[i].second;
  }

  // Removes id if present; returns whether it was.
  bool erase(std::uint32_t id) noexcept {
    if (slots_.empty()) return false;
    std::size_t i = home(id);
    while (slots_[i].first != id) {
      if (slots_[i].first == 0) return false;
      i = (i + 1) & mask();
    }
    // Backward-shift deletion: move later entries of the probe run into the hole when
    // their home does not lie cyclically in (hole, their slot].
    std::size_t hole = i;
    for (std::size_t j = (i + 1) & mask(); slots_[j].first != 0; j = (j + 1) & mask()) {
      const std::size_t h = home(slots_[j].first);
      const bool stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
      if (stays) continue;
      slots_[hole] = std::move(slots_[j]);
      hole = j;
    }
    slots_[hole].first = 0;
    slots_[hole].second = T{};
    --size_;
    return true;
  }

  // f(id, value) for every entry, in table order.
  template <class F>
  void for_each(F&& f) const {
    for (const auto& [id, value] : slots_) {
      if (id != 0) f(id, value);
    }
  }

 private:
  [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }
  [[nodiscard]] std::size_t home(std::uint32_t id) const noexcept {
    // Fibonacci hashing: the top bits of id * 2^32 / phi.
    const std::uint64_t mixed = std::uint64_t{id} * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(mixed >> 32) & mask();
  }
  void grow() {
    std::vector<std::pair<std::uint32_t, T>> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, {});
    for (auto& [id, value] : old) {
      if (id == 0) continue;
      std::size_t i = home(id);
      while (slots_[i].first != 0) i = (i + 1) & mask();
      slots_[i] = {id, std::move(value)};
    }
  }

  std::vector<std::pair<std::uint32_t, T>> slots_;
  std::size_t size_ = 0;
};

}  // namespace poolscope::trace
