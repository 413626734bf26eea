// The learner's own program in the window (App's part; code_document.hpp is the model):
// the editor with its messages, the console, and the live constants.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

#include "app/gui/app.hpp"
#include "app/gui/model/palette.hpp"
#include "app/gui/platform/keys.hpp"
#include "app/gui/views/view_editor.hpp"

namespace poolscope::gui {

namespace {

// A program that does nothing: what runs while the learner's first text does not compile.
constexpr std::string_view kNothing = "package main\n\nfunc main() {}\n";
constexpr const char* kFixFirst =
    "Does not compile: fix the messages below, then run (Ctrl+Enter).";

// "0.200 s" for a console line's virtual time.
std::string seconds(trace::Time t) {
  return fmt::format("{:.3f} s", static_cast<double>(t) / static_cast<double>(trace::kSecond));
}

// The goroutine a console line of Go's traceback names ("goroutine 7 [chan send]:"), or 0.
trace::GoroutineId goroutine_in(std::string_view line) {
  constexpr std::string_view kPrefix = "goroutine ";
  if (!line.starts_with(kPrefix) || !line.ends_with("]:")) return 0;
  line.remove_prefix(kPrefix.size());
  trace::GoroutineId id = 0;
  const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), id);
  return error == std::errc() && end != line.data() && *end == ' ' ? id : 0;
}

}  // namespace

bool App::new_document(const std::string& text, std::filesystem::path path, bool saved,
                       std::optional<scenario::Scenario> origin) {
  doc_.emplace();
  doc_->path = std::move(path);
  doc_->origin = std::move(origin);
  doc_->editor.set_text(text);
  if (saved) {
    doc_->editor.mark_saved();
  } else {
    doc_->editor.mark_unsaved();
  }
  editor_view_ = {};
  program_view_ = {};
  return check(*doc_);
}

void App::open_code(std::string text, std::filesystem::path path, bool saved,
                    std::optional<scenario::Scenario> origin) {
  if (doc_ && doc_->editor.modified()) {
    ask_before_replacing(
        [this, text = std::move(text), path = std::move(path), saved,
         origin = std::move(origin)]() mutable {
          replace_code(std::move(text), std::move(path), saved, std::move(origin));
        },
        {});
    return;
  }
  replace_code(std::move(text), std::move(path), saved, std::move(origin));
}

void App::replace_code(std::string text, std::filesystem::path path, bool saved,
                       std::optional<scenario::Scenario> origin) {
  const bool compiles = new_document(text, std::move(path), saved, std::move(origin));
  if (autosaver_ && saved) (void)autosaver_->clear(doc_->editor.revision(), doc_->path);
  compare_.reset();
  session_->load(program_scenario(*doc_, compiles ? std::move(text) : std::string(kNothing),
                                  session_->scenario().seed));
  adopted_load_ = session_->loads();  // the editor's own run
  pool_view_ = {};
  code_message_ = compiles ? "" : kFixFirst;
  nothing_runs_ = !compiles;
}

