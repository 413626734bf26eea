#pragma once
// Recorder: renders a scenario off screen, frame by frame, into a video or PNG frames
// (`poolscope --record OUT ...`, and the app's Record button, which runs that command).
//
// - Frame i shows virtual time start_s + i x speed / fps, set by the recorder and never
//   by the wall clock, so a slow machine records the same frames as a fast one, no frame
//   is dropped, and two recordings of one scenario are identical pixel for pixel.
// - The frames are App's video layout (app_video.cpp): the picture, the counters, the
//   code with --record-code, the captions with --captions, and nothing to click. The UI
//   scale comes from the height (video_scale(): 1080p at 1.5) unless --scale is given.
// - With --captions, once the run has ended, the lesson's remaining steps are captioned
//   in turn while the picture holds (model/caption_script.hpp); the video grows when
//   they need more time than --duration gives, and the summary line says by how much.
// - --record-timing prints where the frames' time went, stage by stage.
// - OUT decides the output (record_kind()): "*.mp4" is H.264 (yuv420p, BT.709) and
//   "*.gif" a palette-optimised GIF, both made by the `ffmpeg` program reading raw RGBA
//   frames from a pipe; any other path is a directory of numbered PNG frames
//   (frame_00001.png ...), which must be new or empty (an earlier recording's frames are
//   never deleted or mixed in).
// - Nothing appears under OUT until the recording is complete: the video (or the folder
//   of frames) is written to a hidden temporary beside OUT (".NAME.partial-XXXXXX.mp4",
//   made with O_EXCL), renamed over OUT only when ffmpeg succeeded. A cancel or a failure
//   removes only the temporary, so an earlier video under OUT survives both; a killed
//   recorder leaves at most the hidden temporary, never a short video under OUT.
// - Without ffmpeg (not on PATH, or POOLSCOPE_FFMPEG names no program) a video request
//   says so and writes PNG frames into "<OUT without extension>_frames/" instead.
// - Progress goes to stderr: a bar on a terminal, a line every 10% otherwise. With
//   `progress_lines`, "progress N TOTAL" lines go to stdout after each frame, for a
//   parent process (the Record button) to follow.
// - SIGINT and SIGTERM stop the recording between frames: the partial video is removed
//   and record() returns 128 + the signal (kCancelled 130, kTerminated 143), as a shell
//   reports it. ffmpeg runs in its own process group, so Ctrl+C on a terminal reaches
//   the recorder only, which shuts ffmpeg down in order.
// - Main thread only; one recording per process at a time.
#include <string>
#include <string_view>
#include <vector>

#include "app/gui/app.hpp"
#include "app/gui/model/record_options.hpp"
#include "app/gui/modes/launch.hpp"
#include "app/gui/platform/platform.hpp"

namespace poolscope::gui {

// The --record mode: checks the recording options against the video's size (exit code 2
// with the reason), opens a hidden window of that size (1 when the display gives another)
// and records. Returns the process exit code, as record() does.
int run_record(Launch& launch);

// Renders every frame of `app_options.scenario` on `platform` (a hidden window of the
// video's size) and writes them to options.out. Returns the process exit code: 0 done,
// 1 the output could not be written, 2 captions asked for a scenario without a lesson
// (the message is on stderr), kCancelled or kTerminated.
// Precondition: check_record_options() is "" for the platform's framebuffer size.
int record(Platform& platform, const RecordOptions& options, AppOptions app_options);

}  // namespace poolscope::gui
