#include "app/gui/app.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/gui/model/lessons_dir.hpp"
#include "app/gui/model/number_format.hpp"
#include "app/gui/model/pool_model.hpp"
#include "app/gui/model/scenario_io.hpp"
#include "app/gui/model/warnings.hpp"
#include "app/gui/platform/keys.hpp"
#include "app/gui/platform/platform.hpp"
#include "app/gui/views/view_stage.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/go_template.hpp"

namespace poolscope::gui {

namespace {

// Records the current (child) window's rectangle in the layout report.
void report_window(LayoutReport& report, const char* name) {
  const ImVec2 p = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  report.add(name, p.x, p.y, p.x + size.x, p.y + size.y);
}

nlohmann::json to_json(const PictureRecord& d) {
  nlohmann::json cards = nlohmann::json::array();
  for (const PictureRecord::Card& c : d.cards) {
    cards.push_back({{"name", c.name}, {"look", std::string(look_name(c.look))}, {"text", c.text}});
  }
  return {{"cards", cards},
          {"sender_entries", d.sender_entries},
          {"tokens", d.tokens},
          {"cycle_arrows", d.cycle_arrows},
          {"swarm", d.swarm},
          {"banner", d.banner},
          {"arrows_crossing", d.arrows_crossing},
          {"legend", d.legend},
          {"legend_row", d.legend_row}};
}
// The program view's record: today's cards and banner, plus its channels and arrows.
nlohmann::json to_json(const ProgramPictureRecord& d) {
  nlohmann::json cards = nlohmann::json::array();
  for (const ProgramPictureRecord::Card& c : d.cards) {
    cards.push_back({{"name", c.name}, {"look", std::string(look_name(c.look))}, {"text", c.text}});
  }
  nlohmann::json channels = nlohmann::json::array();
  for (const ProgramPictureRecord::Channel& c : d.channels) {
    channels.push_back({{"name", c.name},
                        {"len", c.len},
                        {"cap", c.cap},
                        {"senders", c.senders},
                        {"receivers", c.receivers},
                        {"closed", c.closed}});
  }
  nlohmann::json arrows = nlohmann::json::array();
  for (const ProgramPictureRecord::Arrow& a : d.arrows) {
    arrows.push_back({{"from", a.from}, {"to", a.to}, {"kind", a.kind}});
  }
  return {{"cards", cards},     {"channels", channels},
          {"arrows", arrows},   {"columns", d.columns},
          {"tokens", d.tokens}, {"summarised_columns", d.summarised_columns},
          {"banner", d.banner}};
}
}  // namespace

std::string App::picture_report() const {
  const auto side = [](const Session& session, const PoolViewState& pool,
                       const ProgramViewState& program) {
    return session.run().runs_source() ? to_json(program.drawn) : to_json(pool.drawn);
  };
  nlohmann::json j = side(*session_, pool_view_, program_view_);
  j["notice"] = options_.notice;
  j["asks"] = replace_prompt_ ? "unsaved changes" : "";  // a question waits for an answer
  j["lessons"] = {{"loaded", lessons_.lessons.size()}, {"problems", lessons_.problems}};
  if (doc_) {
    // The learner's program: Go's messages for the text in the editor (none: it compiles).
    nlohmann::json messages = nlohmann::json::array();
    for (const golang::Diagnostic& d : doc_->diagnostics) {
      messages.push_back({{"line", d.line}, {"col", d.col}, {"message", d.message}});
    }
    j["diagnostics"] = messages;
    // And the constants there, as text ("numWorkers": "1").
    nlohmann::json consts = nlohmann::json::object();
    for (const golang::ConstInfo& c : constants(doc_->editor.text())) consts[c.name] = c.value;
    j["editor_constants"] = consts;
  }
  if (compare_) {
    j["compare"] = side(*compare_->session, compare_view_, compare_program_view_);
    j["compare"]["about"] =
        describe_difference(session_->scenario(), compare_->session->scenario());
  }
  return j.dump(2);
}

App::App(AppOptions options)
    : options_(std::move(options)),
      session_(std::make_unique<Session>(options_.scenario, options_.work_budget)) {
  fonts_ = load_fonts(options_.scale);
  apply_theme(options_.theme, options_.scale);
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette(options_.theme).panel);
  clear_[0] = bg.x;
  clear_[1] = bg.y;
  clear_[2] = bg.z;
  if (!fonts_.warning.empty()) {
    options_.notice += (options_.notice.empty() ? "" : "  ") + fonts_.warning;
  }
  report_.enabled = options_.layout_report;
  show_shortcuts_ = options_.show_shortcuts;
  const LessonsDir dir = find_lessons_dir(options_.lessons_dir);
  if (dir.found.empty()) {
    std::string tried;
    for (const auto& t : dir.tried) tried += (tried.empty() ? "" : ", ") + t.string();
    lessons_.problems.push_back("lessons folder not found (looked in: " + tried + ")");
  } else {
    lessons_ = lesson::load_lessons(dir.found);
  }
  if (options_.code_text) open_code(std::move(*options_.code_text), options_.code_path);
  if (options_.keep_state) start_autosave();
  if (options_.compare) {
    compare_error_ = start_compare("from the command line", *options_.compare);
  }
}

