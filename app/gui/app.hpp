#pragma once
// App: the whole Poolscope window, drawn once per frame.
//
// Layout (one window, no docking in Dear ImGui 1.86): a toolbar, the picture with the
// warnings (and the timeline, when there is room) under it, the lesson and the code or
// metrics at the right; the controls docked at the left in a wide window, else an overlay
// the presenter opens with C. Every rectangle comes from screen_layout.hpp, fixed by the
// window, the scale and the open panels, never by what a panel shows. N hides the right
// column; F3 shows the frame time and renderer.
//
// Stage mode (F5, --stage; for a projector) shows only big counters, the pool view (or
// compare's two panes) and the narration (view_stage.hpp). Above scale 1, a window smaller
// than about 900 x 500 logical pixels (1280x720 at scale 2) shows the stage too, with a
// hint, since the panels cannot fit.
//
// - Owns the Session and each panel's view state (plain structs); views read the
//   session, controls change it through its mutators.
// - frame(dt) is called between Platform::begin_frame() and Platform::render();
//   between_frames() after Platform::render() (it may rebuild the font atlas, which
//   cannot happen inside a frame). take_requests() hands the platform what only it can do
//   (full screen).
// - Compare mode puts a second run beside the first in the centre (compare.hpp); the
//   controls edit the focused side, the clock is shared.
// - Keyboard: see shortcuts() in view_stage.hpp (Space, Right, Up/Down, R, 1..8, PgUp/PgDn,
//   Ctrl +/-/0, T, F5, L, C, N, F3, F11, F12, ?).
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/autosave.hpp"
#include "app/gui/model/code_document.hpp"
#include "app/gui/model/compare.hpp"
#include "app/gui/model/screen_layout.hpp"
#include "app/gui/model/session.hpp"
#include "app/gui/model/warnings.hpp"
#include "app/gui/platform/fonts.hpp"
#include "app/gui/views/layout_report.hpp"
#include "app/gui/views/theme.hpp"
#include "app/gui/views/video_code.hpp"
#include "app/gui/views/view_code.hpp"
#include "app/gui/views/view_controls.hpp"
#include "app/gui/views/view_editor.hpp"
#include "app/gui/views/view_lesson.hpp"
#include "app/gui/views/view_metrics.hpp"
#include "app/gui/views/view_pool.hpp"
#include "app/gui/views/view_program.hpp"
#include "app/gui/views/view_share.hpp"
#include "app/gui/views/view_timeline.hpp"
#include "core/lesson/lesson.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::gui {

struct AppOptions {
  float scale = 1.0f;             // = 1.0  // UI scale; fonts re-rasterised, not stretched
  ThemeId theme = ThemeId::Dark;  // = dark
  std::string renderer;           // OpenGL renderer string, for the debug overlay (F3)
  scenario::Scenario scenario;    // the run to show first
  bool external_clock = false;    // = false // true: frame() never advances the session; the
                                  //         // caller does (frame-exact recording)
  bool lesson_stops = true;       // = true  // lesson moments stop the playing clock
                                  //         // (false: --bench-frames)
  bool stage = false;             // = false // stage mode: counters, pool, narration only
  // A recording's frame, made for viewers (app_video.cpp): the picture, the counters, the
  // code and the caption, and nothing to click (no buttons, sliders or status bar).
  bool video = false;           // = false
  bool video_code = false;      // = false // the Go listing beside the picture
  bool video_captions = false;  // = false // a caption band under the picture
  std::string lessons_dir{};    // = ""    // lessons folder; "" finds it (lesson.hpp)
  bool layout_report = false;   // = false // record where things are drawn (tests)
  bool show_shortcuts = false;  // = false // open with the shortcut overlay showing
  std::string notice{};         // = ""    // shown above the warnings (e.g. a prefs problem)
  // The learner's own program to open (poolscope FILE.go): its text and file ("" none).
  std::optional<std::string> code_text = std::nullopt;
  std::string code_path{};
  // = false // the learner's program is autosaved to the XDG state folder and restored at
  //         // the next start (when no file is given) with a notice
  bool keep_state = false;
  // = true // the restored program runs; false when the command line asked for a scenario
  //        // (it runs, and the restored text waits in the editor)
  bool run_restored = true;
  // When set, a second run beside the first: its settings as KEY=VALUE over the first's.
  std::optional<std::vector<std::string>> compare = std::nullopt;
  // The engine work a frame may do (Session::set_work_budget): the interactive window sets
  // one, so a long jump shows its progress (Esc cancels) and the window keeps drawing;
  // headless modes leave it unset and each call finishes its work (the same picture).
  WorkBudget work_budget{};
};

// What the app asks of the platform after a frame.
struct AppRequests {
  bool toggle_fullscreen = false;
};

