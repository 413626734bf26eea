// The learner's own program in the window (App's part; code_document.hpp is the model):
// the editor with its messages, the console, and the live constants.
#include <imgui.h>

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <string_view>
#include <utility>

#include "app/gui/app.hpp"
#include "app/gui/model/palette.hpp"
#include "app/gui/views/view_editor.hpp"

namespace poolscope::gui {

namespace {

// A program that does nothing: what runs while the learner's first text does not compile.
constexpr std::string_view kNothing = "package main\n\nfunc main() {}\n";

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
  if (saved) doc_->editor.mark_saved();
  editor_view_ = {};
  program_view_ = {};
  return check(*doc_);
}

void App::open_code(std::string text, std::filesystem::path path, bool saved,
                    std::optional<scenario::Scenario> origin) {
  const bool compiles = new_document(text, std::move(path), saved, std::move(origin));
  if (autosaver_ && saved) (void)autosaver_->clear(doc_->editor.revision(), doc_->path);
  compare_.reset();
  session_->load(program_scenario(*doc_, compiles ? std::move(text) : std::string(kNothing),
                                  session_->scenario().seed));
  adopted_load_ = session_->loads();  // the editor's own run
  pool_view_ = {};
  code_message_ =
      compiles ? "" : "Does not compile: fix the messages below, then run (Ctrl+Enter).";
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
  new_document(loaded.source, {}, true, std::move(origin));
  nothing_runs_ = false;
  code_message_.clear();
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
    if (r.found) open_code(std::move(r.text), r.path, false);
    if (!r.notice.empty()) options_.notice += (options_.notice.empty() ? "" : "  ") + r.notice;
  }
  autosaver_.emplace(std::move(dir));
}

// Save: to the program's file, or to a path asked for when it has none (atomically).
void App::draw_save_code() {
  CodeDocument& doc = *doc_;
  if (ImGui::Button("Save")) {
    if (doc.path.empty()) {
      save_path_ = "main.go";
      ImGui::OpenPopup("save-code");
    } else if (std::string error = save(doc, doc.path); !error.empty()) {
      code_message_ = error;
    } else if (autosaver_) {
      code_message_ = autosaver_->clear(doc.editor.revision(), doc.path);
    }
  }
  if (ImGui::BeginPopup("save-code")) {
    char buffer[1024];
    std::snprintf(buffer, sizeof buffer, "%s", save_path_.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    const bool enter =
        ImGui::InputText("file", buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    save_path_ = buffer;
    if (enter || ImGui::Button("Save as")) {
      if (std::string error = save(doc, save_path_); !error.empty()) {
        code_message_ = error;
      } else {
        if (autosaver_) code_message_ = autosaver_->clear(doc.editor.revision(), doc.path);
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndPopup();
  }
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