std::string App::start_compare(const std::string& name, std::span<const std::string> sets) {
  auto right = apply_variant(session_->scenario(), sets);
  if (!right) return right.message();
  // A program's B is the version in the editor: the constants it changes go there too.
  for (const ChangedConstant& c :
       changed_constants(session_->scenario().source, right.value().source)) {
    edit_constant(c.name, c.value);
  }
  session_->reset();
  compare_.emplace();
  compare_view_ = {};
  compare_->session = std::make_unique<Session>(std::move(right).value(), options_.work_budget);
  compare_->session->playing = session_->playing;
  compare_->session->speed = session_->speed;
  compare_->variant = name;
  compare_->left_id = session_->scenario().id;
  // A program's B is the version being edited: Run and the constants act on it.
  compare_->focus_right = !session_->scenario().source.empty();
  return "";
}

void App::set_scale(float scale) { pending_scale_ = std::clamp(scale, 0.5f, 4.0f); }

void App::set_theme(ThemeId theme) { pending_theme_ = theme; }

void App::between_frames() {
  if (pending_theme_) {
    options_.theme = *pending_theme_;
    pending_theme_.reset();
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette(options_.theme).panel);
    clear_[0] = bg.x;
    clear_[1] = bg.y;
    clear_[2] = bg.z;
    apply_theme(options_.theme, options_.scale);
  }
  if (pending_scale_ > 0 && pending_scale_ != options_.scale) {
    options_.scale = pending_scale_;
    fonts_ = load_fonts(options_.scale);
    apply_theme(options_.theme, options_.scale);
  }
  pending_scale_ = 0;
}

AppRequests App::take_requests() { return std::exchange(requests_, {}); }

void App::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  if (io.KeyCtrl) {
    // Ctrl +, Ctrl -, Ctrl 0: the UI scale in steps of 1/4, fonts re-rasterised.
    const float now = pending_scale_ > 0 ? pending_scale_ : options_.scale;
    if (ImGui::IsKeyPressed(keys::kEqual) || ImGui::IsKeyPressed(keys::kKeypadAdd)) {
      set_scale(std::round(now * 4 + 1) / 4);
    }
    if (ImGui::IsKeyPressed(keys::kMinus) || ImGui::IsKeyPressed(keys::kKeypadSubtract)) {
      set_scale(std::round(now * 4 - 1) / 4);
    }
    if (ImGui::IsKeyPressed(keys::kDigit0, false) || ImGui::IsKeyPressed(keys::kKeypad0, false)) {
      set_scale(1.0f);
    }
    return;
  }
  if (ImGui::IsKeyPressed(keys::kF11, false)) requests_.toggle_fullscreen = true;
  if (ImGui::IsKeyPressed(keys::kF5, false)) options_.stage = !options_.stage;
  if (ImGui::IsKeyPressed(keys::kL, false)) pool_view_.open_legend = true;
  if (ImGui::IsKeyPressed(keys::kC, false)) {
    controls_open_ = !controls_shown();
  }
  if (ImGui::IsKeyPressed(keys::kN, false)) side_open_ = !side_open_;
  if (ImGui::IsKeyPressed(keys::kF3, false)) show_debug_ = !show_debug_;
  if (ImGui::IsKeyPressed(keys::kT, false)) {
    const ThemeId next = options_.theme == ThemeId::Dark    ? ThemeId::Light
                         : options_.theme == ThemeId::Light ? ThemeId::Projector
                                                            : ThemeId::Dark;
    set_theme(next);
  }
  for (const ImWchar c : io.InputQueueCharacters) {
    if (c == '?') show_shortcuts_ = !show_shortcuts_;
  }
  if (ImGui::IsKeyPressed(keys::kEscape, false)) show_shortcuts_ = false;
  if (const lesson::Lesson* lesson = lessons_.find(lesson_.preset)) {
    if (ImGui::IsKeyPressed(keys::kPageDown)) lesson_next(*session_, lesson_, *lesson);
    if (ImGui::IsKeyPressed(keys::kPageUp)) lesson_back(*session_, lesson_, *lesson);
  }
  for (int i = 0; i < 9; ++i) {
    if (ImGui::IsKeyPressed(keys::kDigit1 + i, false)) {
      compare_.reset();  // a lesson starts on its own
      load_preset(*session_, i);
      pool_view_ = {};
      return;
    }
  }
  Session& s = focused();
  const trace::Time before = s.now();
  if (ImGui::IsKeyPressed(keys::kSpace, false)) s.playing = !s.playing;
  if (ImGui::IsKeyPressed(keys::kRight)) s.step_event();
  if (ImGui::IsKeyPressed(keys::kLeft)) s.step_back_event();
  if (ImGui::IsKeyPressed(keys::kUp)) {
    s.speed = std::min(s.speed * 2.0, Session::kMaxSpeed);
  }
  if (ImGui::IsKeyPressed(keys::kDown)) {
    s.speed = std::max(s.speed / 2.0, Session::kMinSpeed);
  }
  if (ImGui::IsKeyPressed(keys::kR, false)) s.reset();
  if (compare_) share(s, compare_->focus_right ? *session_ : *compare_->session, before);
}

