#pragma once
// StringTable: interned strings referenced from events by a small id.
//
// Contract
// - intern(s) returns the same id for the same text, always; ids are dense, assigned in
//   first-seen order, and id 0 is the empty string. Ids are deterministic for a
//   deterministic sequence of intern calls, so they are safe to hash into event logs.
// - str(id) stays valid (and the view's characters stable) for the table's lifetime.
// - Not thread-safe: one owner (the engine) interns; readers on the same thread resolve.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/trace/event.hpp"

namespace poolscope::trace {

class StringTable {
 public:
  StringTable();
  StringTable(const StringTable&) = delete;
  StringTable& operator=(const StringTable&) = delete;

  [[nodiscard]] StringId intern(std::string_view s);
  // The text of id; id must come from this table.
  [[nodiscard]] std::string_view str(StringId id) const;
  [[nodiscard]] std::size_t size() const noexcept { return strings_.size(); }

 private:
  std::deque<std::string> strings_;  // deque: growing never moves the strings
  std::unordered_map<std::string_view, StringId> ids_;
};

}  // namespace poolscope::trace
