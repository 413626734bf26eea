// Lessons: parsing, loading, moments and the question. Sections:
//   [SECTION] Reading fields
//   [SECTION] parse_lesson
//   [SECTION] Files and folders
//   [SECTION] Moments and the player
//   [SECTION] The question
#include "core/lesson/lesson.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <variant>

#include "core/pool/summary_fields.hpp"
#include "core/scenario/keys.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/util/json_text.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::lesson {

using nlohmann::json;
using scenario::Error;

namespace {

constexpr std::array<std::string_view, 7> kControls = {"play",  "step",    "next-job", "reset",
                                                       "speed", "workers", "rate"};

// [SECTION] Reading fields ----------------------------------------------------------------

// A problem found while reading, placed in the text once reading is done.
struct Problem {
  std::string path;  // "steps[1].at_s", "" for the file as a whole
  std::string what;
};

// Fills in where each of the `wanted` paths ("steps[1].at_s",
// "question.choices[0].expect.outcome") starts in the (already valid) text: one walk
// over strings, comments and nesting. It keeps one path, the one of the value at hand,
// never one per level, and looks up at most a linear number of bytes, so any file is
// placed in linear time and memory.
void find_offsets(std::string_view t, std::unordered_map<std::string, std::size_t>& wanted) {
  std::size_t longest = 0;
  for (const auto& [path, offset] : wanted) longest = std::max(longest, path.size());
  struct Level {
    bool array;
    std::size_t base;   // the length of the container's own path
    std::size_t index;  // array: the index of the next value
  };
  std::vector<Level> stack;
  std::string path;                          // the path of the value at hand
  std::string key;                           // object: the key just read
  std::size_t budget = 8 * t.size() + 4096;  // bytes looked up at most
  bool expect_key = false;
  std::size_t i = 0;
  const auto value_starts = [&] {
    if (stack.empty()) return;
    const Level& l = stack.back();
    path.resize(l.base);
    if (l.array) {
      path += fmt::format("[{}]", l.index);
    } else {
      if (l.base > 0) path += '.';
      path += key;
    }
    if (path.size() > longest || path.size() > budget) return;
    budget -= path.size();
    if (const auto it = wanted.find(path); it != wanted.end() && it->second == std::string::npos)
      it->second = i;
  };
  while (i < t.size()) {
    const char c = t[i];
    if (c == '/' && i + 1 < t.size() && t[i + 1] == '/') {
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
      const auto end = t.find("*/", i + 2);
      i = end == std::string_view::npos ? t.size() : end + 2;
      continue;
    }
    if (c == '"') {
      const bool is_key = expect_key && !stack.empty();
      if (is_key) key.clear();
      if (!is_key) value_starts();
      std::size_t j = i + 1;
      while (j < t.size() && t[j] != '"') {
        if (t[j] == '\\' && j + 1 < t.size()) ++j;
        if (is_key) key += t[j];
        ++j;
      }
      expect_key = false;
      i = j + 1;
      continue;
    }
    if (c == '{' || c == '[') {
      value_starts();
      stack.push_back({c == '[', stack.empty() ? 0 : path.size(), 0});
      expect_key = c == '{';
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',') {
      if (!stack.empty() && stack.back().array) ++stack.back().index;
      if (!stack.empty() && !stack.back().array) expect_key = true;
    } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
      value_starts();
      while (i < t.size() && std::string_view(",]} \t\r\n/").find(t[i]) == std::string_view::npos)
        ++i;
      continue;
    }
    ++i;
  }
}

// The enclosing paths of `path`, nearest first: "steps[2]", "steps" for "steps[2].text".
std::vector<std::string> enclosing(std::string path) {
  std::vector<std::string> out;
  while (!path.empty()) {
    const auto cut = path.find_last_of(".[");
    path = cut == std::string::npos ? "" : path.substr(0, cut);
    if (!path.empty()) out.push_back(path);
  }
  return out;
}

// At most this many problems are listed per file; the rest are counted.
constexpr std::size_t kMaxProblems = 50;

