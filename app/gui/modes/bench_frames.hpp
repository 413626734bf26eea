#pragma once
// Frame benchmark (poolscope --bench-frames N): renders N frames of named cases and
// prints the median and p95 frame time of each, with the process's peak memory.
//
// A frame is timed from the start of the UI work to the end of OpenGL's drawing
// (glFinish), so on llvmpipe the software rasteriser is counted too. Each case is a
// paused moment with many things in sight, so every frame draws the same picture.
#include "app/gui/modes/launch.hpp"
#include "app/gui/platform/platform.hpp"

namespace poolscope::gui {

// The --bench-frames mode: opens the window without waiting for the display and runs
// bench_frames() at the launch's UI scale. Returns the process exit code (1: no window).
int run_bench_frames(Launch& launch);

// Returns the process exit code.
int bench_frames(Platform& platform, int frames, float scale);

// The --bench-soak SECONDS mode: an endless load (one goroutine per job, 100 jobs/s, so the
// goroutines ever spawned grow without end while few are alive) played in the full window
// at the fastest speed, frame after frame of 1/60 s, with the interactive window's work
// budget, until SECONDS of virtual time. First a jump to min(SECONDS, 120) of the same
// load with that budget: the frames drawn while it ran and their times. Then, ten times, the
// virtual time, the resident and peak memory and the median frame time of that tenth; then the
// growth of resident memory from the first tenth to the end (the goal: flat within 10%). Returns
// the process exit code.
int run_bench_soak(Launch& launch);

}  // namespace poolscope::gui