void App::open_dropped_file(const std::string& path) {
  if (std::filesystem::path(path).extension() == ".go") {
    GoFile file = read_go_file(path);
    if (!file.error.empty()) {
      share_.drop_error = std::move(file.error);
      share_.show_drop_error = true;
      return;
    }
    open_code(std::move(file.text), path);
    return;
  }
  if (gui::open_dropped_file(*session_, share_, path)) pool_view_ = {};
}

std::string App::take_screenshot_request() {
  if (!std::exchange(share_.screenshot_requested, false)) return "";
  return screenshot_path(".", session_->scenario(), session_->view_time()).string();
}

void App::screenshot_written(const std::string& path, const std::string& error) {
  gui::screenshot_written(share_, path, error);
}

void App::draw_warnings(const Session& session, const std::vector<Warning>& warnings) {
  const Palette& pal = palette(options_.theme);
  if (!options_.notice.empty()) {  // the app's own problem (fonts, preferences) comes first
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    ImGui::TextWrapped("%s", options_.notice.c_str());
    ImGui::PopStyleColor();
  }
  // A run the simulator stopped at one of its limits says which, whatever else it shows.
  if (const sim::Report& report = session.run().runtime().report();
      report.outcome == trace::Outcome::Stopped) {
    const std::string limit = report.message.substr(0, report.message.find(';'));
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    ImGui::TextWrapped(
        "The run %s, so that memory stays bounded. Fewer jobs or workers keep "
        "it under.",
        limit.c_str());
    ImGui::PopStyleColor();
  }
  // What real Go could not show of this run (waits below its timer resolution).
  ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
  for (const std::string& note : scenario::go_timing_notes(session.scenario())) {
    ImGui::TextWrapped("%s", note.c_str());
  }
  ImGui::PopStyleColor();
  if (warnings.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", session.scenario().summary.c_str());
    ImGui::PopStyleColor();
    return;
  }
  for (const Warning& w : warnings) {
    const std::uint32_t colour = w.kind == WarningKind::Leaked
                                     ? look_colour(options_.theme, Look::Leaked)
                                 : w.kind == WarningKind::ProducerBound ? pal.text_dim
                                                                        : pal.warning;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", w.text.c_str());
    ImGui::PopStyleColor();
  }
}

void App::follow_lesson_compare() {
  // A second run belongs to the scenario it was made from.
  if (compare_ && compare_->left_id != session_->scenario().id) compare_.reset();
  if (options_.external_clock) return;  // a recording draws one run
  // A lesson step can put a second run beside the first, once, when the step is reached;
  // the learner may turn it off again.
  const lesson::Lesson* lesson = lessons_.find(session_->scenario().id);
  const std::size_t step = lesson_.player.step;
  const auto key = std::make_pair(session_->scenario().id, step);
  if (lesson == nullptr || step >= lesson->steps.size() || key == compare_step_) return;
  compare_step_ = key;
  const lesson::LessonStep& s = lesson->steps[step];
  if (!s.compare.empty()) compare_error_ = start_compare("this lesson's other run", s.compare);
}

