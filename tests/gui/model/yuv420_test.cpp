// BGRA frames (bottom row first) to BT.709 limited-range YUV 4:2:0 (yuv420.hpp).
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "app/gui/model/yuv420.hpp"

using namespace poolscope;

namespace {
// A 4x2 frame: the top row's pixels are `top`, the bottom row's `bottom` (BGRA).
std::vector<std::uint8_t> frame(std::vector<std::uint8_t> top, std::vector<std::uint8_t> bottom) {
  std::vector<std::uint8_t> bgra;
  for (int x = 0; x < 4; ++x) bgra.insert(bgra.end(), bottom.begin(), bottom.end());
  for (int x = 0; x < 4; ++x) bgra.insert(bgra.end(), top.begin(), top.end());
  return bgra;
}
}  // namespace

TEST_CASE("YUV 4:2:0: black, white and red take BT.709's limited-range values") {
  struct Case {
    std::vector<std::uint8_t> bgra;
    int y, u, v;
  };
  for (const Case& c :
       {Case{{0, 0, 0, 255}, 16, 128, 128}, Case{{255, 255, 255, 255}, 235, 128, 128},
        Case{{0, 0, 255, 255}, 63, 102, 240}, Case{{255, 0, 0, 255}, 32, 240, 118}}) {
    gui::Yuv420 out;
    out.resize(4, 2);
    const auto bgra = frame(c.bgra, c.bgra);
    gui::bgra_to_yuv420(bgra.data(), 0, 2, out);
    CAPTURE(c.y);
    for (int i = 0; i < 8; ++i) CHECK(out.data[static_cast<std::size_t>(i)] == c.y);
    CHECK(out.data[8] == c.u);
    CHECK(out.data[10] == c.v);
  }
}

TEST_CASE("YUV 4:2:0: rows are counted from the top of a frame stored bottom row first") {
  gui::Yuv420 out;
  out.resize(4, 2);
  const auto bgra = frame({255, 255, 255, 255}, {0, 0, 0, 255});
  gui::bgra_to_yuv420(bgra.data(), 0, 2, out);
  CHECK(out.data[0] == 235);  // top row: white
  CHECK(out.data[4] == 16);   // bottom row: black
}

TEST_CASE("YUV 4:2:0: only the rows asked for change, widened to whole 2x2 blocks") {
  gui::Yuv420 out;
  out.resize(4, 4);
  std::fill(out.data.begin(), out.data.end(), std::uint8_t{7});
  std::vector<std::uint8_t> bgra(4 * 4 * 4, 255);
  gui::bgra_to_yuv420(bgra.data(), 3, 4, out);  // row 3 only: the block of rows 2 and 3
  CHECK(out.data[0] == 7);                      // row 0 untouched
  CHECK(out.data[4 * 2] == 235);                // row 2 converted with its block
  CHECK(out.data[4 * 3 + 3] == 235);
  CHECK(out.data[16] == 7);        // U of the first block row untouched
  CHECK(out.data[16 + 2] == 128);  // U of the second block row
}