// A scenario with a source that the editor does not hold was loaded (a lesson's preset,
// a scenario file, a preset key): its program goes into the editor. The same program's
// scenario loaded again (its lesson reopened) runs the editor's text instead: the
// learner's work is not replaced. The question's variant is not the learner's: it stays
// out of the editor.
void App::adopt_loaded_source() {
  if (session_->loads() == adopted_load_) return;
  adopted_load_ = session_->loads();
  const scenario::Scenario& loaded = session_->scenario();
  if (loaded.source.empty() || lesson_.question.running || lesson_.question.answered) return;
  if (doc_ && doc_->origin && doc_->origin->id == loaded.id) {
    if (doc_->editor.text() != loaded.source && check(*doc_)) {
      const bool playing = session_->playing;
      session_->load(program_scenario(*doc_, doc_->editor.text(), loaded.seed));
      session_->playing = playing;
      adopted_load_ = session_->loads();  // the editor's own run
    }
    return;
  }
  // The run on screen is already this program's: only the editor opens (a run moved to
  // a moment, by --at or a lesson, stays there).
  scenario::Scenario origin = loaded;
  origin.source.clear();
  auto replace = [this, source = loaded.source, origin = std::move(origin)]() mutable {
    new_document(source, {}, true, std::move(origin));
    nothing_runs_ = false;
    code_message_.clear();
  };
  if (!doc_ || !doc_->editor.modified()) {
    replace();
    return;
  }
  // Kept, the learner's program runs in place of the loaded one, so that the picture is
  // the editor's program; one that does not compile leaves the loaded run, and says so.
  ask_before_replacing(std::move(replace), [this, seed = loaded.seed] {
    if (!check(*doc_)) {
      code_message_ = "Your program does not compile: the run on screen is the one just loaded.";
      return;
    }
    const bool playing = session_->playing;
    session_->load(program_scenario(*doc_, doc_->editor.text(), seed));
    session_->playing = playing;
    adopted_load_ = session_->loads();
    code_message_ = "Your program stayed in the editor, and runs.";
  });
}

void App::ask_before_replacing(std::function<void()> replace, std::function<void()> keep) {
  replace_prompt_.emplace();
  replace_prompt_->replace = std::move(replace);
  replace_prompt_->keep = std::move(keep);
  save_path_ = "main.go";
}

void App::draw_unsaved_prompt() {
  constexpr const char* kTitle = "Unsaved changes";
  if (!replace_prompt_ || !doc_) return;
  if (!std::exchange(replace_prompt_->opened, true)) ImGui::OpenPopup(kTitle);
  const PoolViewStyle style{options_.theme, options_.scale, &fonts_};
  centre_next_window();
  if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ReplacePrompt& prompt = *replace_prompt_;
  ImGui::Text("%s has changes that are not saved.", display_name(*doc_).c_str());
  ImGui::TextUnformatted("Another program is about to replace it in the editor.");
  ImGui::Spacing();
  const float w = 130 * options_.scale;
  bool go = false;
  if (doc_->path.empty()) {
    if (auto saved = draw_save_as("Save as")) {
      prompt.error = std::move(*saved);
      go = prompt.error.empty();
    }
    ImGui::Spacing();
  } else {
    if (ImGui::Button("Save", ImVec2(w, 0))) {
      prompt.error = save_code(doc_->path);
      go = prompt.error.empty();
    }
    ImGui::SameLine();
  }
  go = ImGui::Button("Don't save", ImVec2(w, 0)) || go;
  ImGui::SameLine();
  const bool cancel =
      ImGui::Button("Cancel", ImVec2(w, 0)) || ImGui::IsKeyPressed(keys::kEscape, false);
  error_text(style, prompt.error);
  if (go || cancel) {
    ImGui::CloseCurrentPopup();
    // Taken out first: what runs may ask again.
    ReplacePrompt done = std::move(*std::exchange(replace_prompt_, std::nullopt));
    if (go && done.replace) done.replace();
    if (cancel && done.keep) done.keep();
  }
  ImGui::EndPopup();
}

// The learner's unsaved work from the last session comes back, with a notice saying so.
void App::start_autosave() {
  AutosaveDir dir = autosave_dir();
  if (!dir.error.empty()) {
    options_.notice += (options_.notice.empty() ? "" : "  ") + dir.error;
    return;
  }
  if (!options_.code_text) {
    Restored r = restore_autosave(dir.path);
    if (r.found && options_.run_restored) {
      open_code(std::move(r.text), r.path, false);
    } else if (r.found) {
      new_document(r.text, r.path, false, std::nullopt);
      r.notice += fmt::format(" \"Back to {}\" (in Controls) runs it.", display_name(*doc_));
    }
    if (!r.notice.empty()) options_.notice += (options_.notice.empty() ? "" : "  ") + r.notice;
  }
  autosaver_.emplace(std::move(dir));
}

