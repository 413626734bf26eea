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
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <variant>

#include "core/pool/summary_fields.hpp"
#include "core/scenario/keys.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::lesson {

using nlohmann::json;
using scenario::Error;

namespace {

constexpr std::array<std::string_view, 7> kControls = {"play",  "step",    "next-job", "reset",
                                                       "speed", "workers", "rate"};

// [SECTION] Reading fields ----------------------------------------------------------------

// Where each value starts in the text, by the path the Reader names it with
// ("steps[1].at_s", "question.choices[0].expect.outcome"). nlohmann's parser keeps no
// positions, so this walks the (already valid) text once: strings, comments, nesting.
std::unordered_map<std::string, std::size_t> value_offsets(std::string_view t) {
  std::unordered_map<std::string, std::size_t> out;
  struct Level {
    bool array;
    std::string path;  // the container's own path
    std::string key;   // object: the key just read
    int index = 0;     // array: the index of the next value
  };
  std::vector<Level> stack;
  const auto here = [&]() -> std::string {
    if (stack.empty()) return "";
    const Level& l = stack.back();
    if (l.array) return fmt::format("{}[{}]", l.path, l.index);
    return l.path.empty() ? l.key : l.path + "." + l.key;
  };
  bool expect_key = false;
  std::size_t i = 0;
  const auto value_starts = [&] {
    if (!stack.empty()) out.emplace(here(), i);
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
      std::size_t j = i + 1;
      std::string s;
      while (j < t.size() && t[j] != '"') {
        if (t[j] == '\\' && j + 1 < t.size()) ++j;
        s += t[j++];
      }
      if (expect_key && !stack.empty()) {
        stack.back().key = s;
        expect_key = false;
      } else {
        value_starts();
      }
      i = j + 1;
      continue;
    }
    if (c == '{' || c == '[') {
      value_starts();
      stack.push_back({c == '[', here(), "", 0});
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
  return out;
}

// Collects problems while reading one file; each message starts with the file, the line
// and column of the field (or of the nearest enclosing one that is there) and its path.
struct Reader {
  std::string file;
  std::string_view source;
  std::unordered_map<std::string, std::size_t> offsets;
  std::vector<Error> errors;

  void fail(const std::string& path, const std::string& what) {
    // A missing field has no position: use its parent's ("steps[2]" for "steps[2].text").
    std::string at = path;
    auto it = offsets.find(at);
    while (it == offsets.end() && !at.empty()) {
      const auto cut = at.find_last_of(".[");
      at = cut == std::string::npos ? "" : at.substr(0, cut);
      it = offsets.find(at);
    }
    if (it == offsets.end()) {
      errors.push_back({path, fmt::format("{}: {}: {}", file, path, what)});
      return;
    }
    const TextPosition p = position_of(source, it->second);
    errors.push_back({path, fmt::format("{}:{}:{}: {}: {}", file, p.line, p.column, path, what)});
  }

  std::string text(const json& obj, const std::string& path, const char* key, bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) fail(path + key, "missing (a text is required)");
      return "";
    }
    if (!it->is_string()) {
      fail(path + key, fmt::format("{} is not a text (write it in double quotes)", it->dump()));
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
             fmt::format("{} is not a text", (*it)[i].dump()));
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
                         n, fmt::join(kControls, ", ")));
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

void read_step(Reader& r, const json& j, const std::string& path, LessonStep& step) {
  if (!j.is_object()) {
    r.fail(path, "must be an object such as {\"text\": \"...\"}");
    return;
  }
  r.only(j, path + ".", {"text", "note", "at_s", "on", "pause", "highlight", "compare"});
  step.text = r.text(j, path + ".", "text", true);
  step.note = r.text(j, path + ".", "note", false);
  step.highlight = r.strings(j, path + ".", "highlight");
  r.controls(step.highlight, path + ".highlight");
  step.compare = r.strings(j, path + ".", "compare");
  if (const auto it = j.find("pause"); it != j.end()) {
    if (it->is_boolean()) {
      step.pause = it->get<bool>();
    } else {
      r.fail(path + ".pause", fmt::format("{} is not true or false", it->dump()));
    }
  }
  const auto at = j.find("at_s");
  const auto on = j.find("on");
  if (at != j.end() && on != j.end()) {
    r.fail(path, "give \"at_s\" or \"on\", not both");
  } else if (at != j.end()) {
    const double s = at->is_number() ? at->get<double>() : -1.0;
    if (!at->is_number() || !std::isfinite(s) || s < 0 || s > 86400) {
      r.fail(path + ".at_s",
             fmt::format("{} is not allowed (a time in seconds, 0 to 86400)", at->dump()));
    } else {
      step.trigger = StepTrigger::Time;
      step.at = static_cast<trace::Time>(std::llround(s * 1e9));
    }
  } else if (on != j.end()) {
    const std::string name = on->is_string() ? on->get<std::string>() : on->dump();
    if (name == "end") {
      step.trigger = StepTrigger::End;
    } else if (const auto o = outcome_named(name)) {
      step.trigger = StepTrigger::Outcome;
      step.outcome = *o;
    } else {
      r.fail(path + ".on", fmt::format("\"{}\" is not a moment (allowed: \"end\", \"completed\", "
                                       "\"deadlock\", \"panic\", \"hang\")",
                                       name));
    }
  }
  if (step.pause && step.trigger == StepTrigger::None) {
    r.fail(path + ".pause", "pausing needs a moment: add \"at_s\" or \"on\"");
  }
}

