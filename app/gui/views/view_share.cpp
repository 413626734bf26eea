// [SECTION] Dialog pieces
// [SECTION] Helpers
// [SECTION] Open and Save dialogs
// [SECTION] Record dialog and progress
// [SECTION] Dropped files, screenshots, notices
// [SECTION] The share buttons
#include "app/gui/views/view_share.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "app/gui/model/record_options.hpp"
#include "app/gui/model/scenario_io.hpp"
#include "app/gui/platform/keys.hpp"

namespace poolscope::gui {

namespace fs = std::filesystem;

// [SECTION] Dialog pieces (the editor's dialogs use them too: app_code.cpp)

void error_text(const PoolViewStyle& style, const std::string& text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette(style.theme).warning);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520 * style.scale);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void dim_wrapped(const PoolViewStyle& style, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette(style.theme).text_dim);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520 * style.scale);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void centre_next_window() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

namespace {

// [SECTION] Helpers

constexpr const char* kOpenTitle = "Open a scenario";
constexpr const char* kSaveTitle = "Save the scenario";
constexpr const char* kRecordTitle = "Record a video";
constexpr const char* kDropTitle = "Cannot open the dropped file";
constexpr float kNoticeSeconds = 5.0f;

struct VideoSize {
  int width;
  int height;
  const char* label;
};
constexpr std::array<VideoSize, 4> kSizes = {{{1280, 720, "1280 x 720 (720p)"},
                                              {1920, 1080, "1920 x 1080 (1080p)"},
                                              {960, 540, "960 x 540 (small, for GIFs)"},
                                              {640, 360, "640 x 360 (tiny)"}}};

// The text sizes a video can have; 0 (the first) picks it from the height.
constexpr std::array<float, 6> kScales = {0.0f, 1.0f, 1.5f, 2.0f, 2.5f, 3.0f};

void notify(ShareState& state, std::string text, bool error) {
  state.notice = std::move(text);
  state.notice_is_error = error;
  state.notice_left_s = kNoticeSeconds;
}

// The path field, focused when the dialog appears; true when Enter was pressed.
bool path_field(ShareState& state, const PoolViewStyle& style) {
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(520 * style.scale);
  return ImGui::InputText("##path", &state.path, ImGuiInputTextFlags_EnterReturnsTrue);
}

// Save/Open/Record + Cancel at the bottom of a dialog; true when the action was chosen.
bool dialog_buttons(const char* action, const PoolViewStyle& style, bool enter) {
  ImGui::Spacing();
  const float w = 110 * style.scale;
  const bool go = ImGui::Button(action, ImVec2(w, 0)) || enter;
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(w, 0)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
  }
  return go;
}

std::string cwd_text() {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  return ec ? std::string("the current folder") : cwd.string();
}

// [SECTION] Open and Save dialogs

