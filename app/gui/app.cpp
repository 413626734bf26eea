#include "app/gui/app.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/gui/model/lessons_dir.hpp"
#include "app/gui/model/pool_model.hpp"
#include "app/gui/model/scenario_io.hpp"
#include "app/gui/model/warnings.hpp"
#include "app/gui/platform/keys.hpp"
#include "app/gui/platform/platform.hpp"
#include "app/gui/views/view_stage.hpp"

namespace poolscope::gui {

namespace {
constexpr ImGuiWindowFlags kPanel = ImGuiWindowFlags_None;

// Records the current (child) window's rectangle in the layout report.
void report_window(LayoutReport& report, const char* name) {
  const ImVec2 p = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  report.add(name, p.x, p.y, p.x + size.x, p.y + size.y);
}

nlohmann::json to_json(const PictureRecord& d) {
  nlohmann::json cards = nlohmann::json::array();
  for (const auto& [name, look] : d.cards) {
    cards.push_back({{"name", name}, {"look", std::string(look_name(look))}});
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
}  // namespace

std::string App::picture_report() const {
  nlohmann::json j = to_json(pool_view_.drawn);
  if (compare_) j["compare"] = to_json(compare_view_.drawn);
  return j.dump(2);
}

App::App(AppOptions options)
    : options_(std::move(options)), session_(std::make_unique<Session>(options_.scenario)) {
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
  if (options_.compare) {
    compare_error_ = start_compare("from the command line", *options_.compare);
  }
}

std::string App::start_compare(const std::string& name, std::span<const std::string> sets) {
  auto right = apply_variant(session_->scenario(), sets);
  if (!right) return right.message();
  session_->reset();
  compare_.emplace();
  compare_view_ = {};
  compare_->session = std::make_unique<Session>(std::move(right).value());
  compare_->session->playing = session_->playing;
  compare_->session->speed = session_->speed;
  compare_->variant = name;
  compare_->left_id = session_->scenario().id;
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
  for (int i = 0; i < 8; ++i) {
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
  if (ImGui::IsKeyPressed(keys::kUp)) {
    s.speed = std::min(s.speed * 2.0, Session::kMaxSpeed);
  }
  if (ImGui::IsKeyPressed(keys::kDown)) {
    s.speed = std::max(s.speed / 2.0, Session::kMinSpeed);
  }
  if (ImGui::IsKeyPressed(keys::kR, false)) s.reset();
  if (compare_) share_clock(s, compare_->focus_right ? *session_ : *compare_->session, before);
}

void App::open_dropped_file(const std::string& path) {
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
  if (warnings.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", session.scenario().summary.c_str());
    ImGui::PopStyleColor();
    return;
  }
  const Palette& pal = palette(options_.theme);
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

void App::draw_compare_bar() {
  bool on = compare_.has_value();
  if (ImGui::Checkbox("Compare side by side", &on)) {
    if (on) {
      const CompareVariant& v = suggested_variant(session_->scenario());
      compare_error_ = start_compare(v.name, v.sets);
    } else {
      compare_.reset();
      compare_error_.clear();
    }
  }
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(
        "Runs a second copy beside this one, on the same load and seed, with some settings\n"
        "changed. Both share play, pause and speed; the controls edit the side you click.");
  }
  if (compare_) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo("##variant", ("right: " + compare_->variant).c_str())) {
      for (const CompareVariant& v : compare_variants()) {
        if (ImGui::Selectable(v.name.c_str(), v.name == compare_->variant)) {
          compare_error_ = start_compare(v.name, v.sets);
        }
      }
      ImGui::EndCombo();
    }
  }
  if (!compare_error_.empty()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette(options_.theme).warning);
    ImGui::TextUnformatted(compare_error_.c_str());
    ImGui::PopStyleColor();
  }
}

void App::draw_pane(const char* id, Session& session, PoolViewState& view, const std::string& title,
                    bool focused, float width, float height, float dt) {
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
  const auto done = static_cast<unsigned long long>(f.jobs_done);
  const std::string sizes =
      fmt::format("{} goroutines (peak {})  ·  {:.0f} MiB (peak {:.0f})", f.goroutines,
                  f.peak_goroutines, mib(f.memory_bytes), mib(f.peak_memory_bytes));
  const std::string whole = fmt::format("{}  ·  {} done", sizes, done);
  const float room = ImGui::GetContentRegionAvail().x;
  if (ImGui::CalcTextSize(whole.c_str()).x <= room) {
    ImGui::TextDisabled("%s", whole.c_str());
  } else if (ImGui::CalcTextSize(sizes.c_str()).x <= room) {
    ImGui::TextDisabled("%s", sizes.c_str());
    ImGui::TextDisabled("%llu done", done);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%d/%d goroutines · %.0f/%.0f MiB · %llu done", f.goroutines,
                       f.peak_goroutines, mib(f.memory_bytes), mib(f.peak_memory_bytes), done);
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
  const auto warnings = teaching_warnings(session.figures(), session.model());
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
  draw_pool_view(session, view, PoolViewStyle{options_.theme, s, &fonts_}, dt);
  ImGui::EndChild();
  draw_warnings(session, warnings);
  ImGui::EndChild();
}

void App::draw_status_bar(float height) {
  const Session& s = *session_;
  const auto outcome = s.run().runtime().outcome();
  const std::string text = fmt::format(
      "t = {:.3f} s{}   |   {}   |   {} events   |   speed {:.2g}x   |   {:.1f} ms/frame   |   {}",
      static_cast<double>(s.view_time()) / 1e9, s.scrubbing() ? " (scrubbing)" : "",
      outcome == trace::Outcome::Running ? (s.playing ? "running" : "paused")
                                         : std::string(trace::to_string(outcome)),
      s.log().last_seq(), s.speed, 1000.0 * static_cast<double>(ImGui::GetIO().DeltaTime),
      options_.renderer);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetFontSize()) / 2 - 4);
  if (!options_.notice.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(options_.theme).warning);
    ImGui::TextUnformatted(options_.notice.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", options_.notice.c_str());
    ImGui::SameLine();
  }
  ImGui::TextDisabled("%s", text.c_str());
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
  const char* text = "Press Play (Space)";
  ImGui::PushFont(fonts_.heading);
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImGui::PopFont();
  const float pad = 12 * options_.scale;
  const ImVec2 win = ImGui::GetWindowPos();
  const ImVec2 avail = ImGui::GetWindowSize();
  // Low in the picture, where a run's first goroutines never are.
  const ImVec2 a(win.x + (avail.x - size.x) / 2 - pad, win.y + avail.y * 0.72f);
  const ImVec2 b(a.x + size.x + 2 * pad, a.y + size.y + 2 * pad);
  const std::uint32_t colour = look_colour(options_.theme, Look::Working);
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
  ImGui::BeginChild("pool", ImVec2(pool_w, body_h), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  report_window(report_, "panel:pool");
  draw_pool_view(*session_, pool_view_, style, dt);
  draw_start_prompt();
  ImGui::EndChild();
  ImGui::SameLine();
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
  // A recording's clock is the recorder's: lesson pauses show their note but do not stop it.
  const bool may_pause = !options_.external_clock && options_.lesson_stops;
  // Before the clock moves: a lesson opened by a key or at start sets its stops first.
  follow_lesson(*session_, lesson_, lessons_, may_pause);
  // The two runs of compare share one clock: the right one stops where the left one does.
  if (compare_ && compare_->session->stops() != session_->stops()) {
    compare_->session->set_stops(session_->stops());
  }
  if (!options_.external_clock) {
    session_->update(static_cast<double>(dt));
    if (compare_) compare_->session->update(static_cast<double>(dt));
  }
  follow_lesson(*session_, lesson_, lessons_, may_pause);
  follow_lesson_compare();
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
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar(2);
  // Enlarged text in a window below about 900 x 500 logical pixels leaves the panels
  // unreadable (1280x720 at scale 2 is 640 x 360): show the stage until the window grows or
  // the text shrinks. At scale 1 or less the full layout stays, however small.
  const bool cramped =
      s > 1.0f && (viewport->WorkSize.x / s < 900 || viewport->WorkSize.y / s < 500);
  if (options_.stage || cramped) {
    draw_stage(dt, cramped && !options_.stage);
  } else {
    draw_panels(dt);
  }
  ImGui::End();
  draw_shortcut_overlay(show_shortcuts_, PoolViewStyle{options_.theme, s, &fonts_}, report_);
}