// Each problem as "file:line:column: path: what", placed at its field or, for a missing
// field, at the nearest enclosing one that is there ("steps[2]" for "steps[2].text").
std::vector<Error> placed(const std::vector<Problem>& problems, std::size_t more,
                          std::string_view text, const std::string& file) {
  const std::size_t shown = std::min(problems.size(), kMaxProblems);
  more += problems.size() - shown;
  std::unordered_map<std::string, std::size_t> wanted;
  for (std::size_t k = 0; k < shown; ++k) {
    wanted.emplace(problems[k].path, std::string::npos);
    for (auto& p : enclosing(problems[k].path)) wanted.emplace(std::move(p), std::string::npos);
  }
  find_offsets(text, wanted);
  std::vector<Error> out;
  for (std::size_t k = 0; k < shown; ++k) {
    const Problem& problem = problems[k];
    std::size_t offset = wanted[problem.path];
    for (const auto& p : enclosing(problem.path)) {
      if (offset != std::string::npos) break;
      offset = wanted[p];
    }
    const std::string path = util::printable(problem.path, 80);
    if (offset == std::string::npos) {
      out.push_back({problem.path, fmt::format("{}: {}: {}", file, path, problem.what)});
    } else {
      const TextPosition p = position_of(text, offset);
      out.push_back({problem.path,
                     fmt::format("{}:{}:{}: {}: {}", file, p.line, p.column, path, problem.what)});
    }
  }
  if (more > 0) out.push_back({"", fmt::format("{}: {} more problems not listed", file, more)});
  return out;
}

// Collects problems while reading one file (placed in the text by placed()).
struct Reader {
  std::string file;
  std::vector<Problem> errors;  // the first kMaxProblems
  std::size_t more = 0;         // problems beyond those

  void fail(const std::string& path, const std::string& what) {
    if (errors.size() < kMaxProblems) {
      errors.push_back({path, what});
    } else {
      ++more;
    }
  }

  std::string text(const json& obj, const std::string& path, const char* key, bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) fail(path + key, "missing (a text is required)");
      return "";
    }
    if (!it->is_string()) {
      fail(path + key,
           fmt::format("{} is not a text (write it in double quotes)", util::short_dump(*it)));
      return "";
    }
    return it->get<std::string>();
  }

  std::vector<std::string> strings(const json& obj, const std::string& path, const char* key) {
    std::vector<std::string> out;
    const auto it = obj.find(key);
    if (it == obj.end()) return out;
    if (!it->is_array()) {
      fail(path + key, "must be a list of texts, e.g. [\"workers\", \"pool.jobs_buffer\"]");
      return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string()) {
        fail(fmt::format("{}{}[{}]", path, key, i),
             fmt::format("{} is not a text", util::short_dump((*it)[i])));
        continue;
      }
      out.push_back((*it)[i].get<std::string>());
    }
    return out;
  }

  // Every key of `obj` must be one of `allowed`.
  void only(const json& obj, const std::string& path,
            std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : obj.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string list;
      for (std::string_view a : allowed)
        list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", a);
      fail(path + key, fmt::format("unknown field (allowed: {})", list));
    }
  }

  void controls(const std::vector<std::string>& names, const std::string& path) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto& n = names[i];
      const bool known = std::find(kControls.begin(), kControls.end(), n) != kControls.end() ||
                         scenario::find_key(n) != nullptr;
      if (!known) {
        fail(fmt::format("{}[{}]", path, i),
             fmt::format("\"{}\" is not a control (use a setting such as \"pool.jobs_buffer\", "
                         "or one of: {})",
                         util::printable(n), fmt::join(kControls, ", ")));
      }
    }
  }
};

std::optional<trace::Outcome> outcome_named(std::string_view name) {
  for (auto o : {trace::Outcome::Completed, trace::Outcome::Deadlock, trace::Outcome::Panic,
                 trace::Outcome::Hang}) {
    if (trace::to_string(o) == name) return o;
  }
  return std::nullopt;
}

// A whole number that fits an int64 (an unsigned one above 2^63-1 does not).
bool is_int64(const json& v) {
  return v.is_number_integer() && (!v.is_number_unsigned() ||
                                   v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX));
}

