#include "core/trace/sink.hpp"

namespace poolscope::trace {

void HashSink::mix(std::uint64_t v, int bytes) noexcept {
  for (int i = 0; i < bytes; ++i) {
    hash_ ^= (v >> (8 * i)) & 0xffU;
    hash_ *= 0x100000001b3ULL;
  }
}

void HashSink::on_event(const Event& e) {
  mix(e.seq, 8);
  mix(static_cast<std::uint64_t>(e.time), 8);
  mix(static_cast<std::uint64_t>(e.value), 8);
  mix(e.goroutine, 4);
  mix(e.object, 4);
  mix(e.aux, 4);
  mix(e.line, 2);
  mix(static_cast<std::uint64_t>(e.kind), 1);
  mix(e.detail, 1);
  ++count_;
}

}  // namespace poolscope::trace
