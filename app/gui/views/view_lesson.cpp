// The lesson panel. Sections:
//   [SECTION] Narration
//   [SECTION] The question
//   [SECTION] draw_lesson
#include "app/gui/views/view_lesson.hpp"

#include <imgui.h>

#include <fmt/format.h>
#include <algorithm>

#include "app/gui/views/theme.hpp"

namespace poolscope::gui {

namespace {

// Text in a filled, outlined box the width of the region.
void boxed_text(const std::string& text, std::uint32_t fill, std::uint32_t outline, float s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = 8 * s;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  const float bottom = ImGui::GetItemRectMax().y + pad;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(start, ImVec2(start.x + width, bottom), fill, 4 * s);
  dl->AddRect(start, ImVec2(start.x + width, bottom), outline, 4 * s, 0, 2 * s);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + ImGui::GetStyle().ItemSpacing.y));
  ImGui::Dummy(ImVec2(0, 0));
}

// [SECTION] Narration -----------------------------------------------------------------------

// While the run waits for the learner (at the start, or paused with no note open): how to
// go on, where the eye is.
void draw_play_prompt(const Session& session, const PoolViewStyle& style, LayoutReport& report) {
  if (session.playing || session.finished() || session.scrubbing()) return;
  const Palette& pal = palette(style.theme);
  const std::uint32_t colour = look_colour(style.theme, Look::Working);
  const std::string text = session.now() == 0 ? "Press Play (Space) to start the run."
                                              : "Paused. Press Play (Space) to go on.";
  ImGui::Spacing();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  boxed_text(text, with_alpha(colour, 0.18f), colour, style.scale);
  report.add("prompt:play", a.x, a.y, a.x + ImGui::GetContentRegionAvail().x,
             ImGui::GetCursorScreenPos().y, pal.text, text);
}

// The lesson's title, Back / Next and where we are: pinned above the text, which scrolls.
void draw_lesson_header(Session& session, LessonState& state, const lesson::Lesson& lesson,
                        const PoolViewStyle& style, bool compact) {
  const Palette& pal = palette(style.theme);
  lesson::LessonPlayer& p = state.player;
  if (!compact) {
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_dim);
    ImGui::TextUnformatted(lesson.title.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lesson: %s", lesson.title.c_str());
  }
  const lesson::QuestionState& qs = state.question;
  ImGui::BeginDisabled(p.step == 0 || qs.running || qs.answered);
  if (ImGui::Button("< Back")) lesson_back(session, state, lesson);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Page Up");
  ImGui::SameLine();
  ImGui::BeginDisabled(p.step + 1 >= lesson.steps.size() || qs.running || qs.answered);
  if (ImGui::Button("Next >")) lesson_next(session, state, lesson);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Page Down");
  const std::string where = fmt::format("step {} of {}", p.step + 1, lesson.steps.size());
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x +
          ImGui::CalcTextSize(where.c_str()).x <=
      right) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", where.c_str());
  }
}

// A step's task: done (with the step's note), not met by the run that ended, or waiting
// for a run to end.
void draw_task(const Session& session, const LessonState& state, const lesson::LessonStep& step,
               const PoolViewStyle& style, LayoutReport& report) {
  const Palette& pal = palette(style.theme);
  const TaskState& t = state.task;
  const std::size_t i = state.player.step;
  const bool done = i < t.done.size() && t.done[i];
  const bool judged = !t.summary.empty() && t.judged_step == i && t.judged_load == session.loads();
  std::string text;
  std::uint32_t colour = look_colour(style.theme, Look::Working);
  if (done) {
    text = "Done." + (judged && t.met ? " Your run: " + t.summary + "." : "");
    if (!step.note.empty()) text += "\n" + step.note;
  } else if (judged) {
    text = "Not yet. Your run: " + t.summary + ".";
    colour = pal.warning;
  } else {
    text = session.playing || session.now() > 0
               ? "Let your run reach its end: it is checked there."
               : "Change the program, then run it (Ctrl+Enter) to its end.";
  }
  ImGui::Spacing();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  boxed_text(text, with_alpha(colour, 0.18f), colour, style.scale);
  report.add(done     ? "task:done"
             : judged ? "task:not-yet"
                      : "task:waiting",
             a.x, a.y, a.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y,
             colour, text.substr(0, 60));
}

