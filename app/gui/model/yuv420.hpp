#pragma once
// Frames for the H.264 encoder: BGRA pixels as read back from OpenGL (rows bottom to top)
// converted to YUV 4:2:0, BT.709, limited ("TV") range, the format x264 encodes. Done on
// our side, and only for the rows a frame changed, so ffmpeg neither converts nor
// receives the 4 bytes a pixel RGBA needs (1.5 here).
//
// - Y = 16 + 219 x (0.2126 R + 0.7152 G + 0.0722 B) / 255, and U, V from the average of
//   each 2x2 block, in 16.16 fixed point, rounded; the same bytes on every machine.
// - The planes are Y (width x height), then U and V (width/2 x height/2 each).
#include <cstdint>
#include <vector>

namespace poolscope::gui {

struct Yuv420 {
  int width = 0;                   // even
  int height = 0;                  // even
  std::vector<std::uint8_t> data;  // Y, then U, then V

  // Sizes the planes for a frame (their content is then undefined).
  void resize(int w, int h);
};

// Converts rows [first, last) (counted from the top) of `bgra`, a frame of out.width x
// out.height stored bottom row first, into `out`; rows are widened to whole 2x2 blocks.
void bgra_to_yuv420(const std::uint8_t* bgra, int first, int last, Yuv420& out);

}  // namespace poolscope::gui