// The figures "expect" may bound, for messages: "results, leaked, ...".
std::string lesson_figure_names() {
  std::vector<std::string_view> names;
  for (const pool::SummaryField& f : pool::summary_fields()) {
    if (f.lesson) names.push_back(f.name);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

void read_expect(Reader& r, const json& j, const std::string& path, Expectation& expect) {
  if (!j.is_object() || j.empty()) {
    r.fail(path, "must be an object of figures, e.g. {\"outcome\": \"deadlock\"}");
    return;
  }
  for (const auto& [name, value] : j.items()) {
    const std::string p = fmt::format("{}.{}", path, name);
    if (name == "outcome") {
      const auto o = value.is_string() ? outcome_named(value.get<std::string>()) : std::nullopt;
      if (!o) {
        r.fail(p, fmt::format("{} is not an outcome (allowed: \"completed\", \"deadlock\", "
                              "\"panic\", \"hang\")",
                              util::short_dump(value)));
      } else {
        expect.outcome = *o;
      }
      continue;
    }
    if (const pool::SummaryField* f = pool::find_summary_field(name); f == nullptr || !f->lesson) {
      r.fail(p, fmt::format("unknown figure (allowed: outcome, {})", lesson_figure_names()));
      continue;
    }
    Bound b{name};
    if (is_int64(value)) {
      b.min = b.max = value.get<std::int64_t>();
    } else if (value.is_object() && !value.empty()) {
      for (const auto& [k, v] : value.items()) {
        if ((k != "min" && k != "max") || !is_int64(v)) {
          r.fail(p, fmt::format("{} is not allowed (a whole number, or {{\"min\": a, \"max\": b}})",
                                util::short_dump(value)));
          break;
        }
        (k == "min" ? b.min : b.max) = v.get<std::int64_t>();
      }
    } else {
      r.fail(p, fmt::format("{} is not allowed (a whole number, or {{\"min\": a, \"max\": b}})",
                            util::short_dump(value)));
    }
    expect.bounds.push_back(b);
  }
}

void read_step(Reader& r, const json& j, const std::string& path, LessonStep& step) {
  if (!j.is_object()) {
    r.fail(path, "must be an object such as {\"text\": \"...\"}");
    return;
  }
  r.only(j, path + ".", {"text", "note", "at_s", "on", "pause", "highlight", "compare", "check"});
  step.text = r.text(j, path + ".", "text", true);
  step.note = r.text(j, path + ".", "note", false);
  step.highlight = r.strings(j, path + ".", "highlight");
  r.controls(step.highlight, path + ".highlight");
  step.compare = r.strings(j, path + ".", "compare");
  if (const auto it = j.find("check"); it != j.end()) {
    step.check.emplace();
    read_expect(r, *it, path + ".check", *step.check);
  }
  if (const auto it = j.find("pause"); it != j.end()) {
    if (it->is_boolean()) {
      step.pause = it->get<bool>();
    } else {
      r.fail(path + ".pause", fmt::format("{} is not true or false", util::short_dump(*it)));
    }
  }
  const auto at = j.find("at_s");
  const auto on = j.find("on");
  if (at != j.end() && on != j.end()) {
    r.fail(path, "give \"at_s\" or \"on\", not both");
  } else if (at != j.end()) {
    const double s = at->is_number() ? at->get<double>() : -1.0;
    if (!at->is_number() || !std::isfinite(s) || s < 0 || s > 86400) {
      r.fail(path + ".at_s", fmt::format("{} is not allowed (a time in seconds, 0 to 86400)",
                                         util::short_dump(*at)));
    } else {
      step.trigger = StepTrigger::Time;
      step.at = static_cast<trace::Time>(std::llround(s * 1e9));
    }
  } else if (on != j.end()) {
    const std::string name = on->is_string() ? on->get<std::string>() : util::short_dump(*on);
    if (name == "end") {
      step.trigger = StepTrigger::End;
    } else if (const auto o = outcome_named(name)) {
      step.trigger = StepTrigger::Outcome;
      step.outcome = *o;
    } else {
      r.fail(path + ".on", fmt::format("\"{}\" is not a moment (allowed: \"end\", \"completed\", "
                                       "\"deadlock\", \"panic\", \"hang\")",
                                       util::printable(name)));
    }
  }
  if (step.pause && step.trigger == StepTrigger::None) {
    r.fail(path + ".pause", "pausing needs a moment: add \"at_s\" or \"on\"");
  }
}

void read_question(Reader& r, const json& j, Question& q) {
  const std::string path = "question";
  if (!j.is_object()) {
    r.fail(path, "must be an object with \"prompt\", \"set\" and \"choices\"");
    return;
  }
  r.only(j, path + ".", {"prompt", "set", "run_s", "choices"});
  q.prompt = r.text(j, path + ".", "prompt", true);
  q.set = r.strings(j, path + ".", "set");
  if (const auto it = j.find("run_s"); it != j.end()) {
    if (!it->is_number() || it->get<double>() <= 0 || it->get<double>() > 86400) {
      r.fail(path + ".run_s",
             fmt::format("{} is not allowed (virtual seconds, above 0 up to 86400)",
                         util::short_dump(*it)));
    } else {
      q.run_s = it->get<double>();
    }
  }
  const auto choices = j.find("choices");
  if (choices == j.end() || !choices->is_array() || choices->size() < 2) {
    r.fail(path + ".choices", "must be a list of at least two choices");
    return;
  }
  for (std::size_t i = 0; i < choices->size(); ++i) {
    const json& c = (*choices)[i];
    const std::string p = fmt::format("{}.choices[{}]", path, i);
    if (!c.is_object()) {
      r.fail(p, "must be an object with \"text\", \"expect\" and \"why\"");
      continue;
    }
    r.only(c, p + ".", {"text", "expect", "why"});
    Choice choice;
    choice.text = r.text(c, p + ".", "text", true);
    choice.why = r.text(c, p + ".", "why", false);
    if (const auto e = c.find("expect"); e != c.end()) {
      read_expect(r, *e, p + ".expect", choice.expect);
    } else {
      r.fail(p + ".expect", "missing (what the run shows when this choice is right)");
    }
    q.choices.push_back(std::move(choice));
  }
}

}  // namespace

std::span<const std::string_view> lesson_controls() noexcept { return kControls; }

TextPosition position_of(std::string_view text, std::size_t byte) {
  return util::position_of(text, byte);
}

// [SECTION] parse_lesson -------------------------------------------------------------------

scenario::Result<Lesson> parse_lesson(std::string_view json_text, const std::string& file) {
  const auto parsed = util::parse_json<json>(json_text);
  if (!parsed.ok) {
    const util::JsonError& e = parsed.error;
    return Error{"", fmt::format("{}:{}:{}: {}{}", file, e.at.line, e.at.column,
                                 e.syntax ? "malformed JSON: " : "", e.what)};
  }
  const json& j = parsed.value;
  Reader r{file, {}};
  if (!j.is_object()) {
    return Error{"", fmt::format("{}: a lesson file holds one object {{\"preset\": ..., "
                                 "\"steps\": [...], \"question\": {{...}}}}",
                                 file)};
  }
  r.only(j, "", {"preset", "title", "highlight", "steps", "question"});
  Lesson lesson;
  lesson.file = file;
  lesson.preset = r.text(j, "", "preset", true);
  // The preset the lesson runs; every later check needs it, so without it they are skipped.
  std::optional<scenario::Scenario> preset;
  if (const auto it = j.find("preset"); it != j.end() && it->is_string()) {
    if (auto p = scenario::find_preset(lesson.preset); p) {
      preset = std::move(p).value();
    } else {
      r.fail("preset", p.message());
    }
  }
  lesson.title = r.text(j, "", "title", true);
  lesson.highlight = r.strings(j, "", "highlight");
  r.controls(lesson.highlight, "highlight");
  const auto steps = j.find("steps");
  if (steps == j.end() || !steps->is_array() || steps->empty()) {
    r.fail("steps", "must be a list of at least one step {\"text\": \"...\"}");
  } else {
    for (std::size_t i = 0; i < steps->size(); ++i) {
      LessonStep step;
      read_step(r, (*steps)[i], fmt::format("steps[{}]", i), step);
      lesson.steps.push_back(std::move(step));
    }
  }
  if (const auto q = j.find("question"); q != j.end()) {
    read_question(r, *q, lesson.question);
  } else {
    r.fail("question", "missing (the \"predict, then run\" question)");
  }
  for (std::size_t i = 0; preset && r.errors.empty() && i < lesson.steps.size(); ++i) {
    // A step's second run must be a valid scenario too.
    if (lesson.steps[i].compare.empty()) continue;
    scenario::Scenario s = *preset;
    if (auto status = scenario::apply_overrides(s, lesson.steps[i].compare); !status) {
      for (const auto& e : status.errors()) r.fail(fmt::format("steps[{}].compare", i), e.message);
    }
  }
  if (preset && r.errors.empty() && !lesson.question.set.empty()) {
    // The variant must be a valid scenario: checked now, not when the learner clicks.
    if (auto v = question_scenario(lesson, *preset); !v) {
      for (const auto& e : v.errors()) r.fail("question.set", e.message);
    }
  }
  if (!r.errors.empty()) return placed(r.errors, r.more, json_text, file);
  return lesson;
}

// [SECTION] Files and folders ---------------------------------------------------------------

scenario::Result<Lesson> load_lesson_file(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  const util::FileText file = util::read_text_file(path, "lesson file");
  if (!file.ok()) {
    // Named like every other problem of a lesson file, by its name (problem_for() finds it).
    std::string message = file.error;
    if (message.starts_with(path.string())) message.replace(0, path.string().size(), name);
    return Error{"", std::move(message)};
  }
  auto lesson = parse_lesson(file.text, name);
  if (lesson && lesson.value().preset != path.stem().string()) {
    return Error{"", fmt::format("{}: preset \"{}\" does not match the file name (name the file "
                                 "{}.json, or change \"preset\")",
                                 name, lesson.value().preset, lesson.value().preset)};
  }
  if (lesson) lesson.value().file = path.string();
  return lesson;
}

const Lesson* LessonLibrary::find(std::string_view preset) const {
  for (const Lesson& l : lessons) {
    if (l.preset == preset) return &l;
  }
  return nullptr;
}

std::string LessonLibrary::problem_for(std::string_view preset) const {
  const std::string prefix = fmt::format("{}.json", preset);
  for (const std::string& p : problems) {
    if (p.starts_with(prefix)) return p;
  }
  return "";
}

LessonLibrary load_lessons(const std::filesystem::path& dir) {
  LessonLibrary lib;
  lib.dir = dir;
  std::error_code ec;
  if (dir.empty() || !std::filesystem::is_directory(dir, ec)) {
    lib.problems.push_back(fmt::format("lessons folder {} not found", dir.string()));
    return lib;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  // Teaching order first, then any other file by name.
  const auto rank = [](const std::filesystem::path& p) {
    const auto all = scenario::presets();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].id == p.stem().string()) return i;
    }
    return all.size();
  };
  std::sort(files.begin(), files.end(), [&](const auto& a, const auto& b) {
    return std::pair(rank(a), a.filename()) < std::pair(rank(b), b.filename());
  });
  for (const auto& f : files) {
    auto lesson = load_lesson_file(f);
    if (lesson) {
      lib.lessons.push_back(std::move(lesson).value());
    } else {
      for (const auto& e : lesson.errors()) lib.problems.push_back(e.message);
    }
  }
  return lib;
}