// A replacement of the editor's unsaved text, waiting for the learner's answer.
struct ReplacePrompt {
  std::function<void()> replace, keep;
  bool opened = false;  // the modal is open (ImGui opens it at the root window's level)
  std::string error;    // why Save failed
};

class App {
 public:
  explicit App(AppOptions options);
  // One frame of UI; `dt` is the wall time since the last frame.
  void frame(float dt);
  [[nodiscard]] const float* clear_color() const { return clear_; }
  [[nodiscard]] Session& session() { return *session_; }
  // A run (either, when comparing) is in a jump (Session::busy).
  [[nodiscard]] bool busy() const {
    return session_->busy() || (compare_ && compare_->session->busy());
  }
  // [Compare] The right-hand run of compare mode, or null.
  [[nodiscard]] Session* compare_session() { return compare_ ? compare_->session.get() : nullptr; }
  // Starts compare mode with the left run's scenario plus `sets`; "" or why not.
  std::string start_compare(const std::string& name, std::span<const std::string> sets);
  [[nodiscard]] const std::string& compare_error() const { return compare_error_; }
  // What the pool views drew in the last frame, as JSON (for tests and --picture-report).
  [[nodiscard]] std::string picture_report() const;
  // A file dropped onto the window: opened as a scenario (.json) or as code (.go), or its
  // error shown.
  void open_dropped_file(const std::string& path);
  // [Your own code] (app_code.cpp) Opens `text` in the editor and runs it when it
  // compiles; otherwise an empty program runs and the editor shows Go's messages.
  // `saved`: the text is the file's (false: restored unsaved work).
  void open_code(std::string text, std::filesystem::path path, bool saved = true,
                 std::optional<scenario::Scenario> origin = std::nullopt);
  // Runs the editor's text from the start when it compiles (false and a message if not).
  bool run_code();
  // Back from a preset to the program in the editor: it runs, or, when it does not
  // compile, an empty program runs and the editor shows Go's messages.
  void return_to_code();
  // Replacing unsaved work in the editor asks first: Save, Don't save or Cancel
  // (draw_unsaved_prompt). `replace` runs after the first two, `keep` after Cancel.
  void ask_before_replacing(std::function<void()> replace, std::function<void()> keep);
  // A loaded scenario with a source the editor does not hold opens in the editor.
  void adopt_loaded_source();
  // The editor on a new program (no run started); true when it compiles.
  bool new_document(const std::string& text, std::filesystem::path path, bool saved,
                    std::optional<scenario::Scenario> origin);
  // The learner's program, when one is open (null otherwise).
  [[nodiscard]] const CodeDocument* code_document() const { return doc_ ? &*doc_ : nullptr; }
  // After render(): the PNG path F12 asked for (then call screenshot_written), or "".
  [[nodiscard]] std::string take_screenshot_request();
  void screenshot_written(const std::string& path, const std::string& error);
  // Applies what must not change inside a frame (UI scale, theme). Call after render().
  void between_frames();
  [[nodiscard]] AppRequests take_requests();

  // [Presentation] Scale and theme take effect at the next between_frames().
  void set_scale(float scale);
  void set_theme(ThemeId theme);
  [[nodiscard]] float scale() const { return options_.scale; }
  [[nodiscard]] ThemeId theme() const { return options_.theme; }
  [[nodiscard]] const Fonts& fonts() const { return fonts_; }
  [[nodiscard]] bool stage() const { return options_.stage; }
  [[nodiscard]] bool shortcuts_shown() const { return show_shortcuts_; }
  [[nodiscard]] bool code_follows() const { return code_.follow; }

  // [Video] The caption the next video frame shows in its band (set by the recorder).
  void set_video_caption(std::string text) { video_caption_ = std::move(text); }

  // [Lessons] The lesson files read at start, and where the learner is in the current one.
  [[nodiscard]] const lesson::LessonLibrary& lessons() const { return lessons_; }
  [[nodiscard]] const LessonState& lesson_state() const { return lesson_; }
  // The last frame's layout (empty unless AppOptions::layout_report).
  [[nodiscard]] const LayoutReport& layout_report() const { return report_; }