void App::draw_panels(float dt) {
  const float s = options_.scale;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float status_h = ImGui::GetFrameHeight() + 6 * s;
  const float body_h = avail.y - status_h;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  // Side panels take what they need up to a share of the width; the pool gets the rest.
  const float left_w = std::min(std::clamp(avail.x * 0.2f, 230 * s, 380 * s), avail.x * 0.24f);
  const float right_w = std::min(std::clamp(avail.x * 0.27f, 280 * s, 620 * s), avail.x * 0.28f);
  const float centre_w = avail.x - left_w - right_w - 2 * gap;
  draw_left_column(left_w, body_h, dt);
  ImGui::SameLine();
  draw_centre_column(centre_w, body_h, dt);
  ImGui::SameLine();
  draw_right_column(right_w, body_h);

  ImGui::BeginChild("status", ImVec2(0, status_h), false, ImGuiWindowFlags_NoScrollbar);
  draw_status_bar(status_h);
  ImGui::EndChild();
}

// Left: title, controls.
void App::draw_left_column(float width, float height, float dt) {
  const PoolViewStyle style{options_.theme, options_.scale, &fonts_};
  ImGui::BeginChild("controls", ImVec2(width, height), true, kPanel);
  report_window(report_, "panel:controls");
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("Poolscope");
  ImGui::PopFont();
  if (draw_share(*session_, share_, style, dt)) pool_view_ = {};
  {
    Session& lead = focused();
    const trace::Time before = lead.now();
    draw_controls(lead, controls_, style);
    if (compare_) {
      Session& other = compare_->focus_right ? *session_ : *compare_->session;
      share_clock(lead, other, before);
    }
  }
  draw_presentation_controls();
  ImGui::EndChild();
}