void App::draw_pane(const char* id, Session& session, PoolViewState& view, const std::string& title,
                    bool focused, const PoolViewStyle& style, float width, float height, float dt) {
  const Palette& pal = palette(options_.theme);
  const float s = options_.scale;
  ImGui::PushStyleColor(ImGuiCol_Border, focused ? look_colour(options_.theme, Look::Idle)
                                                 : ImGui::GetColorU32(ImGuiCol_Border));
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, focused ? 2.0f * s : 1.0f * s);
  ImGui::BeginChild(id, ImVec2(width, height), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseClicked(0) &&
      compare_) {
    compare_->focus_right = &session == compare_->session.get();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, focused ? pal.text : pal.text_dim);
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopStyleColor();
  const pool::Figures f = session.figures();
  // Now and at the peak: a fast run may be over before anyone looks.
  auto mib = [](std::int64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); };
  // A narrow pane puts the jobs done on a line of their own, and a very narrow one
  // keeps only the figures, wrapped.
  const std::string done = group_thousands(f.jobs_done) + " done";
  const std::string now = group_thousands(f.goroutines);
  const std::string peak = group_thousands(f.peak_goroutines);
  const std::string mem = group_thousands(std::llround(mib(f.memory_bytes)));
  const std::string mem_peak = group_thousands(std::llround(mib(f.peak_memory_bytes)));
  const std::string sizes =
      fmt::format("{} (peak {})  ·  {} MiB (peak {})",
                  plural(f.goroutines, "goroutine", "goroutines"), peak, mem, mem_peak);
  const std::string whole = sizes + "  ·  " + done;
  const float room = ImGui::GetContentRegionAvail().x;
  if (ImGui::CalcTextSize(whole.c_str()).x <= room) {
    ImGui::TextDisabled("%s", whole.c_str());
  } else if (ImGui::CalcTextSize(sizes.c_str()).x <= room) {
    ImGui::TextDisabled("%s", sizes.c_str());
    ImGui::TextDisabled("%s", done.c_str());
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(
        "%s",
        fmt::format("{}/{} goroutines · {}/{} MiB · {}", now, peak, mem, mem_peak, done).c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("Goroutines now/at the peak, MiB now/at the peak, jobs done");
    }
  }
  // The warnings below get the height their wrapped text needs, within limits.
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const float wrap = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  float text_h = 0;
  const auto warnings = warnings_of(session);
  if (warnings.empty()) {
    text_h = ImGui::CalcTextSize(session.scenario().summary.c_str(), nullptr, false, wrap).y;
  }
  for (const Warning& w : warnings) {
    text_h += ImGui::CalcTextSize(w.text.c_str(), nullptr, false, wrap).y + gap;
  }
  const float warn_h = std::clamp(text_h + gap, ImGui::GetTextLineHeightWithSpacing() * 2.2f,
                                  std::max(avail_h * 0.4f, 0.0f));
  ImGui::BeginChild("picture", ImVec2(0, avail_h - warn_h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw_run_picture(session, view, style, dt);
  ImGui::EndChild();
  draw_warnings(session, warnings);
  ImGui::EndChild();
}

void App::draw_presentation_controls() {
  ImGui::Spacing();
  ImGui::TextDisabled("Presentation");
  ImGui::Separator();
  PresentationRequest r{.scale = pending_scale_ > 0 ? pending_scale_ : options_.scale,
                        .theme = pending_theme_.value_or(options_.theme),
                        .stage = options_.stage,
                        .shortcuts = show_shortcuts_};
  draw_presentation(r, PoolViewStyle{options_.theme, options_.scale, &fonts_});
  if (r.scale != (pending_scale_ > 0 ? pending_scale_ : options_.scale)) set_scale(r.scale);
  if (r.theme != pending_theme_.value_or(options_.theme)) set_theme(r.theme);
  options_.stage = r.stage;
  show_shortcuts_ = r.shortcuts;
  if (r.toggle_fullscreen) requests_.toggle_fullscreen = true;
}

void App::draw_start_prompt() {
  const Session& s = *session_;
  if (s.playing || s.now() != 0 || s.finished() || options_.external_clock) return;
  // A learner's program that never compiled has nothing to play yet.
  const bool fix_first = nothing_runs_ && s.run().runs_source();
  const char* text = fix_first ? "Fix the program, then Ctrl+Enter" : "Press Play (Space)";
  ImGui::PushFont(fonts_.heading);
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImGui::PopFont();
  const float pad = 12 * options_.scale;
  const ImVec2 win = ImGui::GetWindowPos();
  const ImVec2 avail = ImGui::GetWindowSize();
  // Low in the picture, where a run's first goroutines never are.
  const ImVec2 a(win.x + (avail.x - size.x) / 2 - pad, win.y + avail.y * 0.72f);
  const ImVec2 b(a.x + size.x + 2 * pad, a.y + size.y + 2 * pad);
  const std::uint32_t colour =
      fix_first ? palette(options_.theme).warning : look_colour(options_.theme, Look::Working);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, with_alpha(palette(options_.theme).panel, 0.92f), 8 * options_.scale);
  dl->AddRect(a, b, colour, 8 * options_.scale, 0, 2 * options_.scale);
  const ImFont* font = fonts_.heading != nullptr ? fonts_.heading : ImGui::GetFont();
  dl->AddText(font, font->FontSize, ImVec2(a.x + pad, a.y + pad), palette(options_.theme).text,
              text);
  report_.add("prompt:start", a.x, a.y, b.x, b.y, colour, text);
}

