#pragma once
// Process figures for the benchmarks (Linux /proc); never used by the simulation.
namespace poolscope::util {

// Peak resident memory of this process (VmHWM) in KiB; -1 when /proc cannot tell.
long peak_rss_kib();

}  // namespace poolscope::util
