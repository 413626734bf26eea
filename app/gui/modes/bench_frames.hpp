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

}  // namespace poolscope::gui
