#pragma once
// Teaching warnings: short sentences that name what the picture shows, computed from
// the figures and the pool model (no drawing), e.g.
//   "Backpressure: the sender has waited 1.2 s because jobs is full and all 3 workers
//    are busy."
// Pure: tested without a window.
#include <string>
#include <vector>

#include "app/gui/model/pool_model.hpp"
#include "core/pool/metrics.hpp"

namespace poolscope::gui {

enum class WarningKind { ProducerBound, Backpressure, ResultsFull, Leaked, Deadlock, Bottleneck };

struct Warning {
  WarningKind kind;
  std::string text;
};

std::vector<Warning> teaching_warnings(const pool::Figures& f, const PoolModel& m);

}  // namespace poolscope::gui