void draw_narration(Session& session, LessonState& state, const lesson::Lesson& lesson,
                    const PoolViewStyle& style, LayoutReport& report) {
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  lesson::LessonPlayer& p = state.player;
  const lesson::LessonStep& step = lesson.steps[std::min(p.step, lesson.steps.size() - 1)];
  const lesson::QuestionState& qs = state.question;
  if (qs.running || qs.answered) {
    // The variant's run is on screen: the lesson's steps describe another run.
    const std::string text = fmt::format(
        "This is the question's run ({}), not the lesson's. \"Back to the lesson\" below "
        "returns to the lesson's run and its steps.",
        fmt::join(lesson.question.set, ", "));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::TextWrapped("%s", text.c_str());
    const ImVec2 b = ImGui::GetItemRectMax();
    report.add("narration", a.x, a.y, b.x, b.y, pal.text, text.substr(0, 40));
    return;
  }
  const float text_top = ImGui::GetCursorPosY();
  const ImVec2 text_min = ImGui::GetCursorScreenPos();
  ImGui::TextWrapped("%s", step.text.c_str());
  const ImVec2 text_max = ImGui::GetItemRectMax();
  report.add("narration", text_min.x, text_min.y, text_max.x, text_max.y, pal.text,
             step.text.substr(0, 40));
  if (const std::string caveat = lesson_caveat(session); !caveat.empty()) {
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    ImGui::TextWrapped("%s", caveat.c_str());
    ImGui::PopStyleColor();
    const ImVec2 b = ImGui::GetItemRectMax();
    report.add("narration-caveat", a.x, a.y, b.x, b.y, pal.warning, caveat.substr(0, 40));
  }

  if (step.check) {
    draw_task(session, state, step, style, report);
  } else if (p.note_open && !step.note.empty()) {
    ImGui::Spacing();
    const ImVec2 note_min = ImGui::GetCursorScreenPos();
    boxed_text(step.note, with_alpha(pal.warning, 0.18f), pal.warning, s);
    report.add("note", note_min.x, note_min.y, note_min.x + ImGui::GetContentRegionAvail().x,
               ImGui::GetCursorScreenPos().y, pal.warning, step.note.substr(0, 40));
    if (ImGui::Button(session.playing ? "Got it" : "Got it, continue")) {
      p.note_open = false;
      session.playing = true;
    }
    // A note that just opened is brought into view, as far as the narration's first line
    // stays in view too: the note explains the step, it does not replace it.
    if (state.note_scrolled != p.step) {
      ImGui::SetScrollY(
          std::max(std::min(ImGui::GetCursorPosY() - ImGui::GetWindowHeight(), text_top), 0.0f));
      state.note_scrolled = p.step;
    }
  } else {
    state.note_scrolled = SIZE_MAX;
    draw_play_prompt(session, style, report);
  }
}

// [SECTION] The question ----------------------------------------------------------------------

