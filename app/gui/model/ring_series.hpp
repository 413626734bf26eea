#pragma once
// RingSeries: the newest `capacity` samples of a metric in fixed memory, so a run of
// hours costs the same as a run of seconds. Plots draw it (views/plot.hpp); it owns the
// data, they own none.
#include <cstddef>
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

}  // namespace poolscope::gui