void App::draw_stage(float dt, bool cramped) {
  const float s = options_.scale;
  const PoolViewStyle style{
      .theme = options_.theme, .scale = s, .fonts = &fonts_, .legend_row = true};
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float counters_h =
      fonts_.heading != nullptr ? fonts_.heading->FontSize + ImGui::GetFontSize() + 16 * s : 70 * s;
  draw_stage_counters(*session_, style, counters_h, report_);
  const float body_h = ImGui::GetContentRegionAvail().y;
  // The narration takes under a third of the width: the pool's workers stack vertically, so
  // the pool needs the height and most of the width.
  const float lesson_w = std::clamp(avail.x * 0.3f, 200 * s, avail.x * 0.38f);
  const float pool_w = avail.x - lesson_w - gap;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  draw_picture(style, pool_w, body_h, dt);  // compare's two panes stay in stage mode
  ImGui::SetCursorScreenPos(ImVec2(at.x + pool_w + gap, at.y));
  ImGui::BeginChild("stage-lesson", ImVec2(lesson_w, body_h), true);
  draw_lesson(*session_, lesson_, lessons_, style, true, report_);
  if (cramped) {
    ImGui::Spacing();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, palette(options_.theme).text_dim);
    ImGui::TextWrapped(
        "The window is small for this text size, so only the stage shows. Ctrl - or a larger "
        "window brings back every panel.");
    ImGui::PopStyleColor();
    const ImVec2 b = ImGui::GetItemRectMax();
    report_.add("hint:cramped", a.x, a.y, b.x, b.y);
  }
  ImGui::EndChild();
}

void App::frame(float dt) {
  report_.clear();
  handle_keys();
  adopt_loaded_source();
  // A recording's clock is the recorder's: lesson pauses show their note but do not stop it.
  const bool may_pause = !options_.external_clock && options_.lesson_stops;
  // Before the clock moves: a lesson opened by a key or at start sets its stops first.
  // (Not during a jump: the run has not reached the moment the lesson asked for.)
  if (!session_->busy()) follow_lesson(*session_, lesson_, lessons_, may_pause);
  // The two runs of compare share one clock: the right one stops where the left one does.
  if (compare_ && compare_->session->stops() != session_->stops()) {
    compare_->session->set_stops(session_->stops());
  }
  if (!options_.external_clock) {
    session_->update(static_cast<double>(dt));
    if (compare_) compare_->session->update(static_cast<double>(dt));
  }
  if (compare_ && share_before_ && !focused().busy()) {
    Session& other = compare_->focus_right ? *session_ : *compare_->session;
    share_clock(focused(), other, *std::exchange(share_before_, std::nullopt));
  }
  if (!session_->busy()) follow_lesson(*session_, lesson_, lessons_, may_pause);
  follow_lesson_compare();
  // A jump is a cut, not a motion: when one ends, the picture starts where the run is, as
  // it does when the jump was made before the first frame (--at without a budget).
  if (was_busy_ && !busy()) {
    for (PoolViewState* view : {&pool_view_, &compare_view_}) {
      view->tokens.clear();
      view->fading.clear();
      view->primed = false;
    }
  }
  was_busy_ = busy();
  if (autosaver_ && doc_) {
    const std::string problem = autosaver_->update(doc_->editor.revision(), doc_->editor.text(),
                                                   doc_->path, ImGui::GetTime());
    if (!problem.empty()) code_message_ = problem;
  }
  controls_.highlight = lesson_highlight(lesson_, lessons_);

  const float s = options_.scale;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  // The window clears to the panel colour, so the root window draws no background (see theme.cpp).
  ImGui::Begin("Poolscope", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar(2);
  // Enlarged text in a window below about 900 x 500 logical pixels leaves the panels
  // unreadable (1280x720 at scale 2 is 640 x 360): show the stage until the window grows or
  // the text shrinks. At scale 1 or less the full layout stays, however small.
  const bool cramped =
      s > 1.0f && (viewport->WorkSize.x / s < 900 || viewport->WorkSize.y / s < 500);
  if (options_.video) {
    draw_video(dt);
  } else if (options_.stage || cramped) {
    draw_stage(dt, cramped && !options_.stage);
  } else {
    draw_panels(dt);
  }
  draw_share_always(share_, PoolViewStyle{options_.theme, s, &fonts_}, dt);
  draw_unsaved_prompt();
  ImGui::End();
  draw_debug_overlay();
  draw_progress();
  draw_shortcut_overlay(show_shortcuts_, PoolViewStyle{options_.theme, s, &fonts_}, report_);
}

void App::share(const Session& lead, Session& other, trace::Time lead_before) {
  if (lead.busy()) {
    if (!share_before_) share_before_ = lead_before;
    return;
  }
  share_clock(lead, other,
              share_before_ ? *std::exchange(share_before_, std::nullopt) : lead_before);
}

void App::draw_progress() {
  Session* busy[] = {session_.get(), compare_session()};
  double progress = 1;
  bool any = false;
  for (Session* s : busy) {
    if (s == nullptr || !s->busy()) continue;
    any = true;
    progress = std::min(progress, s->progress());
  }
  if (!any) return;
  const auto cancel = [&] {
    for (Session* s : busy) {
      if (s != nullptr) s->cancel();
    }
  };
  if (ImGui::IsKeyPressed(keys::kEscape, false)) cancel();
  const float s = options_.scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 48 * s),
                          ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowBgAlpha(1.0f);
  if (ImGui::Begin("progress", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                       ImGuiWindowFlags_NoNav)) {
    const int percent = static_cast<int>(progress * 100.0);
    ImGui::Text("Simulating... %d%%", percent);
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(progress), ImVec2(160 * s, 0), "");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) cancel();
    ImGui::SameLine();
    ImGui::TextDisabled("Esc");
    report_window(report_, "overlay:progress");
  }
  ImGui::End();
}

