#include <doctest/doctest.h>

#include <vector>

#include "app/gui/model/axis_ticks.hpp"

using namespace poolscope::gui;

TEST_CASE("Axis ticks: round steps within the range, no more than asked") {
  CHECK(axis_ticks(0, 10, 6) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(axis_ticks(0, 2.5, 6) == std::vector<double>{0, 0.5, 1, 1.5, 2, 2.5});
  CHECK(axis_ticks(3.2, 9.9, 4) == std::vector<double>{5});  // step 5: only 5 lies inside
  CHECK(axis_ticks(1.05, 1.25, 3) == std::vector<double>{1.1, 1.2});
  for (const double hi : {0.003, 0.7, 13.0, 600.0, 86400.0}) {
    CAPTURE(hi);
    const std::vector<double> t = axis_ticks(0, hi, 7);
    CHECK(t.size() >= 2);
    CHECK(t.size() <= 7);
    CHECK(t.front() == 0);
    CHECK(t.back() <= hi);
  }
  CHECK(axis_ticks(5, 5, 6).empty());
  CHECK(axis_ticks(0, 1, 1).empty());
}

TEST_CASE("Axis numbers: written for people, with the unit after a space") {
  CHECK(axis_number(0) == "0");
  CHECK(axis_number(0.5, "s") == "0.5 s");
  CHECK(axis_number(25, "ms") == "25 ms");
  CHECK(axis_number(1000, "ms") == "1,000 ms");
  CHECK(axis_number(250000) == "250,000");
  CHECK(axis_number(1e6) == "1,000,000");
  CHECK(axis_number(0.125) == "0.125");
  CHECK(axis_number(1.1) == "1.1");
  CHECK(axis_number(-2000) == "-2,000");
}
