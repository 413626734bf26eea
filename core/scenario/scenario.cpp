#include "core/scenario/scenario.hpp"

#include <array>

namespace poolscope::scenario {

namespace {
constexpr std::array<std::string_view, 3> kModeNames{"pool", "unbounded", "errgroup"};
constexpr std::array<std::string_view, 5> kCollectNames{
    "after_send", "wait_then_range", "closer_goroutine", "producer_goroutine", "none"};
constexpr std::array<std::string_view, 3> kArrivalNames{"constant", "poisson", "burst"};
constexpr std::array<std::string_view, 3> kWorkDistNames{"constant", "exponential", "uniform"};
constexpr std::array<std::string_view, 2> kWorkKindNames{"io", "cpu"};
}  // namespace

std::span<const std::string_view> names_of(Mode) noexcept { return kModeNames; }
std::span<const std::string_view> names_of(Collect) noexcept { return kCollectNames; }
std::span<const std::string_view> names_of(Arrival) noexcept { return kArrivalNames; }
std::span<const std::string_view> names_of(WorkDist) noexcept { return kWorkDistNames; }
std::span<const std::string_view> names_of(WorkKind) noexcept { return kWorkKindNames; }

int resolved_collect_count(const Scenario& s) noexcept {
  if (s.pool.collect == Collect::None) return 0;
  if (s.pool.collect_count == kCollectAll) return s.load.jobs;
  return s.pool.collect_count;
}

}  // namespace poolscope::scenario
