#include "app/gui/model/lesson_state.hpp"

#include <algorithm>
#include <utility>

#include <fmt/core.h>

#include "app/gui/model/compare.hpp"
#include "core/scenario/presets.hpp"

namespace poolscope::gui {

namespace {

// The longest a Next to an "on: end" step runs the program looking for its end.
constexpr trace::Time kEndSearch = 600 * trace::kSecond;

// Moves the run to `m`: only forward (`forward`) or only back, then pauses it.
void move_run(Session& session, const lesson::StepMoment& m, bool forward) {
  using Kind = lesson::StepMoment::Kind;
  session.live();
  const trace::Time now = session.now();
  if (m.kind == Kind::Start && !forward && now > 0) {
    session.reset();
  } else if (m.kind == Kind::Time && forward && now < m.at) {
    session.advance_to_time(m.at);
  } else if (m.kind == Kind::Time && !forward && now > m.at) {
    session.view_at(m.at);
    session.resume_from_view();
  } else if (m.kind == Kind::End && forward && !session.finished()) {
    session.advance_to_time(now + kEndSearch);
  }
  session.playing = false;
}

// The current step's task, judged on the run on screen once it has ended (see above).
void judge_task(const Session& session, LessonState& state, const lesson::Lesson& lesson) {
  TaskState& t = state.task;
  const std::size_t step = state.player.step;
  const bool same = t.judged_load == session.loads() && t.judged_step == step;
  if (step >= lesson.steps.size() || !lesson.steps[step].check || same) return;
  if (!session.finished()) {
    t.summary.clear();  // a new run, still going
    return;
  }
  t.judged_load = session.loads();
  t.judged_step = step;
  const pool::Summary summary = session.run().summary();
  t.met = lesson::meets(*lesson.steps[step].check, summary);
  t.summary = lesson::describe_run(summary, session.run().runs_source());
  t.done.resize(lesson.steps.size());
  if (t.met) t.done[step] = true;
}

}  // namespace

std::string lesson_caveat(const Session& session) {
  const auto preset = scenario::find_preset(session.scenario().id);
  // The learner's own program is theirs to change: the lesson asks them to.
  if (!preset || !preset.value().source.empty()) return "";
  std::string what;
  if (session.scenario() != preset.value()) {
    what = describe_difference(preset.value(), session.scenario());
  }
  for (auto it = session.changes().rbegin(); it != session.changes().rend(); ++it) {
    if (it->time > session.view_time()) continue;
    what += (what.empty() ? "" : ", ") + it->text;  // the latest live change in force
    break;
  }
  if (what.empty()) return "";
  return fmt::format(
      "You changed this run ({}); the text describes the lesson's own settings, so the "
      "picture can differ. Open the lesson again to see its run.",
      what);
}

lesson::RunEnd run_end(const Session& session) {
  const trace::Outcome o = session.run().runtime().outcome();
  return {session.finished() ? o : trace::Outcome::Running, session.end_time()};
}

void follow_lesson(Session& session, LessonState& state, const lesson::LessonLibrary& lessons,
                   bool may_pause) {
  const std::string& id = session.scenario().id;
  if (id != state.preset) {
    state.preset = id;
    state.player.restart();
    state.question.clear();
    state.task = {};
  }
  const lesson::Lesson* lesson = lessons.find(id);
  lesson::QuestionState& qs = state.question;
  // Another scenario was opened over the question's run: the lesson is back.
  if ((qs.running || qs.answered) && session.loads() != state.question_load) qs.clear();
  const bool lesson_run =
      lesson != nullptr && !lesson->steps.empty() && !qs.running && !qs.answered;
  std::vector<trace::Time> stops =
      lesson_run && may_pause ? lesson::pause_times(*lesson) : std::vector<trace::Time>{};
  if (stops != session.stops()) session.set_stops(std::move(stops));
  if (lesson == nullptr || lesson->steps.empty()) return;
  if (qs.running) {
    const auto limit = static_cast<trace::Time>(lesson->question.run_s * 1e9);
    if (session.finished() || session.now() >= limit) {
      const pool::Summary summary = session.run().summary();
      qs.running = false;
      qs.answered = true;
      qs.observed = lesson::matching_choice(lesson->question, summary);
      qs.summary = lesson::describe_run(summary, session.run().runs_source());
      session.playing = false;
    }
    return;
  }
  if (qs.answered) return;  // the variant's run is on screen; its moments are not the lesson's
  const lesson::RunEnd end = run_end(session);
  if (state.player.update(*lesson, session.view_time(), end) && may_pause && !session.scrubbing()) {
    session.playing = false;
  }
  judge_task(session, state, *lesson);
}

void lesson_next(Session& session, LessonState& state, const lesson::Lesson& lesson) {
  if (state.question.running || state.question.answered) return;
  state.player.next(lesson);
  if (!lesson.steps[state.player.step].check) {
    move_run(session, lesson::moment_of(lesson, state.player.step), true);
  }
}

void lesson_back(Session& session, LessonState& state, const lesson::Lesson& lesson) {
  if (state.question.running || state.question.answered) return;
  state.player.back();
  if (!lesson.steps[state.player.step].check) {
    move_run(session, lesson::moment_of(lesson, state.player.step), false);
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
  session.set_stops({});  // the question's run is not the lesson's: it has no stops
  session.load(std::move(variant).value());
  state.question_load = session.loads();
  session.playing = true;
  qs.running = true;
  qs.answered = false;
  state.player.note_open = false;
  return true;
}

void back_to_lesson(Session& session, LessonState& state) {
  if (auto preset = scenario::find_preset(state.preset)) session.load(std::move(preset).value());
  session.playing = false;
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
