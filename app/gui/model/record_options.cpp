// [SECTION] Options and the ffmpeg command line
#include "app/gui/model/record_options.hpp"

#include <unistd.h>

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace poolscope::gui {

namespace fs = std::filesystem;

namespace {
bool ends_with(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const auto a = static_cast<unsigned char>(text[text.size() - suffix.size() + i]);
    if (std::tolower(a) != suffix[i]) return false;
  }
  return true;
}
}  // namespace

RecordKind record_kind(std::string_view out) {
  if (ends_with(out, ".mp4")) return RecordKind::Mp4;
  if (ends_with(out, ".gif")) return RecordKind::Gif;
  return RecordKind::PngFrames;
}

std::string check_record_options(const RecordOptions& options, int width, int height) {
  if (options.out.empty()) return "--record: give an output, e.g. --record lesson.mp4";
  const RecordKind kind = record_kind(options.out);
  if (kind == RecordKind::PngFrames && fs::exists(options.out) && !fs::is_directory(options.out)) {
    return "--record: " + options.out +
           " is a file but not .mp4 or .gif; give a .mp4, a .gif or a folder for PNG frames";
  }
  if (kind == RecordKind::PngFrames) {
    if (std::string problem = frames_folder_problem(options.out); !problem.empty()) {
      return "--record: " + problem;
    }
  }
  if (options.fps != 30 && options.fps != 60) {
    return fmt::format("--fps: {} is not allowed (allowed 30 or 60)", options.fps);
  }
  if (kind == RecordKind::Mp4 && (width % 2 != 0 || height % 2 != 0)) {
    return fmt::format("--size: {}x{} is odd; H.264 video needs an even width and height", width,
                       height);
  }
  if (kind == RecordKind::Gif && options.fps != 30) {
    return "--fps: a GIF cannot play 60 frames per second (browsers slow frames shorter than "
           "20 ms down); use --fps 30, or a .mp4";
  }
  if (frame_count(options) < 1) {
    return fmt::format("--duration: {:g} s is shorter than one frame", options.duration_s);
  }
  return "";
}

std::string frames_folder_problem(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  const bool empty = fs::directory_iterator(dir, ec) == fs::directory_iterator();
  if (ec) return fmt::format("cannot read the folder {}: {}", dir, ec.message());
  if (empty) return "";
  return fmt::format(
      "the folder {} is not empty; PNG frames go to a new or empty folder, so that nothing "
      "there is replaced or mixed in: give another folder name",
      dir);
}

std::string unused_name(const std::string& stem, const std::string& extension) {
  std::error_code ec;
  std::string name = stem + extension;
  for (int n = 2; fs::exists(fs::symlink_status(name, ec)) && n < 10'000; ++n) {
    name = fmt::format("{}-{}{}", stem, n, extension);
  }
  return name;
}

float video_scale(int height) {
  return std::clamp(static_cast<float>(height) / 720.0f, 0.5f, 4.0f);
}

int frame_count(const RecordOptions& options) {
  return static_cast<int>(std::lround(options.duration_s * options.fps));
}

std::vector<std::string> ffmpeg_arguments(RecordKind kind, const std::string& out, int width,
                                          int height, int fps) {
  // H.264 gets YUV 4:2:0 made by the recorder (model/yuv420.hpp), tagged BT.709 limited
  // range; GIFs and PNG frames get BGRA as OpenGL reads it back, bottom row first, which
  // vflip turns (without copying) the right way up.
  const bool yuv = kind == RecordKind::Mp4;
  std::vector<std::string> args = {
      "-hide_banner", "-loglevel", "error",    "-y",
      "-f",           "rawvideo",  "-pix_fmt", yuv ? "yuv420p" : "bgra"};
  if (yuv) {
    args.insert(args.end(), {"-color_range", "tv", "-colorspace", "bt709", "-color_primaries",
                             "bt709", "-color_trc", "bt709"});
  }
  args.insert(args.end(),
              {"-s", fmt::format("{}x{}", width, height), "-r", std::to_string(fps), "-i", "-"});
  if (kind == RecordKind::PngFrames) {
    // image2 reads '%' in the folder's name as part of the pattern: double it.
    std::string dir;
    for (const char c : out) dir += c == '%' ? std::string("%%") : std::string(1, c);
    args.insert(args.end(), {"-vf", "vflip", "-pix_fmt", "rgb24", "-start_number", "1", "-f",
                             "image2", (fs::path(dir) / "frame_%05d.png").string()});
    return args;
  }
  if (kind == RecordKind::Gif) {
    // One graph: the palette is made from every frame (only the pixels that change count,
    // stats_mode=diff), then applied with an ordered dither that does not shimmer between
    // frames; diff_mode=rectangle re-encodes only the part of a frame that changed.
    args.insert(args.end(), {"-filter_complex",
                             "[0:v]vflip,split[a][b];[a]palettegen=stats_mode=diff[p];"
                             "[b][p]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle",
                             "-loop", "0"});
  } else {
    // CRF 18 keeps text sharp at any preset; the preset only trades file size for time.
    // "ultrafast" encodes a 1080p frame in about 10 ms of CPU here ("fast" 40, "veryfast"
    // 25), so recording keeps ahead of the video on two cores; the file is larger (about
    // 1.5 Mbit/s for a lesson at 1080p) but still small. The stillimage tune spends bits
    // on edges (text) rather than on film grain.
    args.insert(args.end(), {"-c:v", "libx264", "-preset", "ultrafast"});
    args.insert(args.end(), {"-tune", "stillimage", "-crf", "18", "-pix_fmt", "yuv420p"});
    args.insert(args.end(), {"-color_range", "tv", "-colorspace", "bt709", "-color_primaries",
                             "bt709", "-color_trc", "bt709", "-movflags", "+faststart"});
  }
  args.push_back(out);
  return args;
}

std::string find_ffmpeg() {
  if (const char* chosen = std::getenv("POOLSCOPE_FFMPEG")) {
    return access(chosen, X_OK) == 0 ? std::string(chosen) : std::string();
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    if (!dir.empty()) {
      std::string candidate = std::string(dir) + "/ffmpeg";
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return "";
}

}  // namespace poolscope::gui
