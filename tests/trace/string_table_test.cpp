// StringTable: names interned once, referenced from events by id.
#include <doctest/doctest.h>

#include <string>

#include "core/trace/string_table.hpp"

namespace poolscope::trace {
namespace {

TEST_CASE("StringTable: the same text always gets the same id, and id 0 is empty") {
  StringTable t;
  CHECK(t.str(0).empty());
  CHECK(t.intern("") == 0);
  const StringId a = t.intern("worker");
  const StringId b = t.intern("jobs");
  CHECK(a != b);
  CHECK(t.intern("worker") == a);
  CHECK(t.intern(std::string("jo") + "bs") == b);
  CHECK(t.str(a) == "worker");
  CHECK(t.size() == 3);
}

TEST_CASE("StringTable: ids follow first-seen order, so they are deterministic") {
  StringTable x, y;
  for (const char* s : {"main", "jobs", "results", "jobs"}) {
    CHECK(x.intern(s) == y.intern(s));
  }
  CHECK(x.intern("results") == 3);
}

TEST_CASE("StringTable: views stay valid while the table grows") {
  StringTable t;
  const std::string_view first = t.str(t.intern("short"));
  for (int i = 0; i < 10000; ++i) (void)t.intern("name " + std::to_string(i));
  CHECK(first == "short");
}

}  // namespace
}  // namespace poolscope::trace