bool draw_open_dialog(Session& session, ShareState& state, const PoolViewStyle& style) {
  bool replaced = false;
  centre_next_window();
  if (!ImGui::BeginPopupModal(kOpenTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    return false;
  }
  ImGui::TextUnformatted("Scenario file (JSON) or Go program (.go)");
  const bool enter = path_field(state, style);
  const auto files = openable_files_in(".", 8);
  if (!files.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("In %s:", cwd_text().c_str());
    for (const fs::path& file : files) {
      const std::string name = file.filename().string();
      if (ImGui::Selectable(name.c_str(), state.path == name)) state.path = name;
    }
  }
  error_text(style, state.dialog_error);
  dim_wrapped(style, "You can also drop a scenario file or a Go program onto the window.");
  if (dialog_buttons("Open", style, enter)) {
    if (fs::path(state.path).extension() == ".go") {
      state.open_code = state.path;  // the app's editor takes it (App::open_code)
      ImGui::CloseCurrentPopup();
    } else if (state.dialog_error = open_scenario_file(session, state.path);
               state.dialog_error.empty()) {
      notify(state, "Opened " + state.path, false);
      replaced = true;
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
  return replaced;
}

void draw_save_dialog(const Session& session, ShareState& state, const PoolViewStyle& style) {
  centre_next_window();
  if (!ImGui::BeginPopupModal(kSaveTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("Save as");
  const bool enter = path_field(state, style);
  ImGui::TextDisabled("Relative paths are in %s", cwd_text().c_str());
  std::error_code ec;
  if (!state.path.empty() && fs::is_regular_file(state.path, ec)) {
    dim_wrapped(style, state.path + " exists: saving replaces it.");
  }
  if (!session.changes().empty()) {
    dim_wrapped(style, "Live changes (workers, job rate) are saved as the starting values.");
  }
  error_text(style, state.dialog_error);
  if (dialog_buttons("Save", style, enter)) {
    state.path = scenario_file_path(state.path).string();
    state.dialog_error = save_scenario_file(session, state.path);
    if (state.dialog_error.empty()) {
      notify(state, "Saved " + state.path, false);
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

// [SECTION] Record dialog and progress

// The video's theme and text size; returns the theme chosen.
ThemeId draw_video_look(ShareState& state, const PoolViewStyle& style, const VideoSize& size,
                        float field) {
  const ThemeId theme =
      state.record_theme < 0 ? style.theme : static_cast<ThemeId>(state.record_theme);
  ImGui::SetNextItemWidth(field);
  if (ImGui::BeginCombo("theme", std::string(theme_name(theme)).c_str())) {
    for (const ThemeId t : {ThemeId::Dark, ThemeId::Light, ThemeId::Projector}) {
      if (ImGui::Selectable(std::string(theme_name(t)).c_str(), t == theme)) {
        state.record_theme = static_cast<int>(t);
      }
    }
    ImGui::EndCombo();
  }
  const std::string auto_scale =
      fmt::format("auto: {:g}x from the height", video_scale(size.height));
  const auto scale_label = [&auto_scale](std::size_t i) {
    return i == 0 ? auto_scale : fmt::format("{:g}x", kScales[i]);
  };
  ImGui::SetNextItemWidth(field);
  if (ImGui::BeginCombo("text size",
                        scale_label(static_cast<std::size_t>(state.record_scale)).c_str())) {
    for (std::size_t i = 0; i < kScales.size(); ++i) {
      if (ImGui::Selectable(scale_label(i).c_str(), static_cast<int>(i) == state.record_scale)) {
        state.record_scale = static_cast<int>(i);
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "The text size in the video. Auto reads like this app at 720p at 1x:\n"
        "1080p gets 1.5x, 720p 1x.");
  }
  return theme;
}

void draw_record_dialog(Session& session, ShareState& state, const PoolViewStyle& style) {
  centre_next_window();
  if (!ImGui::BeginPopupModal(kRecordTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("Output: .mp4 (H.264 video), .gif, or a folder for PNG frames");
  const bool enter = path_field(state, style);
  ImGui::TextDisabled("Relative paths are in %s", cwd_text().c_str());
  std::error_code ec;
  if (!state.path.empty() && record_kind(state.path) != RecordKind::PngFrames &&
      fs::exists(state.path, ec)) {
    dim_wrapped(style, state.path +
                           " exists: the recording will replace it once it is complete (a "
                           "cancelled or failed one leaves it as it is).");
  }
  ImGui::Spacing();
  const float field = 200 * style.scale;
  ImGui::SetNextItemWidth(field);
  ImGui::DragFloat("length", &state.record_seconds, 0.1f, 0.5f, 600.0f, "%.1f s",
                   ImGuiSliderFlags_AlwaysClamp);
  ImGui::SetNextItemWidth(field);
  const VideoSize& size = kSizes[static_cast<std::size_t>(state.record_size)];
  if (ImGui::BeginCombo("size", size.label)) {
    for (std::size_t i = 0; i < kSizes.size(); ++i) {
      if (ImGui::Selectable(kSizes[i].label, static_cast<int>(i) == state.record_size)) {
        state.record_size = static_cast<int>(i);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::RadioButton("30 fps", &state.record_fps, 30);
  ImGui::SameLine();
  ImGui::RadioButton("60 fps", &state.record_fps, 60);
  const ThemeId theme = draw_video_look(state, style, size, field);
  ImGui::Checkbox("Captions: the lesson's narration as subtitles", &state.record_captions);
  ImGui::Checkbox("Code: the Go program beside the picture", &state.record_code);

  RecordOptions options;
  options.out = state.path;
  options.duration_s = static_cast<double>(state.record_seconds);
  options.fps = state.record_fps;
  options.speed = session.speed;
  const int frames = frame_count(options);
  dim_wrapped(style,
              fmt::format("Records \"{}\" from its start at speed {:.2g}x (the speed slider): "
                          "{} frames, {:.1f} s of virtual time. The app stays usable meanwhile.",
                          session.scenario().title, session.speed, frames,
                          options.duration_s * options.speed));
  if (state.record_captions) {
    dim_wrapped(style,
                "When the run ends before the video does, the lesson's remaining steps are "
                "captioned in turn over the end; the video grows when they need the time.");
  }
  if (record_kind(options.out) == RecordKind::Gif) {
    const double gib = frames * static_cast<double>(size.width) * size.height * 4 / (1 << 30);
    if (gib > 1.0) {
      error_text(style, fmt::format("A GIF this long and large needs about {:.1f} GiB of memory "
                                    "while ffmpeg builds its palette: pick a smaller size or a "
                                    ".mp4.",
                                    gib));
    }
  }
  error_text(style, state.dialog_error);
  if (dialog_buttons("Record", style, enter)) {
    state.dialog_error = check_record_options(options, size.width, size.height);
    if (state.dialog_error.empty()) {
      RecordRequest request{.out = options.out,
                            .duration_s = options.duration_s,
                            .fps = options.fps,
                            .speed = options.speed,
                            .width = size.width,
                            .height = size.height,
                            .theme = theme,
                            .scale = kScales[static_cast<std::size_t>(state.record_scale)],
                            .captions = state.record_captions,
                            .code = state.record_code,
                            .scenario = scenario_to_save(session)};
      state.job = RecordJob::start(request, state.dialog_error);
      if (state.job) ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

// The Record button's place while a recording runs: progress and Cancel.
void draw_record_progress(ShareState& state, const PoolViewStyle& style) {
  RecordJob& job = *state.job;
  const int total = std::max(1, job.frames_total());
  const float fraction = static_cast<float>(job.frames_done()) / static_cast<float>(total);
  const std::string overlay = fmt::format("recording {}/{}", job.frames_done(), total);
  const float cancel_w = ImGui::CalcTextSize("Cancel").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::ProgressBar(
      fraction,
      ImVec2(ImGui::GetContentRegionAvail().x - cancel_w - ImGui::GetStyle().ItemSpacing.x, 0),
      overlay.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Writing %s", job.out().c_str());
  ImGui::SameLine();
  ImGui::BeginDisabled(job.state() != RecordJob::State::Running);
  if (ImGui::Button("Cancel")) job.cancel();
  ImGui::EndDisabled();
  (void)style;
}

void finish_job(ShareState& state) {
  if (!state.job || state.job->state() == RecordJob::State::Running) return;
  const RecordJob& job = *state.job;
  switch (job.state()) {
    case RecordJob::State::Done:
      notify(state,
             "Recorded " + job.out() + " (" + std::to_string(job.frames_total()) + " frames)",
             false);
      break;
    case RecordJob::State::Cancelled:
      notify(state, "Recording cancelled; nothing was written.", false);
      break;
    case RecordJob::State::Failed:
      notify(state, "Recording failed: " + job.message(), true);
      break;
    case RecordJob::State::Running:
      break;
  }
  state.job.reset();
}

// [SECTION] Dropped files, screenshots, notices

void draw_drop_error(ShareState& state, const PoolViewStyle& style) {
  if (state.show_drop_error) {
    ImGui::OpenPopup(kDropTitle);
    state.show_drop_error = false;
  }
  centre_next_window();
  if (!ImGui::BeginPopupModal(kDropTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  error_text(style, state.drop_error);
  ImGui::Spacing();
  ImGui::TextUnformatted("The current run is unchanged.");
  ImGui::Spacing();
  if (ImGui::Button("OK", ImVec2(110 * style.scale, 0)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void draw_notice(ShareState& state, const PoolViewStyle& style, float dt) {
  if (state.notice_left_s <= 0.0f || state.notice.empty()) return;
  state.notice_left_s -= dt;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = 16 * style.scale;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - margin,
                                 viewport->WorkPos.y + viewport->WorkSize.y - margin * 3),
                          ImGuiCond_Always, ImVec2(1.0f, 1.0f));
  // Fades out over its last second.
  ImGui::SetNextWindowBgAlpha(0.95f * std::clamp(state.notice_left_s, 0.0f, 1.0f));
  ImGui::Begin("##notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings);
  const Palette& pal = palette(style.theme);
  ImGui::PushStyleColor(ImGuiCol_Text, state.notice_is_error ? pal.warning : pal.text);
  ImGui::PushTextWrapPos(600 * style.scale);
  ImGui::TextUnformatted(state.notice.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace

bool open_dropped_file(Session& session, ShareState& state, const std::string& path) {
  if (auto error = open_scenario_file(session, path); !error.empty()) {
    state.drop_error = std::move(error);
    state.show_drop_error = true;
    return false;
  }
  notify(state, "Opened " + path, false);
  return true;
}

void screenshot_written(ShareState& state, const std::string& path, const std::string& error) {
  if (error.empty()) {
    notify(state, "Screenshot saved: " + path, false);
  } else {
    notify(state, "Screenshot not saved: " + error, true);
  }
}

// [SECTION] The share buttons

void draw_share_always(ShareState& state, const PoolViewStyle& style, float dt) {
  if (ImGui::IsKeyPressed(keys::kF12, false)) state.screenshot_requested = true;
  if (state.job) state.job->poll();
  finish_job(state);
  draw_drop_error(state, style);
  draw_notice(state, style, dt);
}

bool draw_share(Session& session, ShareState& state, const PoolViewStyle& style) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float w = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
  const std::string stem = file_stem(session.scenario());
  const char* to_open = nullptr;
  if (ImGui::Button("Open...", ImVec2(w, 0))) {
    state.path = stem + ".poolscope.json";
    to_open = kOpenTitle;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open a scenario file (or drop one here).");
  ImGui::SameLine();
  if (ImGui::Button("Save...", ImVec2(w, 0))) {
    state.path = stem + ".poolscope.json";
    to_open = kSaveTitle;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Save this scenario as JSON to share it.");
  ImGui::SameLine();
  if (state.job) {
    ImGui::NewLine();
    draw_record_progress(state, style);
  } else {
    if (ImGui::Button("Record...", ImVec2(w, 0))) {
      state.path = unused_name(stem, ".mp4");  // never an earlier video's name
      to_open = kRecordTitle;
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(
          "Render a video frame by frame, smooth on any machine.\nF12 saves a screenshot.");
    }
  }
  if (to_open != nullptr) {
    state.dialog_error.clear();
    ImGui::OpenPopup(to_open);
  }

  const bool replaced = draw_open_dialog(session, state, style);
  draw_save_dialog(session, state, style);
  draw_record_dialog(session, state, style);
  return replaced;
}

}  // namespace poolscope::gui
