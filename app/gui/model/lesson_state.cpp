#include "app/gui/model/lesson_state.hpp"

#include <algorithm>
#include <utility>

#include "core/scenario/presets.hpp"

namespace poolscope::gui {

namespace {

lesson::RunEnd run_end(const Session& session) {
  const trace::Outcome o = session.run().runtime().outcome();
  return {o, o == trace::Outcome::Running ? -1 : session.now()};
}

}  // namespace

void follow_lesson(Session& session, LessonState& state, const lesson::LessonLibrary& lessons,
                   bool may_pause) {
  const std::string& id = session.scenario().id;
  if (id != state.preset) {
    state.preset = id;
    state.player.restart();
    state.question.clear();
  }
  const lesson::Lesson* lesson = lessons.find(id);
  if (lesson == nullptr || lesson->steps.empty()) return;
  lesson::QuestionState& qs = state.question;
  if (qs.running) {
    const auto limit = static_cast<trace::Time>(lesson->question.run_s * 1e9);
    if (session.finished() || session.now() >= limit) {
      const pool::Summary summary = session.run().summary();
      qs.running = false;
      qs.answered = true;
      qs.observed = lesson::matching_choice(lesson->question, summary);
      qs.summary = lesson::describe_run(summary);
      session.playing = false;
    }
    return;
  }
  if (qs.answered) return;  // the variant's run is on screen; its moments are not the lesson's
  if (state.player.update(*lesson, session.now(), run_end(session)) && may_pause) {
    session.playing = false;
  }
}

bool start_question(Session& session, LessonState& state, const lesson::Lesson& lesson) {
  lesson::QuestionState& qs = state.question;
  const auto preset = scenario::find_preset(lesson.preset);
  auto variant = preset ? lesson::question_scenario(lesson, preset.value())
                        : scenario::Result<scenario::Scenario>(preset.errors());
  if (!variant) {
    qs.error = variant.message();
    return false;
  }
  session.load(std::move(variant).value());
  session.playing = true;
  qs.running = true;
  qs.answered = false;
  state.player.note_open = false;
  return true;
}

void back_to_lesson(Session& session, LessonState& state) {
  if (auto preset = scenario::find_preset(state.preset)) session.load(std::move(preset).value());
  state.player.restart();
  state.question.clear();
}

std::vector<std::string> lesson_highlight(const LessonState& state,
                                          const lesson::LessonLibrary& lessons) {
  const lesson::Lesson* lesson = lessons.find(state.preset);
  if (lesson == nullptr) return {};
  std::vector<std::string> out = lesson->highlight;
  if (state.player.step < lesson->steps.size()) {
    for (const auto& h : lesson->steps[state.player.step].highlight) {
      if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
    }
  }
  return out;
}

}  // namespace poolscope::gui