// Centre: the pool, then warnings and the timeline.
void App::draw_centre_column(float width, float height, float dt) {
  const float s = options_.scale;
  const PoolViewStyle style{options_.theme, s, &fonts_};
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  ImGui::BeginGroup();
  // The timeline keeps room for several lanes at any scale; the pool takes the rest.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float warn_h = ImGui::GetTextLineHeightWithSpacing() * 2.6f + 8 * s;
  // At a large UI scale (a projector) fewer lanes show, so the pool keeps its height.
  const float lanes = height / s < 600 ? 7.5f : 9.0f;
  // Never more than 40% of the height, so a small window at a large scale still fits
  // (below about 900 x 500 logical pixels the stage shows instead; see frame()).
  const float timeline_h = std::min(
      std::max(height * 0.3f, ImGui::GetTextLineHeightWithSpacing() * lanes), height * 0.4f);
  const float pool_h = std::max(height - warn_h - timeline_h - 2 * spacing, 0.0f);
  // Strips that change often (this bar, the status bar) are child windows of their own,
  // so a change repaints only them (see damage.hpp), not the whole window.
  const float bar_h = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("compare-bar", ImVec2(width, ImGui::GetFrameHeight()), false,
                    ImGuiWindowFlags_NoScrollbar);
  draw_compare_bar();
  ImGui::EndChild();
  if (compare_) {
    const float pane_w = (width - gap) / 2;
    const float pane_h = pool_h + warn_h + spacing - bar_h;
    const bool right = compare_->focus_right;
    draw_pane("left", *session_, pool_view_, "A  " + session_->scenario().title, !right, pane_w,
              pane_h, dt);
    ImGui::SameLine();
    draw_pane("right", *compare_->session, compare_view_,
              "B  " + compare_->variant + ":  " +
                  describe_difference(session_->scenario(), compare_->session->scenario()),
              right, pane_w, pane_h, dt);
  } else {
    ImGui::BeginChild("pool", ImVec2(width, pool_h - bar_h), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    report_window(report_, "panel:pool");
    draw_pool_view(*session_, pool_view_, style, dt);
    draw_start_prompt();
    ImGui::EndChild();
    ImGui::BeginChild("warnings", ImVec2(width, warn_h), true);
    report_window(report_, "panel:warnings");
    draw_warnings(*session_, teaching_warnings(session_->figures(), session_->model()));
    ImGui::EndChild();
  }
  ImGui::BeginChild("timeline", ImVec2(width, timeline_h), true,
                    ImGuiWindowFlags_NoScrollWithMouse);
  report_window(report_, "panel:timeline");
  draw_timeline(focused(), timeline_, style, focused_selection());
  ImGui::EndChild();
  ImGui::EndGroup();
}

// Right: the lesson above, code or metrics below.
void App::draw_right_column(float width, float height) {
  const PoolViewStyle style{options_.theme, options_.scale, &fonts_};
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginGroup();
  // A scripted pause's note needs room: the lesson grows while it is open.
  const float lesson_h = std::floor(height * (lesson_.player.note_open ? 0.58f : 0.45f));
  ImGui::BeginChild("lesson", ImVec2(width, lesson_h), true);
  draw_lesson(*session_, lesson_, lessons_, style, false, report_);
  ImGui::EndChild();
  ImGui::BeginChild("side", ImVec2(width, height - lesson_h - spacing), true);
  report_window(report_, "panel:side");
  code_.report = &report_;
  if (ImGui::BeginTabBar("side-tabs")) {
    if (ImGui::BeginTabItem("Go code")) {
      draw_code(focused(), code_, style, focused_selection());
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Metrics")) {
      draw_metrics(focused(), metrics_, style);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
  ImGui::EndGroup();
}

}  // namespace poolscope::gui