// The figures "expect" may bound, for messages: "results, leaked, ...".
std::string lesson_figure_names() {
  std::vector<std::string_view> names;
  for (const pool::SummaryField& f : pool::summary_fields()) {
    if (f.lesson) names.push_back(f.name);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

void read_expect(Reader& r, const json& j, const std::string& path, Choice& choice) {
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
                              value.dump()));
      } else {
        choice.outcome = *o;
      }
      continue;
    }
    if (const pool::SummaryField* f = pool::find_summary_field(name); f == nullptr || !f->lesson) {
      r.fail(p, fmt::format("unknown figure (allowed: outcome, {})", lesson_figure_names()));
      continue;
    }
    Bound b{name};
    if (value.is_number_integer()) {
      b.min = b.max = value.get<std::int64_t>();
    } else if (value.is_object() && !value.empty()) {
      for (const auto& [k, v] : value.items()) {
        if ((k != "min" && k != "max") || !v.is_number_integer()) {
          r.fail(p, fmt::format("{} is not allowed (a whole number, or {{\"min\": a, \"max\": b}})",
                                value.dump()));
          break;
        }
        (k == "min" ? b.min : b.max) = v.get<std::int64_t>();
      }
    } else {
      r.fail(p, fmt::format("{} is not allowed (a whole number, or {{\"min\": a, \"max\": b}})",
                            value.dump()));
    }
    choice.bounds.push_back(b);
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
             fmt::format("{} is not allowed (virtual seconds, above 0 up to 86400)", it->dump()));
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
      read_expect(r, *e, p + ".expect", choice);
    } else {
      r.fail(p + ".expect", "missing (what the run shows when this choice is right)");
    }
    q.choices.push_back(std::move(choice));
  }
}

}  // namespace

std::span<const std::string_view> lesson_controls() noexcept { return kControls; }

TextPosition position_of(std::string_view text, std::size_t byte) {
  TextPosition p;
  const std::size_t end = std::min(byte, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

// [SECTION] parse_lesson -------------------------------------------------------------------

scenario::Result<Lesson> parse_lesson(std::string_view json_text, const std::string& file) {
  json j;
  try {
    j = json::parse(json_text.begin(), json_text.end(), nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    // e.byte counts from 1 and points at the character that stopped the parser.
    const TextPosition p = position_of(json_text, e.byte == 0 ? 0 : e.byte - 1);
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    if (const auto colon = what.find(": "); colon != std::string::npos)
      what = what.substr(colon + 2);
    return Error{"", fmt::format("{}:{}:{}: malformed JSON: {}", file, p.line, p.column, what)};
  }
  Reader r{file, json_text, value_offsets(json_text), {}};
  if (!j.is_object()) {
    return Error{"", fmt::format("{}: a lesson file holds one object {{\"preset\": ..., "
                                 "\"steps\": [...], \"question\": {{...}}}}",
                                 file)};
  }
  r.only(j, "", {"preset", "title", "highlight", "steps", "question"});
  Lesson lesson;
  lesson.file = file;
  lesson.preset = r.text(j, "", "preset", true);
  if (!lesson.preset.empty()) {
    if (auto p = scenario::find_preset(lesson.preset); !p) r.fail("preset", p.message());
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
  for (std::size_t i = 0; r.errors.empty() && i < lesson.steps.size(); ++i) {
    // A step's second run must be a valid scenario too.
    if (lesson.steps[i].compare.empty()) continue;
    scenario::Scenario s = scenario::find_preset(lesson.preset).value();
    if (auto status = scenario::apply_overrides(s, lesson.steps[i].compare); !status) {
      for (const auto& e : status.errors()) r.fail(fmt::format("steps[{}].compare", i), e.message);
    }
  }
  if (r.errors.empty() && !lesson.question.set.empty()) {
    // The variant must be a valid scenario: checked now, not when the learner clicks.
    const auto preset = scenario::find_preset(lesson.preset);
    if (auto v = question_scenario(lesson, preset.value()); !v) {
      for (const auto& e : v.errors()) r.fail("question.set", e.message);
    }
  }
  if (!r.errors.empty()) return r.errors;
  return lesson;
}

// [SECTION] Files and folders ---------------------------------------------------------------

scenario::Result<Lesson> load_lesson_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string name = path.filename().string();
  if (!in) return Error{"", fmt::format("{}: cannot be read", path.string())};
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto lesson = parse_lesson(buffer.str(), name);
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
  scenario::Scenario s = preset;
  if (auto status = scenario::apply_overrides(s, lesson.question.set); !status) {
    return status.errors();
  }
  return s;
}

std::optional<std::int64_t> summary_figure(const pool::Summary& s, std::string_view name) {
  const pool::SummaryField* field = pool::find_summary_field(name);
  if (field == nullptr || !field->lesson) return std::nullopt;
  return std::get<std::int64_t>(field->get(s));
}

bool choice_matches(const Choice& choice, const pool::Summary& summary) {
  if (choice.outcome && *choice.outcome != summary.outcome) return false;
  for (const Bound& b : choice.bounds) {
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

std::string describe_run(const pool::Summary& s) {
  std::string out =
      fmt::format("{} after {:.2f} s: {} result{}, {} job{} done", trace::to_string(s.outcome),
                  s.virtual_ms / 1000.0, s.results, s.results == 1 ? "" : "s", s.jobs_done,
                  s.jobs_done == 1 ? "" : "s");
  if (s.leaked > 0)
    out += fmt::format(", {} goroutine{} leaked", s.leaked, s.leaked == 1 ? "" : "s");
  out += fmt::format(", at most {} in work at once, peak {} goroutines", s.max_concurrent,
                     s.peak_goroutines);
  if (s.cancelled + s.skipped > 0) {
    out += fmt::format(", {} cancelled, {} skipped", s.cancelled, s.skipped);
  }
  if (!s.error.empty()) out += fmt::format(" (error: {})", s.error);
  return out;
}

}  // namespace poolscope::lesson
