#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "app/gui/model/number_format.hpp"

using namespace poolscope::gui;

TEST_CASE("Number format: thousands are grouped with commas") {
  CHECK(group_thousands(0) == "0");
  CHECK(group_thousands(999) == "999");
  CHECK(group_thousands(1000) == "1,000");
  CHECK(group_thousands(12345) == "12,345");
  CHECK(group_thousands(1000000) == "1,000,000");
  CHECK(group_thousands(-1234567) == "-1,234,567");
  CHECK(group_thousands(std::numeric_limits<std::int64_t>::min()) == "-9,223,372,036,854,775,808");
}

TEST_CASE("Number format: numbers never come out in exponent form") {
  CHECK(format_number(1000) == "1,000");
  CHECK(format_number(1e6) == "1,000,000");
  CHECK(format_number(3'600'000) == "3,600,000");
  CHECK(format_number(100) == "100");
  CHECK(format_number(99.96) == "100");
  CHECK(format_number(250.4) == "250");
  CHECK(format_number(12.5) == "12.5");
  CHECK(format_number(10) == "10");
  CHECK(format_number(1.25) == "1.25");
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(0.125) == "0.125");
  CHECK(format_number(0.001) == "0.001");
  CHECK(format_number(0.0001) == "< 0.001");
  CHECK(format_number(0) == "0");
  CHECK(format_number(-2.5) == "-2.5");
  CHECK(format_number(-1500) == "-1,500");
  CHECK(format_number(1.0 / 3) == "0.333");
}

TEST_CASE("Number format: times read in milliseconds below a second, seconds above") {
  CHECK(format_quantity(1000, "ms") == "1 s");
  CHECK(format_quantity(1500, "ms") == "1.5 s");
  CHECK(format_quantity(250, "ms") == "250 ms");
  CHECK(format_quantity(0.5, "ms") == "0.5 ms");
  CHECK(format_quantity(0, "ms") == "0 ms");
  CHECK(format_quantity(999.4, "ms") == "999 ms");
  CHECK(format_quantity(3'600'000, "ms") == "3,600 s");
  CHECK(format_quantity(0.25, "s") == "250 ms");
  CHECK(format_quantity(90, "s") == "90 s");
  CHECK(format_quantity(86'400, "s") == "86,400 s");
}

TEST_CASE("Number format: other units follow the number") {
  CHECK(format_quantity(10, "jobs/s") == "10 jobs/s");
  CHECK(format_quantity(1'000'000, "jobs/s") == "1,000,000 jobs/s");
  CHECK(format_quantity(2.5, "") == "2.5");
  CHECK(format_quantity(1024, "KiB") == "1,024 KiB");
}
