#include "core/pool/summary_fields.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>

namespace poolscope::pool {

namespace {

// The value of one member, in the alternative of its own type.
template <auto Member>
SummaryValue member(const Summary& s) {
  return s.*Member;
}

SummaryValue outcome_name(const Summary& s) { return std::string(trace::to_string(s.outcome)); }
SummaryValue hash_hex(const Summary& s) { return fmt::format("{:016x}", s.event_hash); }

constexpr bool kSweep = true;
constexpr bool kLesson = true;

constexpr std::array kFields = {
    SummaryField{"outcome",
                 "how the run ended: completed, deadlock, panic, hang, stopped (at a limit of "
                 "the simulator) or running",
                 &outcome_name, kSweep, false},
    SummaryField{"results", "results main received, over all requests", &member<&Summary::results>,
                 kSweep, kLesson},
    SummaryField{"leaked", "goroutines blocked forever after main returned",
                 &member<&Summary::leaked>, kSweep, kLesson},
    SummaryField{"still_running", "goroutines that would run forever",
                 &member<&Summary::still_running>, false, false},
    SummaryField{"jobs_sent", "jobs handed over (sent on jobs, or started)",
                 &member<&Summary::jobs_sent>, false, false},
    SummaryField{"jobs_done", "jobs whose work ran to its end", &member<&Summary::jobs_done>,
                 kSweep, kLesson},
    SummaryField{"max_concurrent", "most jobs in work at one instant",
                 &member<&Summary::max_concurrent>, kSweep, kLesson},
    SummaryField{"max_queue_depth", "longest the jobs queue grew",
                 &member<&Summary::max_queue_depth>, kSweep, kLesson},
    SummaryField{"max_blocked_senders", "most goroutines blocked sending on jobs at once",
                 &member<&Summary::max_blocked_senders>, kSweep, kLesson},
    SummaryField{"peak_goroutines", "most goroutines alive at once",
                 &member<&Summary::peak_goroutines>, kSweep, kLesson},
    SummaryField{"peak_memory_bytes", "most memory held at once (stacks and held jobs), bytes",
                 &member<&Summary::peak_memory_bytes>, false, false},
    SummaryField{"throughput_per_s", "jobs done per second of virtual time",
                 &member<&Summary::throughput_per_s>, kSweep, false},
    SummaryField{"latency_p50_ms", "median time from a job's creation to its end, ms",
                 &member<&Summary::latency_p50_ms>, kSweep, false},
    SummaryField{"latency_p99_ms", "99th percentile of that time, ms",
                 &member<&Summary::latency_p99_ms>, kSweep, false},
    SummaryField{"virtual_ms", "virtual time the run took, ms", &member<&Summary::virtual_ms>,
                 kSweep, false},
    SummaryField{"events", "events the engine emitted", &member<&Summary::events>, false, false},
    SummaryField{"event_hash", "FNV-1a over every event, 16 hex digits", &hash_hex, false, false},
    SummaryField{"error", "errgroup's error or the panic message, \"\" when none",
                 &member<&Summary::error>, false, false},
    SummaryField{"completed_ok", "errgroup: jobs that succeeded", &member<&Summary::completed_ok>,
                 false, false},
    SummaryField{"cancelled", "errgroup: jobs abandoned mid-work", &member<&Summary::cancelled>,
                 false, kLesson},
    SummaryField{"skipped", "errgroup: jobs that saw a cancelled context at start",
                 &member<&Summary::skipped>, false, kLesson},
    SummaryField{"failed", "errgroup: jobs that returned an error", &member<&Summary::failed>,
                 false, kLesson},
    SummaryField{"stopped_by",
                 "the limit that stopped the run: max_goroutines, max_events, or \"\"",
                 &member<&Summary::stopped_by>, false, false},
    SummaryField{"stop_message",
                 "what the limit says, e.g. \"stopped: 1,000,000 goroutines "
                 "alive, the limit\"; \"\" when none",
                 &member<&Summary::stop_message>, false, false},
};

}  // namespace

std::span<const SummaryField> summary_fields() noexcept { return kFields; }

const SummaryField* find_summary_field(std::string_view name) noexcept {
  const auto* it = std::find_if(kFields.begin(), kFields.end(),
                                [name](const SummaryField& f) { return f.name == name; });
  return it == kFields.end() ? nullptr : it;
}

}  // namespace poolscope::pool