// As the presenter last said, else exactly when the window docks them: the width is the
// root window's content width, which draw_panels() lays out.
bool App::controls_shown() const {
  const float width = ImGui::GetMainViewport()->WorkSize.x - 2 * ImGui::GetStyle().WindowPadding.x;
  return controls_open_.value_or(controls_docked(width, options_.scale));
}

void App::draw_panels(float dt) {
  const float s = options_.scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ScreenLayout L = lay_out_screen({.width = avail.x,
                                         .height = avail.y,
                                         .scale = s,
                                         .frame_height = ImGui::GetFrameHeight(),
                                         .line_height = ImGui::GetTextLineHeightWithSpacing(),
                                         .gap = ImGui::GetStyle().ItemSpacing.x,
                                         .controls_open = controls_shown(),
                                         .side_open = side_open_});
  // Every panel is placed at its rectangle: a panel's content never moves another.
  const auto place = [&](const PanelRect& r) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + r.x, origin.y + r.y));
  };
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  place(L.toolbar);
  ImGui::BeginChild("toolbar", ImVec2(L.toolbar.w, L.toolbar.h), false, fixed);
  report_window(report_, "panel:toolbar");
  draw_toolbar(L);
  ImGui::EndChild();
  const PoolViewStyle style{options_.theme, s, &fonts_};
  place(L.pool);
  draw_picture(style, L.pool.w, L.pool.h, dt);
  if (!L.warnings.empty()) {
    place(L.warnings);
    ImGui::BeginChild("warnings", ImVec2(L.warnings.w, L.warnings.h), true);
    report_window(report_, "panel:warnings");
    draw_warnings(*session_, warnings_of(*session_));
    ImGui::EndChild();
  }
  if (!L.timeline.empty()) {
    place(L.timeline);
    ImGui::BeginChild("timeline", ImVec2(L.timeline.w, L.timeline.h), true,
                      ImGuiWindowFlags_NoScrollWithMouse);
    report_window(report_, "panel:timeline");
    draw_timeline(focused(), timeline_, style, focused_selection());
    ImGui::EndChild();
  }
  if (!L.lesson.empty() && doc_ && session_->run().runs_source() &&
      lessons_.find(lesson_.preset) == nullptr) {
    // The learner's own program without a lesson: the editor takes the whole column.
    place(L.lesson);
    draw_side(L.side.w, L.side.bottom() - L.lesson.y, L.timeline_in_side);
  } else if (!L.lesson.empty()) {
    place(L.lesson);
    ImGui::BeginChild("lesson", ImVec2(L.lesson.w, L.lesson.h), true);
    draw_lesson(*session_, lesson_, lessons_, style, false, report_);
    ImGui::EndChild();
    place(L.side);
    draw_side(L.side.w, L.side.h, L.timeline_in_side);
  }
  if (!L.controls.empty()) {
    if (L.controls_overlay) {
      // Over the picture, as a window of its own so it takes the clicks it covers.
      ImGui::SetNextWindowPos(ImVec2(origin.x + L.controls.x, origin.y + L.controls.y));
      ImGui::SetNextWindowSize(ImVec2(L.controls.w, L.controls.h));
      ImGui::SetNextWindowBgAlpha(1.0f);
      bool open = true;
      if (ImGui::Begin("Controls  (C)", &open,
                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                           ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        report_window(report_, "panel:controls");
        draw_controls_panel();
      }
      ImGui::End();
      if (!open) controls_open_ = false;
    } else {
      place(L.controls);
      ImGui::BeginChild("controls", ImVec2(L.controls.w, L.controls.h), true);
      report_window(report_, "panel:controls");
      draw_controls_panel();
      ImGui::EndChild();
    }
  }
}