// Save: to the program's file, or to a path asked for when it has none (atomically).
void App::draw_save_code() {
  if (ImGui::Button("Save")) {
    if (doc_->path.empty()) {
      save_path_ = "main.go";
      ImGui::OpenPopup("save-code");
    } else {
      code_message_ = save_code(doc_->path);
    }
  }
  if (ImGui::BeginPopup("save-code")) {
    if (auto error = draw_save_as("Save as")) {
      code_message_ = std::move(*error);
      if (code_message_.empty()) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

std::optional<std::string> App::draw_save_as(const char* button) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
  const bool enter = ImGui::InputText("file", &save_path_, ImGuiInputTextFlags_EnterReturnsTrue);
  std::error_code ec;
  if (std::filesystem::path(save_path_) != doc_->path &&
      std::filesystem::is_regular_file(save_path_, ec)) {
    dim_wrapped(PoolViewStyle{options_.theme, options_.scale, &fonts_},
                save_path_ + " exists: saving replaces it.");
  }
  if (!ImGui::Button(button) && !enter) return std::nullopt;
  return save_code(save_path_);
}

std::string App::save_code(const std::filesystem::path& path) {
  std::string error = save(*doc_, path);
  if (error.empty() && autosaver_) error = autosaver_->clear(doc_->editor.revision(), doc_->path);
  return error;
}

bool App::run_code() {
  if (!doc_) return false;
  if (!check(*doc_)) {
    code_message_ =
        fmt::format("Does not compile ({} message{}): the last run that compiled stays on screen.",
                    doc_->diagnostics.size(), doc_->diagnostics.size() == 1 ? "" : "s");
    return false;
  }
  code_message_.clear();
  nothing_runs_ = false;
  // In compare mode the side with the focus runs it (B, unless A was clicked), and the
  // other restarts with it: two versions of the program from the same start.
  Session& s = focused();
  const trace::Time before = s.now();
  s.load(program_scenario(*doc_, doc_->editor.text(), s.scenario().seed));
  adopted_load_ = session_->loads();
  s.playing = true;
  // Named first: g++ 12 miscompiles `(c ? a : b) = {}` for this type (its strings are
  // left null, and the next frame crashes).
  ProgramViewState& view = &s == session_.get() ? program_view_ : compare_program_view_;
  view = ProgramViewState{};
  if (compare_) share(s, &s == session_.get() ? *compare_->session : *session_, before);
  return true;
}

void App::return_to_code() {
  if (run_code()) return;
  session_->load(program_scenario(*doc_, std::string(kNothing), session_->scenario().seed));
  adopted_load_ = session_->loads();
  nothing_runs_ = true;
  code_message_ = kFixFirst;
}

// The editor's markers: on each line, how many goroutines stand there, in the look most
// of them share.
std::vector<EditorLineMarker> App::code_markers(const Session& session) const {
  std::vector<EditorLineMarker> out;
  if (!session.run().runs_source()) return out;
  struct OnLine {
    std::array<int, static_cast<std::size_t>(Look::Count)> by_look{};
    int count = 0;
    std::string names;
  };
  std::map<int, OnLine> lines;
  for (const ProgramColumn& column : session.program_model().columns) {
    for (const ProgramCard& card : column.cards) {
      if (card.line == 0) continue;
      OnLine& on = lines[card.line];
      ++on.by_look[static_cast<std::size_t>(card.look)];
      if (on.count++ < 8) on.names += (on.names.empty() ? "" : "\n") + card.name;
    }
  }
  for (const auto& [line, on] : lines) {
    const auto top = std::max_element(on.by_look.begin(), on.by_look.end()) - on.by_look.begin();
    const Look look = static_cast<Look>(top);
    out.push_back(
        {.line = line,
         .colour = look_colour(options_.theme, look),
         .label = on.count > 1 ? fmt::format("{}", on.count) : std::string(look_glyph(look)),
         .tooltip = on.names + (on.count > 8 ? "\n..." : "")});
  }
  return out;
}

void App::draw_code_panel() {
  CodeDocument& doc = *doc_;
  const Palette& pal = palette(options_.theme);
  // Comparing, Run changes one side: the one with the focus.
  const char* run = !compare_               ? "Run  (Ctrl+Enter)"
                    : compare_->focus_right ? "Run as B  (Ctrl+Enter)"
                                            : "Run as A  (Ctrl+Enter)";
  if (ImGui::Button(run)) run_code();
  ImGui::SameLine();
  draw_save_code();
  ImGui::SameLine();
  ImGui::TextDisabled("%s%s", display_name(doc).c_str(), doc.editor.modified() ? " *" : "");
  check(doc);
  if (!code_message_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    ImGui::TextWrapped("%s", code_message_.c_str());
    ImGui::PopStyleColor();
  }
  // The messages under the text: at most a third of the panel, each a click to its place.
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const float list_h =
      doc.diagnostics.empty()
          ? 0.0f
          : std::min(static_cast<float>(doc.diagnostics.size()) * line_h + line_h * 0.5f,
                     ImGui::GetContentRegionAvail().y / 3);
  // The goroutines of the side with the focus (the one Run and the constants change).
  const Session& shown = focused();
  const std::vector<EditorLineMarker> markers = code_markers(shown);
  const EditorStyle style{.theme = options_.theme, .scale = options_.scale, .fonts = &fonts_};
  const ImVec2 size(ImGui::GetContentRegionAvail().x,
                    ImGui::GetContentRegionAvail().y - list_h - ImGui::GetStyle().ItemSpacing.y);
  const EditorResult r =
      draw_editor(doc.editor, editor_view_, style, size, doc.diagnostics, markers);
  if (r.run) run_code();
  int go_to = r.diagnostic_clicked;
  if (r.marker_clicked >= 0) {
    // The goroutines on that line: the first, then the next at each click.
    const int line = markers[static_cast<std::size_t>(r.marker_clicked)].line;
    for (const ProgramColumn& column : shown.program_model().columns) {
      for (const ProgramCard& card : column.cards) {
        if (card.line == line) focused_selection() = card.id;
      }
    }
  }
  if (!doc.diagnostics.empty()) {
    ImGui::BeginChild("messages", ImVec2(0, list_h), false);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    for (std::size_t i = 0; i < doc.diagnostics.size(); ++i) {
      const golang::Diagnostic& d = doc.diagnostics[i];
      const std::string text =
          d.line == 0 ? d.message
                      : fmt::format("{}:{}:{}: {}", display_name(doc), d.line, d.col, d.message);
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(text.c_str())) go_to = static_cast<int>(i);
      ImGui::PopID();
    }
    ImGui::PopStyleColor();
    ImGui::EndChild();
  }
  if (go_to >= 0 && static_cast<std::size_t>(go_to) < doc.diagnostics.size()) {
    const golang::Diagnostic& d = doc.diagnostics[static_cast<std::size_t>(go_to)];
    if (const auto range = doc.editor.diagnostic_range(d.line, d.col)) {
      doc.editor.set_selection(range->begin, range->end);
    }
    editor_view_.focus_next_frame = true;
    editor_view_.reveal_cursor = true;
  }
}

void App::draw_console() {
  const Session& session = focused();
  const Palette& pal = palette(options_.theme);
  const trace::Snapshot& snap = session.snapshot();
  ImGui::BeginChild("console", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushFont(fonts_.code);
  std::size_t shown = 0;
  for (const pool::ConsoleChunk& chunk : session.run().console()) {
    if (chunk.seq > snap.seq) break;  // written after the moment on screen
    ++shown;
    std::string_view text = chunk.text;
    while (!text.empty()) {
      const std::size_t nl = text.find('\n');
      const std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
      ImGui::TextDisabled("%9s", seconds(chunk.at).c_str());
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, chunk.is_stderr ? pal.warning : pal.text);
      if (const trace::GoroutineId g = goroutine_in(line); g != 0) {
        const std::string label = std::string(line) + "##" + std::to_string(shown);
        if (ImGui::Selectable(label.c_str(), focused_selection() == g)) focused_selection() = g;
      } else {
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
      }
      ImGui::PopStyleColor();
    }
  }
  if (snap.outcome != trace::Outcome::Running) {
    const golang::GoRunResult r = session.run().go_result();
    ImGui::Spacing();
    ImGui::TextDisabled("%9s", seconds(session.end_time()).c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(
        r.outcome == golang::GoOutcome::Stopped
            ? r.stop_message.c_str()
            : fmt::format("exit status {}  ({})", r.exit_code, golang::to_string(r.outcome))
                  .c_str());
  } else if (shown == 0) {
    ImGui::TextDisabled("Nothing printed yet.");
  }
  ImGui::PopFont();
  if (session.playing && !session.scrubbing() && ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) {
    ImGui::SetScrollHereY(1.0f);
  }
  ImGui::EndChild();
}

// The top-level constants of the program that runs, as controls named after them: a
// change edits the source and runs it again from the start, to the moment on screen.
void App::draw_constants() {
  // Checked once per source, not once per frame.
  const std::string& source = focused().scenario().source;
  if (constants_of_.first != source) constants_of_ = {source, constants(source)};
  const std::vector<golang::ConstInfo>& consts = constants_of_.second;
  if (consts.empty()) {
    ImGui::TextDisabled("No constants to change (top-level const of package main).");
    return;
  }
  for (const golang::ConstInfo& c : consts) {
    std::string value = c.value;
    bool changed = false;
    ImGui::PushID(c.name.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    std::int64_t n = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
    const bool plain_int = c.kind == golang::ConstInfo::Kind::Int && error == std::errc() &&
                           end == value.data() + value.size();
    if (plain_int) {
      int v = static_cast<int>(std::clamp<std::int64_t>(n, -1'000'000'000, 1'000'000'000));
      if (ImGui::InputInt(c.name.c_str(), &v)) {
        value = std::to_string(v);
        changed = true;
      }
    } else {
      char buffer[128];
      std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
      ImGui::InputText(c.name.c_str(), buffer, sizeof buffer);
      if (ImGui::IsItemDeactivatedAfterEdit()) {
        value = buffer;
        changed = true;
      }
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("const %s = %s (line %d)", c.name.c_str(), c.value.c_str(), c.line);
    ImGui::PopID();
    if (changed && value != c.value) set_constant(c.name, value);
  }
}

void App::edit_constant(const std::string& name, const std::string& value) {
  if (!doc_) return;
  const std::string edited = with_constant(doc_->editor.text(), name, value);
  if (edited == doc_->editor.text()) return;
  const TextPos end{doc_->editor.line_count() - 1,
                    static_cast<int>(doc_->editor.line(doc_->editor.line_count() - 1).size())};
  doc_->editor.replace_range({TextPos{0, 0}, end}, edited);
}

void App::set_constant(const std::string& name, const std::string& value) {
  Session& session = focused();  // the controls around this share its restart (compare)
  const std::string source = with_constant(session.scenario().source, name, value);
  CodeDocument probe;
  probe.editor.set_text(source);
  if (!check(probe)) {
    code_message_ = fmt::format("{} = {} does not compile: {}", name, value,
                                probe.diagnostics.empty() ? "" : probe.diagnostics[0].message);
    return;
  }
  code_message_.clear();
  edit_constant(name, value);  // the editor's text follows
  scenario::Scenario next = session.scenario();
  next.source = source;
  session.restart_with(std::move(next), fmt::format("{} = {}", name, value));
  adopted_load_ = session_->loads();
}

}  // namespace poolscope::gui