// [SECTION] Moments and the player -----------------------------------------------------------

bool step_reached(const LessonStep& step, trace::Time t, const RunEnd& end) {
  const bool ended = end.outcome != trace::Outcome::Running && end.time <= t;
  switch (step.trigger) {
    case StepTrigger::None:
      return false;
    case StepTrigger::Time:
      return t >= step.at;
    case StepTrigger::End:
      return ended;
    case StepTrigger::Outcome:
      return ended && end.outcome == step.outcome;
  }
  return false;
}

std::size_t step_at(const Lesson& lesson, trace::Time t, const RunEnd& end) {
  std::size_t found = 0;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    if (step_reached(lesson.steps[i], t, end)) found = i;
  }
  return found;
}

std::string_view narration_at(const Lesson& lesson, trace::Time t, const RunEnd& end) {
  if (lesson.steps.empty()) return {};
  return lesson.steps[step_at(lesson, t, end)].text;
}

std::size_t anchor_of(const Lesson& lesson, std::size_t step) {
  for (std::size_t i = std::min(step, lesson.steps.size() - 1); i > 0; --i) {
    if (lesson.steps[i].trigger != StepTrigger::None) return i;
  }
  return 0;
}

StepMoment moment_of(const Lesson& lesson, std::size_t step) {
  if (lesson.steps.empty()) return {};
  const LessonStep& s = lesson.steps[anchor_of(lesson, step)];
  switch (s.trigger) {
    case StepTrigger::None:
      return {};
    case StepTrigger::Time:
      return {StepMoment::Kind::Time, s.at};
    case StepTrigger::End:
    case StepTrigger::Outcome:
      return {StepMoment::Kind::End, 0};
  }
  return {};
}