void draw_question(Session& session, LessonState& state, const lesson::Lesson& lesson,
                   const PoolViewStyle& style) {
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  const lesson::Question& q = lesson.question;
  lesson::QuestionState& qs = state.question;
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("Predict, then run");
  ImGui::TextWrapped("%s", q.prompt.c_str());
  ImGui::BeginDisabled(qs.running || qs.answered);
  for (std::size_t i = 0; i < q.choices.size(); ++i) {
    const std::string label = fmt::format("{}##choice{}", q.choices[i].text, i);
    // Long choices wrap: a radio button, then the text wrapped beside it.
    if (ImGui::RadioButton(fmt::format("##radio{}", i).c_str(),
                           qs.predicted == static_cast<int>(i))) {
      qs.predicted = static_cast<int>(i);
    }
    ImGui::SameLine();
    ImGui::TextWrapped("%s", q.choices[i].text.c_str());
    if (ImGui::IsItemClicked()) qs.predicted = static_cast<int>(i);
  }
  ImGui::EndDisabled();

  if (!qs.answered) state.verdict_scrolled = false;
  if (!qs.running && !qs.answered) {
    ImGui::BeginDisabled(qs.predicted < 0);
    if (ImGui::Button("Run it")) start_question(session, state, lesson);
    ImGui::EndDisabled();
    if (qs.predicted < 0) {
      ImGui::SameLine();
      ImGui::TextDisabled("pick an answer first");
    }
  } else if (qs.running) {
    ImGui::TextDisabled("Running: %s", fmt::format("{}", fmt::join(q.set, ", ")).c_str());
    if (ImGui::Button("Skip to the result")) {
      session.advance_to_seconds(q.run_s);
    }
  }
  if (!qs.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    ImGui::TextWrapped("%s", qs.error.c_str());
    ImGui::PopStyleColor();
  }
  if (qs.answered) {
    const bool right = qs.observed >= 0 && qs.observed == qs.predicted;
    const std::uint32_t colour = right ? look_colour(style.theme, Look::Working) : pal.warning;
    std::string verdict = right             ? "Right."
                          : qs.observed < 0 ? "The run matched none of the choices."
                                            : "Not this time.";
    verdict += " The run: " + qs.summary + ".";
    if (qs.observed >= 0) {
      const lesson::Choice& c = q.choices[static_cast<std::size_t>(qs.observed)];
      verdict += fmt::format("\nAnswer: {} {}", c.text, c.why);
    }
    if (!right && qs.predicted >= 0) {
      const lesson::Choice& c = q.choices[static_cast<std::size_t>(qs.predicted)];
      if (!c.why.empty()) verdict += fmt::format("\nYour choice: {}", c.why);
    }
    boxed_text(verdict, with_alpha(colour, 0.18f), colour, s);
    if (ImGui::Button("Back to the lesson")) back_to_lesson(session, state);
    ImGui::SameLine();
    if (ImGui::Button("Try again")) qs.clear();
    // The verdict that just came is brought into view (the text scrolls).
    if (!state.verdict_scrolled) {
      ImGui::SetScrollHereY(1.0f);
      state.verdict_scrolled = true;
    }
  }
}

}  // namespace

// [SECTION] draw_lesson ---------------------------------------------------------------------------

void draw_lesson(Session& session, LessonState& state, const lesson::LessonLibrary& lessons,
                 const PoolViewStyle& style, bool compact, LayoutReport& report) {
  const Palette& pal = palette(style.theme);
  const ImVec2 win = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  report.add(compact ? "panel:stage-lesson" : "panel:lesson", win.x, win.y, win.x + size.x,
             win.y + size.y);
  const lesson::Lesson* lesson = lessons.find(session.scenario().id);
  if (lesson == nullptr || lesson->steps.empty()) {
    std::string problem = lessons.problem_for(session.scenario().id);
    if (problem.empty() && lessons.lessons.empty() && !lessons.problems.empty()) {
      problem = lessons.problems.front();
    }
    ImGui::TextWrapped("%s", session.scenario().summary.c_str());
    if (!problem.empty()) {
      ImGui::Spacing();
      const ImVec2 a = ImGui::GetCursorScreenPos();
      ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
      ImGui::TextWrapped("Lesson not loaded: %s", problem.c_str());
      ImGui::PopStyleColor();
      const ImVec2 b = ImGui::GetItemRectMax();
      report.add("lesson-error", a.x, a.y, b.x, b.y, pal.warning, problem);
    } else {
      ImGui::TextDisabled("No lesson for this scenario.");
    }
    return;
  }
  draw_lesson_header(session, state, *lesson, style, compact);
  // The text scrolls under the pinned header: a note or a verdict never moves the buttons.
  ImGui::BeginChild("lesson-text", ImVec2(0, 0), false);
  draw_narration(session, state, *lesson, style, report);
  // On the stage the question comes once the narration is over (or while it is asked).
  const bool question_time = state.player.step + 1 >= lesson->steps.size() ||
                             state.question.running || state.question.answered;
  if (!compact || question_time) draw_question(session, state, *lesson, style);
  ImGui::EndChild();
}

}  // namespace poolscope::gui
