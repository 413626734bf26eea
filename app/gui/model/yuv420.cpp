#include "app/gui/model/yuv420.hpp"

#include <algorithm>
#include <cstddef>

namespace poolscope::gui {

namespace {
// 16.16 fixed point of BT.709's limited-range coefficients (x 219/255 for Y, x 224/255
// for U and V).
constexpr int fixed(double v) { return static_cast<int>(v * 65536.0 + (v >= 0 ? 0.5 : -0.5)); }
constexpr double kY = 219.0 / 255.0;
constexpr double kC = 224.0 / 255.0;
constexpr int kYr = fixed(0.2126 * kY), kYg = fixed(0.7152 * kY), kYb = fixed(0.0722 * kY);
constexpr int kUr = fixed(-0.2126 / 1.8556 * kC), kUg = fixed(-0.7152 / 1.8556 * kC),
              kUb = fixed(0.5 * kC);
constexpr int kVr = fixed(0.5 * kC), kVg = fixed(-0.7152 / 1.5748 * kC),
              kVb = fixed(-0.0722 / 1.5748 * kC);
constexpr int kHalf = 1 << 15;

std::uint8_t luma(const std::uint8_t* p) {
  return static_cast<std::uint8_t>(16 + ((kYr * p[2] + kYg * p[1] + kYb * p[0] + kHalf) >> 16));
}
}  // namespace

void Yuv420::resize(int w, int h) {
  width = w;
  height = h;
  data.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3 / 2);
}

void bgra_to_yuv420(const std::uint8_t* bgra, int first, int last, Yuv420& out) {
  const int w = out.width;
  const int h = out.height;
  first = std::max(0, first & ~1);
  last = std::min(h, (last + 1) & ~1);
  const auto stride = static_cast<std::size_t>(w) * 4;
  std::uint8_t* y_plane = out.data.data();
  std::uint8_t* u_plane = y_plane + static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
  std::uint8_t* v_plane =
      u_plane + static_cast<std::size_t>(w / 2) * static_cast<std::size_t>(h / 2);
  for (int y = first; y < last; y += 2) {
    // Top-based row y is OpenGL's row h - 1 - y.
    const std::uint8_t* row0 = bgra + static_cast<std::size_t>(h - 1 - y) * stride;
    const std::uint8_t* row1 = row0 - stride;
    std::uint8_t* y0 = y_plane + static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
    std::uint8_t* y1 = y0 + w;
    const std::size_t c = static_cast<std::size_t>(y / 2) * static_cast<std::size_t>(w / 2);
    for (int x = 0; x < w; x += 2) {
      const std::uint8_t* a = row0 + static_cast<std::size_t>(x) * 4;
      const std::uint8_t* b = row1 + static_cast<std::size_t>(x) * 4;
      y0[x] = luma(a);
      y0[x + 1] = luma(a + 4);
      y1[x] = luma(b);
      y1[x + 1] = luma(b + 4);
      const int bl = a[0] + a[4] + b[0] + b[4];
      const int g = a[1] + a[5] + b[1] + b[5];
      const int r = a[2] + a[6] + b[2] + b[6];
      // Sums of four: shift by 2 more.
      constexpr int kQuarterHalf = 1 << 17;
      u_plane[c + static_cast<std::size_t>(x / 2)] =
          static_cast<std::uint8_t>(128 + ((kUr * r + kUg * g + kUb * bl + kQuarterHalf) >> 18));
      v_plane[c + static_cast<std::size_t>(x / 2)] =
          static_cast<std::uint8_t>(128 + ((kVr * r + kVg * g + kVb * bl + kQuarterHalf) >> 18));
    }
  }
}

}  // namespace poolscope::gui