std::vector<trace::Time> pause_times(const Lesson& lesson) {
  std::vector<trace::Time> out;
  for (const LessonStep& s : lesson.steps) {
    if (s.pause && s.trigger == StepTrigger::Time) out.push_back(s.at);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void LessonPlayer::next(const Lesson& lesson) {
  if (step + 1 < lesson.steps.size()) ++step;
  const LessonStep& s = lesson.steps[step];
  note_open = s.pause && !s.note.empty();
}

void LessonPlayer::back() {
  if (step > 0) --step;
  note_open = false;
}

bool LessonPlayer::update(const Lesson& lesson, trace::Time t, const RunEnd& end) {
  if (lesson.steps.empty()) return false;
  const std::size_t now_step = step_at(lesson, t, end);
  if (step < lesson.steps.size() && anchor_of(lesson, step) == now_step) return false;
  step = now_step;
  const LessonStep& s = lesson.steps[step];
  const bool ended_now = end.outcome != trace::Outcome::Running && end.time == t;
  const bool exactly_now =
      s.trigger == StepTrigger::Time ? s.at == t : s.trigger != StepTrigger::None && ended_now;
  note_open = s.pause && exactly_now && !s.note.empty();
  return s.pause && exactly_now;
}

// [SECTION] The question ---------------------------------------------------------------------

scenario::Result<scenario::Scenario> question_scenario(const Lesson& lesson,
                                                       const scenario::Scenario& preset) {
  // The learner's program: "NAME=VALUE" where NAME is no setting names one of its constants.
  return pool::apply_sets(preset, lesson.question.set);
}

std::optional<std::int64_t> summary_figure(const pool::Summary& s, std::string_view name) {
  const pool::SummaryField* field = pool::find_summary_field(name);
  if (field == nullptr || !field->lesson) return std::nullopt;
  return std::get<std::int64_t>(field->get(s));
}

bool choice_matches(const Choice& choice, const pool::Summary& summary) {
  return meets(choice.expect, summary);
}

bool meets(const Expectation& expect, const pool::Summary& summary) {
  if (expect.outcome && *expect.outcome != summary.outcome) return false;
  for (const Bound& b : expect.bounds) {
    const auto v = summary_figure(summary, b.figure);
    if (!v || *v < b.min || *v > b.max) return false;
  }
  return true;
}

int matching_choice(const Question& question, const pool::Summary& summary) {
  for (std::size_t i = 0; i < question.choices.size(); ++i) {
    if (choice_matches(question.choices[i], summary)) return static_cast<int>(i);
  }
  return -1;
}

std::string describe_run(const pool::Summary& s, bool own_program) {
  std::string out = fmt::format("{} after {:.2f} s: {} result{}", trace::to_string(s.outcome),
                                s.virtual_ms / 1000.0, s.results, s.results == 1 ? "" : "s");
  if (!own_program) out += fmt::format(", {} job{} done", s.jobs_done, s.jobs_done == 1 ? "" : "s");
  if (s.leaked > 0)
    out += fmt::format(", {} goroutine{} leaked", s.leaked, s.leaked == 1 ? "" : "s");
  if (!own_program) out += fmt::format(", at most {} in work at once", s.max_concurrent);
  out += fmt::format(", peak {} goroutines", s.peak_goroutines);
  if (s.cancelled + s.skipped > 0) {
    out += fmt::format(", {} cancelled, {} skipped", s.cancelled, s.skipped);
  }
  if (!s.error.empty()) out += fmt::format(" (error: {})", s.error);
  return out;
}

}  // namespace poolscope::lesson