// The toolbar: what a presenter reaches for (the panels, play, step, speed, compare, view).
void App::draw_toolbar(const ScreenLayout& L) {
  const float s = options_.scale;
  const PoolViewStyle style{options_.theme, s, &fonts_};
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4 * s);
  const bool controls = !L.controls.empty();
  if (controls) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
  if (ImGui::Button("Controls")) controls_open_ = !controls;
  if (controls) ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "C: show or hide the controls (the preset, the settings, Open, Save, Record)");
  }
  ImGui::SameLine(0, 16 * s);
  {
    Session& lead = focused();
    const trace::Time before = lead.now();
    draw_transport(lead, controls_, style);
    if (compare_) share(lead, compare_->focus_right ? *session_ : *compare_->session, before);
  }
  // The right end: View and the side panel's switch; the compare switch before them when
  // it fits.
  const char* side_label = side_open_ ? "Hide panel" : "Show panel";
  const float right_w = ImGui::CalcTextSize("View").x + ImGui::CalcTextSize(side_label).x +
                        4 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
  const float end = ImGui::GetWindowContentRegionMax().x;
  const float compare_w = ImGui::GetFrameHeight() + ImGui::CalcTextSize("Compare").x + 24 * s;
  // The moment shown and what the run is doing, when it fits.
  const Session& shown = focused();
  const auto outcome = shown.run().runtime().outcome();
  const std::string now = fmt::format(
      "t = {:.3f} s · {}", static_cast<double>(shown.view_time()) / 1e9,
      shown.scrubbing()                    ? std::string("scrubbing")
      : outcome == trace::Outcome::Running ? std::string(shown.playing ? "running" : "paused")
                                           : std::string(trace::to_string(outcome)));
  // The clock comes before the compare switch (which the View menu has too), in a fixed
  // width so that nothing after it moves as the digits change.
  const float now_w = std::max(ImGui::CalcTextSize("t = 99.999 s · deadlock").x,
                               ImGui::CalcTextSize(now.c_str()).x);
  ImGui::SameLine(0, 16 * s);
  if (const float x = ImGui::GetCursorPosX(); x + now_w <= end - right_w) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", now.c_str());
    ImGui::SameLine(x + now_w + 16 * s);
  }
  if (ImGui::GetCursorPosX() + compare_w <= end - right_w) {
    bool on = compare_.has_value();
    if (ImGui::Checkbox("Compare", &on)) set_compare(on);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", session_->scenario().source.empty()
                                  ? "Runs a second copy beside this one, on the same load and "
                                    "seed, with some settings\nchanged. Both share play, pause "
                                    "and speed; the controls edit the side you click."
                                  : "Runs a second copy of your program beside this one: edit "
                                    "it and Run, and B changes\nwhile A stays. Both share play, "
                                    "pause and speed; Run and the constants act\non the side "
                                    "you click.");
    }
    ImGui::SameLine();
  }
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), end - right_w));
  if (ImGui::Button("View")) ImGui::OpenPopup("view-menu");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Text size, theme, stage mode, full screen, panels");
  if (ImGui::BeginPopup("view-menu")) {
    draw_view_menu();
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(side_label)) side_open_ = !side_open_;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("N: show or hide the lesson, code and metrics");
}

void App::draw_view_menu() {
  draw_presentation_controls();
  ImGui::Separator();
  bool controls = controls_shown();
  if (ImGui::Checkbox("Controls  (C)", &controls)) controls_open_ = controls;
  ImGui::Checkbox("Lesson, code and metrics  (N)", &side_open_);
  bool on = compare_.has_value();
  if (ImGui::Checkbox("Compare side by side", &on)) set_compare(on);
  if (compare_) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo("##variant", ("right: " + compare_->variant).c_str())) {
      for (const CompareVariant& v : compare_variants(session_->scenario())) {
        if (ImGui::Selectable(v.name.c_str(), v.name == compare_->variant)) {
          compare_error_ = start_compare(v.name, v.sets);
        }
      }
      ImGui::EndCombo();
    }
  }
  ImGui::Checkbox("Frame time and renderer  (F3)", &show_debug_);
}

void App::set_compare(bool on) {
  if (on) {
    const CompareVariant& v = suggested_variant(session_->scenario());
    compare_error_ = start_compare(v.name, v.sets);
  } else {
    compare_.reset();
    compare_error_.clear();
  }
}

// The picture: the pool, or compare's two panes side by side.
void App::draw_picture(const PoolViewStyle& style, float width, float height, float dt) {
  if (compare_) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float pane_w = (width - gap) / 2;
    const bool right = compare_->focus_right;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw_pane("left", *session_, pool_view_, "A  " + session_->scenario().title, !right, style,
              pane_w, height, dt);
    ImGui::SetCursorScreenPos(ImVec2(at.x + pane_w + gap, at.y));
    std::string about = describe_difference(session_->scenario(), compare_->session->scenario());
    if (about == "the same program") about += " (edit it, then Run: B changes, A stays)";
    draw_pane("right", *compare_->session, compare_view_, "B  " + compare_->variant + ":  " + about,
              right, style, pane_w, height, dt);
    report_.add("panel:pool", at.x, at.y, at.x + width, at.y + height);
    return;
  }
  ImGui::BeginChild("pool", ImVec2(width, height), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  report_window(report_, "panel:pool");
  draw_run_picture(*session_, pool_view_, style, dt);
  draw_start_prompt();
  ImGui::EndChild();
}

