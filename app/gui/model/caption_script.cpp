#include "app/gui/model/caption_script.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace poolscope::gui {

std::vector<std::string_view> caption_texts(const lesson::Lesson& lesson) {
  std::vector<std::string_view> texts;
  for (const lesson::LessonStep& step : lesson.steps) {
    texts.emplace_back(step.text);
    if (!step.note.empty()) texts.emplace_back(step.note);
  }
  return texts;
}

std::vector<std::string_view> captions_after_end(const lesson::Lesson& lesson, trace::Time t,
                                                 const lesson::RunEnd& end,
                                                 const pool::Summary& summary) {
  std::vector<std::string_view> after;
  if (end.outcome == trace::Outcome::Running || lesson.steps.empty()) return after;
  const auto shown = [&summary](const lesson::LessonStep& step) {
    return !step.check || lesson::meets(*step.check, summary);
  };
  const std::size_t reached = lesson::step_at(lesson, t, end);
  if (!shown(lesson.steps[reached])) return after;
  if (!lesson.steps[reached].note.empty()) after.emplace_back(lesson.steps[reached].note);
  for (std::size_t i = reached + 1; i < lesson.steps.size(); ++i) {
    const lesson::LessonStep& step = lesson.steps[i];
    const bool told =
        step.trigger == lesson::StepTrigger::None || lesson::step_reached(step, t, end);
    if (!told) continue;
    after.emplace_back(step.text);
    if (!shown(step)) break;  // the rest builds on a change this video does not make
    if (!step.note.empty()) after.emplace_back(step.note);
  }
  return after;
}

double caption_seconds(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  const double reading = static_cast<double>(words) / 4.0;
  return std::max(3.0, std::ceil(reading * 2.0) / 2.0);
}

}  // namespace poolscope::gui
