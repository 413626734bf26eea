#include "core/trace/string_table.hpp"

#include "core/trace/check.hpp"

namespace poolscope::trace {

StringTable::StringTable() {
  strings_.emplace_back();
  ids_.emplace(std::string_view(strings_.back()), StringId{0});
}

StringId StringTable::intern(std::string_view s) {
  if (const auto it = ids_.find(s); it != ids_.end()) return it->second;
  const auto id = static_cast<StringId>(strings_.size());
  strings_.emplace_back(s);
  ids_.emplace(std::string_view(strings_.back()), id);
  return id;
}

std::string_view StringTable::str(StringId id) const {
  POOLSCOPE_CHECK(id < strings_.size(), "StringId from another table");
  return strings_[id];
}

}  // namespace poolscope::trace