void App::draw_run_picture(const Session& session, PoolViewState& view, const PoolViewStyle& style,
                           float dt) {
  if (!session.run().runs_source()) {
    draw_pool_view(session, view, style, dt);
    return;
  }
  ProgramViewState& program = &view == &compare_view_ ? compare_program_view_ : program_view_;
  program.selected = view.selected;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  draw_program_view(session.program_model(), program, style, avail.x, avail.y, dt);
  view.selected = program.selected;
}

std::vector<Warning> App::warnings_of(const Session& session) {
  if (session.run().runs_source()) return {};
  return teaching_warnings(session.figures(), session.model());
}

// The controls: title, Open / Save / Record, the preset, its settings.
void App::draw_controls_panel() {
  const PoolViewStyle style{options_.theme, options_.scale, &fonts_};
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("Poolscope");
  ImGui::PopFont();
  if (draw_share(*session_, share_, style)) pool_view_ = {};
  if (!share_.open_code.empty()) open_dropped_file(std::exchange(share_.open_code, {}));
  // Your own code: a worker pool to start from, or the preset's own listing to change.
  if (ImGui::Button("New program")) open_code(std::string(scenario::worker_pool_template()), {});
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("A short worker pool in the editor, to run and change (Ctrl+Enter runs)");
  }
  if (!session_->run().runs_source()) {
    ImGui::SameLine();
    if (ImGui::Button("Open as code")) {
      open_code(scenario::export_go_plain(session_->scenario()).source, {});
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("This preset's Go program in the editor, without its measuring lines");
    }
  }
  if (doc_ && !compare_ && !session_->run().runs_source()) {
    const std::string back = "Back to " + display_name(*doc_);
    if (ImGui::Button(back.c_str())) return_to_code();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Your program in the editor runs again");
  }
  if (!compare_error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(options_.theme).warning);
    ImGui::TextWrapped("%s", compare_error_.c_str());
    ImGui::PopStyleColor();
  }
  Session& lead = focused();
  const trace::Time before = lead.now();
  draw_controls(lead, controls_, style);
  if (doc_ && lead.run().runs_source()) {
    ImGui::Spacing();
    ImGui::PushFont(fonts_.heading);
    ImGui::TextUnformatted("Constants");
    ImGui::PopFont();
    draw_constants();
  }
  if (compare_) {
    Session& other = compare_->focus_right ? *session_ : *compare_->session;
    share(lead, other, before);
  }
}

// The side column's lower part: Go code, Metrics, and the timeline when it has no room
// under the picture. The tab bar stays put; each tab scrolls inside itself.
void App::draw_side(float width, float height, bool with_timeline) {
  const PoolViewStyle style{options_.theme, options_.scale, &fonts_};
  ImGui::BeginChild("side", ImVec2(width, height), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  report_window(report_, "panel:side");
  code_.report = &report_;
  const bool own = doc_ && focused().run().runs_source();
  if (ImGui::BeginTabBar("side-tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
    if (ImGui::BeginTabItem("Go code")) {
      if (own) {
        draw_code_panel();
      } else {
        draw_code(focused(), code_, style, focused_selection());
      }
      ImGui::EndTabItem();
    }
    if (own && ImGui::BeginTabItem("Console")) {
      report_window(report_, "panel:console");
      draw_console();
      ImGui::EndTabItem();
    }
    if (with_timeline && ImGui::BeginTabItem("Timeline")) {
      ImGui::BeginChild("timeline", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
      report_window(report_, "panel:timeline");
      draw_timeline(focused(), timeline_, style, focused_selection());
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Metrics")) {
      ImGui::BeginChild("metrics", ImVec2(0, 0), false);
      draw_metrics(focused(), metrics_, style);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
}

// Renderer, frame time and the run's event count: for whoever debugs, not for the room.
void App::draw_debug_overlay() {
  if (!show_debug_) return;
  const Session& s = *session_;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 8 * options_.scale,
                                 vp->WorkPos.y + vp->WorkSize.y - 8 * options_.scale),
                          ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(1.0f);
  if (ImGui::Begin("debug", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs)) {
    ImGui::Text("%.1f ms/frame", 1000.0 * static_cast<double>(ImGui::GetIO().DeltaTime));
    ImGui::Text("%s", options_.renderer.c_str());
    ImGui::Text("%s events, t = %s", fmt::format("{:L}", s.log().last_seq()).c_str(),
                fmt::format("{:.6f} s", static_cast<double>(s.view_time()) / 1e9).c_str());
    report_window(report_, "overlay:debug");
  }
  ImGui::End();
}

}  // namespace poolscope::gui
