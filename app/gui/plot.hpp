#pragma once
// Plots: live line plots of metric time series, drawn with ImGui's draw list.
//
// - RingSeries keeps the newest `capacity` samples in fixed memory: a run of
//   hours costs the same as a run of seconds.
// - draw_plot() draws the caller's series; it owns no data (the ImPlot way).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace poolscope::gui {

class RingSeries {
 public:
  explicit RingSeries(std::size_t capacity = 600) : data_(capacity) {}
  void push(float value);
  void clear() { size_ = head_ = 0; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return data_.size(); }
  // i-th sample, 0 = oldest kept.
  float at(std::size_t i) const { return data_[(head_ + data_.size() - size_ + i) % data_.size()]; }
  float latest() const { return size_ == 0 ? 0.0f : at(size_ - 1); }
  float max() const;

 private:
  std::vector<float> data_;
  std::size_t size_ = 0;
  std::size_t head_ = 0;  // where the next sample goes
};

struct PlotStyle {
  std::uint32_t line = 0xffe9b456;  // = sky blue  // line colour (ImGui packed)
  float height = 70.0f;             // = 70        // plot height in pixels at scale 1
  float min_top = 1.0f;             // = 1         // the y axis reaches at least this value
  std::string_view unit;            // = ""        // appended to the current value
};

// Draws a titled plot filling the available width; the current value is shown
// large beside the title so a room can read it.
void draw_plot(std::string_view title, const RingSeries& series, const PlotStyle& style,
               float scale);

}  // namespace poolscope::gui
