#include <doctest/doctest.h>

#include "app/gui/views/plot.hpp"

using poolscope::gui::RingSeries;

TEST_CASE("RingSeries: keeps the newest samples in fixed memory, oldest first") {
  RingSeries s(3);
  s.push(1);
  s.push(2);
  CHECK(s.size() == 2);
  CHECK(s.at(0) == 1.0f);
  s.push(3);
  s.push(4);
  CHECK(s.size() == 3);
  CHECK(s.capacity() == 3);
  CHECK(s.at(0) == 2.0f);
  CHECK(s.at(2) == 4.0f);
  CHECK(s.latest() == 4.0f);
  CHECK(s.max() == 4.0f);
}

TEST_CASE("RingSeries: an empty series reads as zero") {
  RingSeries s(4);
  CHECK(s.latest() == 0.0f);
  CHECK(s.max() == 0.0f);
}
