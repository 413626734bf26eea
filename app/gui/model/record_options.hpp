#pragma once
// What a recording is asked to be: its options, their checks and the ffmpeg command line
// that encodes it. Shared by `poolscope --record` (modes/recorder.hpp) and the app's
// Record dialog, which runs that command (record_job.hpp); nothing here draws.
#include <string>
#include <string_view>
#include <vector>

namespace poolscope::gui {

enum class RecordKind { Mp4, Gif, PngFrames };

struct RecordOptions {
  std::string out;              // *.mp4, *.gif, or a directory for PNG frames
  double duration_s = 10.0;     // = 10 // seconds of video
  int fps = 30;                 // = 30 // 30 or 60 frames per second of video
  double speed = 1.0;           // = 1  // virtual seconds per second of video
  double start_s = 0.0;         // = 0  // virtual time of the first frame
  bool progress_lines = false;  // = false // "progress N TOTAL" on stdout per frame
  bool captions = false;        // = false // burn the lesson's narration in (captions.hpp)
  bool code = false;            // = false // show the Go listing beside the picture
  bool timing = false;          // = false // print where a frame's time goes, at the end
  bool mark_widgets = false;    // = false // for tests: widgets in #FF00FF (layout_report.hpp)
};

// Exit codes of a recording stopped by a signal, the shell's 128 + the signal's number:
// SIGINT (Ctrl+C) and SIGTERM (the Record dialog's Cancel).
inline constexpr int kCancelled = 130;
inline constexpr int kTerminated = 143;

// What OUT asks for, from its extension (case-insensitive).
RecordKind record_kind(std::string_view out);

// "" when the options can be recorded at `width` x `height`, or a one-line reason
// meant for the user (exit code 2): e.g. H.264 needs even sizes, a GIF cannot play
// 60 frames per second, a folder for frames must be new or empty.
std::string check_record_options(const RecordOptions& options, int width, int height);

// "" when `dir` can take a recording's PNG frames (it is missing or empty), else why
// not: a recording never deletes or mixes with what a folder holds.
std::string frames_folder_problem(const std::string& dir);

// `stem` + `extension` (e.g. "hello-pool" ".mp4") when no such file is there, else the
// first of "stem-2.mp4", "stem-3.mp4", ... that is free: the Record dialog's proposal.
std::string unused_name(const std::string& stem, const std::string& extension);

// The UI scale a video of this height gets unless one is given: what 720 pixels show at
// scale 1 (1080p: 1.5, 540p: 0.75), within the app's 0.5 .. 4.
[[nodiscard]] float video_scale(int height);

// The number of frames: duration x fps, rounded.
int frame_count(const RecordOptions& options);

// The ffmpeg arguments (without the program) that read raw frames of this size from
// stdin and write `out` as `kind`: YUV 4:2:0 (model/yuv420.hpp) for Mp4, else BGRA with
// the rows bottom to top, as OpenGL reads them back.
std::vector<std::string> ffmpeg_arguments(RecordKind kind, const std::string& out, int width,
                                          int height, int fps);

// The ffmpeg program to run: $POOLSCOPE_FFMPEG when set, else "ffmpeg" found on PATH;
// "" when there is none.
std::string find_ffmpeg();

}  // namespace poolscope::gui