 private:
  void handle_keys();
  void draw_warnings(const Session& session, const std::vector<Warning>& warnings);
  void set_compare(bool on);
  // share_clock() once `lead` is not busy: a jump under way has not reached its moment.
  void share(const Session& lead, Session& other, trace::Time lead_before);
  // "Simulating... 43%" with Cancel, while either run is in a jump; Esc cancels too.
  void draw_progress();
  void follow_lesson_compare();
  void draw_pane(const char* id, Session& session, PoolViewState& view, const std::string& title,
                 bool focused, const PoolViewStyle& style, float width, float height, float dt);
  // The picture of `session` in the current window's remaining region: the pool view, or
  // for the learner's own program the program view (`view` keeps the selection of both).
  void draw_run_picture(const Session& session, PoolViewState& view, const PoolViewStyle& style,
                        float dt);
  // The teaching warnings of the built-in programs (none for the learner's own program).
  [[nodiscard]] static std::vector<Warning> warnings_of(const Session& session);
  // The side the controls, timeline and code view follow (the left one unless comparing).
  Session& focused() { return compare_ && compare_->focus_right ? *compare_->session : *session_; }
  [[nodiscard]] trace::GoroutineId& focused_selection() {
    return compare_ && compare_->focus_right ? compare_view_.selected : pool_view_.selected;
  }
  void draw_stage(float dt, bool cramped);
  // Over the picture while a run waits at its start: how to begin.
  void draw_start_prompt();
  // The full layout (see the picture above).
  void draw_panels(float dt);
  [[nodiscard]] bool controls_shown() const;  // the controls panel this frame (C toggles it)
  void draw_toolbar(const ScreenLayout& layout);
  void draw_view_menu();
  void draw_picture(const PoolViewStyle& style, float width, float height, float dt);
  void draw_controls_panel();
  void draw_side(float width, float height, bool with_timeline);
  void draw_debug_overlay();
  // [Your own code] app_code.cpp
  void draw_code_panel();
  void draw_console();
  void draw_constants();
  void set_constant(const std::string& name, const std::string& value);
  // The editor's text with NAME given VALUE (one undo step, other edits kept).
  void edit_constant(const std::string& name, const std::string& value);
  void start_autosave();
  void draw_save_code();
  // The file field of Save as, with `button`; "" once the text is saved there, else why
  // not (nullopt while nothing was pressed).
  std::optional<std::string> draw_save_as(const char* button);
  // Writes the editor's text to `path` (atomically) and clears the autosave; "" or why not.
  std::string save_code(const std::filesystem::path& path);
  // The question of ask_before_replacing(), drawn every frame at the root window's level.
  void draw_unsaved_prompt();
  // Opens `text` in the editor now (open_code asks first when that loses work).
  void replace_code(std::string text, std::filesystem::path path, bool saved,
                    std::optional<scenario::Scenario> origin);
  [[nodiscard]] std::vector<EditorLineMarker> code_markers(const Session& session) const;
  void draw_presentation_controls();
  // [Video] app_video.cpp: the frame of a recording (AppOptions::video).
  void draw_video(float dt);
  void draw_video_picture(float width, float height, float dt);
  void draw_video_pane(const char* id, Session& session, PoolViewState& view,
                       const std::string& title, float width, float height, float dt);
  void draw_video_code(float width, float height);

  AppOptions options_;
  Fonts fonts_;
  std::unique_ptr<Session> session_;
  PoolViewState pool_view_;
  ControlsState controls_;
  TimelineState timeline_;
  CodeViewState code_;
  MetricsViewState metrics_;
  ShareState share_;
  std::optional<Compare> compare_;
  PoolViewState compare_view_;  // the right pane's picture memory
  // The program views' memory (the learner's own program), left and right.
  ProgramViewState program_view_;
  ProgramViewState compare_program_view_;
  std::string compare_error_;
  std::pair<std::string, std::size_t> compare_step_;  // the lesson step last followed
  std::optional<trace::Time> share_before_;           // a share_clock() waiting for a jump to end
  bool was_busy_ = false;                             // a jump was under way at the last frame
  lesson::LessonLibrary lessons_;
  LessonState lesson_;
  LayoutReport report_;
  AppRequests requests_;
  float pending_scale_ = 0;  // 0: no change waiting
  std::optional<ThemeId> pending_theme_;
  bool show_shortcuts_ = false;
  std::optional<bool> controls_open_;  // unset: open exactly when docked (screen_layout.hpp)
  bool side_open_ = true;              // the lesson, code and metrics column (N)
  bool show_debug_ = false;            // frame time and renderer (F3)
  std::string video_caption_;
  VideoCodeState video_code_;
  std::optional<CodeDocument> doc_;              // the learner's program, once one is opened
  std::optional<Autosaver> autosaver_;           // AppOptions::keep_state
  std::string save_path_;                        // the Save dialog's path
  std::optional<ReplacePrompt> replace_prompt_;  // ask_before_replacing()'s question
  EditorViewState editor_view_;
  std::string code_message_;  // why the editor's text is not what runs ("" none)
  // The Session::loads() adopt_loaded_source() last saw (none yet: the first run counts).
  std::uint64_t adopted_load_ = UINT64_MAX;
  bool nothing_runs_ = false;  // the learner's program never compiled: an empty one runs
  // The constants of the source that runs (draw_constants), and that source.
  std::pair<std::string, std::vector<golang::ConstInfo>> constants_of_;
  float clear_[4] = {0, 0, 0, 1};
};

}  // namespace poolscope::gui
