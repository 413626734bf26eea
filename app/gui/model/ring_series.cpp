#include "app/gui/model/ring_series.hpp"

#include <algorithm>

namespace poolscope::gui {

void RingSeries::push(float value) {
  data_[head_] = value;
  head_ = (head_ + 1) % data_.size();
  size_ = std::min(size_ + 1, data_.size());
}

float RingSeries::max() const {
  float m = 0.0f;
  for (std::size_t i = 0; i < size_; ++i) m = std::max(m, at(i));
  return m;
}

}  // namespace poolscope::gui
