#include "core/scenario/scenario_json.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "core/scenario/keys.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/json_text.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::scenario {

namespace {

using nlohmann::json;

Error error_at(std::string_view key, std::string message) {
  return Error{std::string(key), std::move(message)};
}

// Every dotted path and every group name: the names an unknown key may be a typo of.
std::vector<std::string_view> known_names() {
  std::vector<std::string_view> names;
  for (const auto& k : keys()) names.push_back(k.path);
  for (const auto g : key_groups()) names.push_back(g);
  return names;
}

bool is_group(std::string_view name) {
  for (const auto g : key_groups()) {
    if (g == name) return true;
  }
  return false;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "mode, collect, ..." for "pool"; the top-level keys and the sections for "".
std::string keys_in(std::string_view group) {
  std::string listing;
  for (const auto& k : keys()) {
    if (k.group() != group) continue;
    if (!listing.empty()) listing += ", ";
    listing += k.leaf();
  }
  if (group.empty()) {
    for (const auto g : key_groups()) listing += fmt::format(", {}", g);
  }
  return listing;
}

// The valid name a mistyped key most likely means, never the key itself.
std::optional<std::string_view> suggestion_for(const std::string& path, const std::string& lower) {
  if (lower != path) {
    if (const auto* key = find_key(lower)) return key->path;
  }
  // The right name in the wrong group ("pool.jobs", "workers") beats a near spelling.
  const auto dot_at = lower.rfind('.');
  const std::string_view leaf = dot_at == std::string::npos
                                    ? std::string_view(lower)
                                    : std::string_view(lower).substr(dot_at + 1);
  for (const auto& k : keys()) {
    if (k.leaf() == leaf && k.path != path) return k.path;
  }
  const auto names = known_names();
  const auto near = nearest(lower, names);
  if (near && *near != path) return near;
  return std::nullopt;
}

// `unknown key "pool.worker"; did you mean "pool.workers"?`, or the keys of the group.
// Keys are lower case: "POOL.WORKERS" is told so. Echoes the key made printable.
Error unknown_key(const std::string& path) {
  const std::string message = fmt::format("unknown key \"{}\"", util::printable(path));
  const std::string lower = ascii_lower(path);
  if (is_group(lower) && lower != path) {
    return error_at(path,
                    fmt::format("{}; did you mean \"{}\"? (keys are lower case)", message, lower));
  }
  if (is_group(lower)) {
    return error_at(path, fmt::format("{}: \"{}\" is a section, not a key (keys in \"{}\": {})",
                                      message, lower, lower, keys_in(lower)));
  }
  if (const auto suggestion = suggestion_for(path, lower)) {
    const bool only_case = ascii_lower(*suggestion) == lower;
    return error_at(path, fmt::format("{}; did you mean \"{}\"?{}", message, *suggestion,
                                      only_case ? " (keys are lower case)" : ""));
  }
  const auto dot = lower.find('.');
  const std::string group = dot == std::string::npos ? std::string{} : lower.substr(0, dot);
  if (!group.empty() && !is_group(group)) {
    return error_at(path, fmt::format("{} (there is no section \"{}\"; sections: {}; keys at the "
                                      "top level: {})",
                                      message, util::printable(group),
                                      fmt::join(key_groups(), ", "), keys_in("")));
  }
  const std::string where = group.empty() ? "at the top level" : fmt::format("in \"{}\"", group);
  return error_at(path, fmt::format("{} (keys {}: {})", message, where, keys_in(group)));
}

void apply_key(Scenario& s, const KeySpec& key, const json& value, std::vector<Error>& errors) {
  auto checked = check_value(key, value);
  if (!checked) {
    for (const auto& e : checked.errors()) errors.push_back(e);
    return;
  }
  key.set(s, checked.value());
}

// "malformed JSON at line 3, column 5: syntax error ...", or for a limit or a duplicate
// key "at line 3, column 5: duplicate key ...".
std::string json_error_message(const util::JsonError& e) {
  return fmt::format("{}at line {}, column {}: {}", e.syntax ? "malformed JSON " : "", e.at.line,
                     e.at.column, e.what);
}

std::string_view first_leaf(std::string_view group) {
  for (const auto& k : keys()) {
    if (k.group() == group) return k.leaf();
  }
  return {};
}

std::string quoted(std::string_view name) { return fmt::format("\"{}\"", name); }

}  // namespace

namespace {

// Each error of a file as "file:line:column: message", at the key it is about when the
// file has that key, else "file: message". Text without a file keeps the bare messages.
std::vector<Error> placed(std::vector<Error> errors, const std::string& file, std::string_view text,
                          const std::unordered_map<std::string, std::size_t>& places) {
  if (file.empty()) return errors;
  for (auto& e : errors) {
    if (const auto it = places.find(e.key); it != places.end()) {
      const auto p = util::position_of(text, it->second);
      e.message = fmt::format("{}:{}:{}: {}", file, p.line, p.column, e.message);
    } else {
      e.message = fmt::format("{}: {}", file, e.message);
    }
  }
  return errors;
}

// load_scenario() for text that came from `file` ("" for none).
Result<Scenario> load_text(std::string_view json_text, const Scenario& base,
                           const std::string& file) {
  // Parsed in file order, so problems are reported in the order the learner wrote them.
  auto parsed = util::parse_json<nlohmann::ordered_json>(json_text, {.key_places_depth = 2});
  const auto& places = parsed.key_places;
  if (!parsed.ok) return placed({error_at("", json_error_message(parsed.error))}, file, {}, {});
  const nlohmann::ordered_json& doc = parsed.value;
  if (!doc.is_object()) {
    return placed({error_at("", fmt::format("a scenario is a JSON object such as {{\"pool\": "
                                            "{{\"workers\": 3}}}}, not {}",
                                            doc.is_array() ? "an array" : util::short_dump(doc)))},
                  file, {}, {});
  }

  Scenario s = base;
  std::vector<Error> errors;
  std::unordered_map<std::string_view, int> given;  // a key written twice, once nested and
                                                    // once dotted, is a mistake too
  const auto apply = [&](const KeySpec& key, const nlohmann::ordered_json& value) {
    if (++given[key.path] == 2) {
      errors.push_back(
          error_at(key.path, fmt::format("{}: given twice (once as \"{}\" inside "
                                         "\"{}\", once as \"{}\"); keep one",
                                         key.path, key.leaf(), key.group(), key.path)));
      return;
    }
    apply_key(s, key, json(value), errors);
  };
  for (const auto& [name, value] : doc.items()) {
    if (is_group(name)) {
      if (!value.is_object()) {
        errors.push_back(
            error_at(name, fmt::format("{}: expected an object of settings such "
                                       "as {{\"{}\": ...}}, got {}",
                                       name, first_leaf(name), util::short_dump(value))));
        continue;
      }
      for (const auto& [leaf, inner] : value.items()) {
        const std::string path = fmt::format("{}.{}", name, leaf);
        if (const auto* key = find_key(path)) {
          apply(*key, inner);
        } else {
          errors.push_back(unknown_key(path));
        }
      }
    } else if (const auto* key = find_key(name)) {
      apply(*key, value);
    } else {
      errors.push_back(unknown_key(name));
    }
  }
  if (!errors.empty()) return placed(std::move(errors), file, json_text, places);
  if (auto problems = validate(s); !problems.empty()) {
    return placed(std::move(problems), file, json_text, places);
  }
  return s;
}

}  // namespace

Result<Scenario> load_scenario(std::string_view json_text, const Scenario& base) {
  return load_text(json_text, base, "");
}

Result<Scenario> load_scenario_file(const std::filesystem::path& path) {
  const util::FileText file = util::read_text_file(path, "scenario file");
  if (!file.ok()) return error_at("", file.error);
  return load_text(file.text, {}, path.string());
}

std::string save_scenario(const Scenario& s) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::object();
  for (const auto& key : keys()) {
    const auto value = nlohmann::ordered_json::parse(saved_value(key, s).dump());
    if (key.group().empty()) {
      doc[std::string(key.path)] = value;
    } else {
      doc[std::string(key.group())][std::string(key.leaf())] = value;
    }
  }
  return doc.dump(2) + "\n";
}

Status save_scenario_file(const Scenario& s, const std::filesystem::path& path) {
  // The text is made whole before the file is touched: a value JSON cannot hold (text
  // that is not UTF-8) is a message, and the old file stays as it was.
  std::string text;
  try {
    text = save_scenario(s);
  } catch (const json::type_error&) {
    return error_at("", fmt::format("cannot save {}: a text of the scenario (its title or "
                                    "summary) is not valid UTF-8; the file is unchanged",
                                    path.string()));
  }
  if (std::string failure = util::write_file_atomically(path, text); !failure.empty()) {
    return error_at("", std::move(failure));
  }
  return Done{};
}

Status apply_override(Scenario& s, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    return error_at("", fmt::format("\"{}\" is not KEY=VALUE (for example pool.workers=5)",
                                    util::printable(assignment)));
  }
  const std::string path(assignment.substr(0, eq));
  const auto* key = find_key(path);
  if (key == nullptr) return unknown_key(path);
  auto value = parse_value_text(*key, assignment.substr(eq + 1));
  if (!value) return value.errors();
  key->set(s, value.value());
  return Done{};
}

Status apply_overrides(Scenario& s, std::span<const std::string> assignments) {
  Scenario next = s;
  std::vector<Error> errors;
  for (const auto& a : assignments) {
    auto applied = apply_override(next, a);
    for (const auto& e : applied.errors()) errors.push_back(e);
  }
  if (!errors.empty()) return errors;
  if (auto problems = validate(next); !problems.empty()) return problems;
  s = std::move(next);
  return Done{};
}

std::vector<Error> validate(const Scenario& s) {
  std::vector<Error> errors;
  for (const auto& key : keys()) {
    auto checked = check_value(key, key.get(s));
    for (const auto& e : checked.errors()) errors.push_back(e);
  }
  if (!errors.empty()) return errors;

  const auto& pool = s.pool;
  const auto& load = s.load;
  const bool endless = load.jobs == 0;

  if (endless && load.duration_s <= 0.0) {
    errors.push_back(error_at("load.duration_s",
                              "load.duration_s: an endless load (load.jobs = 0) needs "
                              "load.duration_s > 0 to know when to stop"));
  }
  if (load.arrival != Arrival::Constant && load.rate <= 0.0) {
    errors.push_back(error_at(
        "load.arrival", fmt::format("load.arrival: \"{}\" arrivals need load.rate > 0 (jobs per "
                                    "second); with rate 0 jobs come as fast as they are taken",
                                    name(load.arrival))));
  }
  if (load.rate > 0.0) {
    // One sender's gap, as arrival_gap computes it: a too small rate overflows the clock.
    const double per_gap = (load.arrival == Arrival::Burst ? load.burst_size : 1) *
                           static_cast<double>(pool.mode == Mode::Pool ? load.producers : 1);
    if (per_gap / load.rate > kMaxArrivalGapS) {
      errors.push_back(error_at(
          "load.rate",
          fmt::format("load.rate: {:g} jobs/s spaces arrivals {:.3g} s apart, more than the "
                      "{:g} s (11.6 days) allowed; allowed 0 (as fast as accepted) or at least "
                      "{:.3g} jobs/s",
                      load.rate, per_gap / load.rate, kMaxArrivalGapS, per_gap / kMaxArrivalGapS)));
    }
  }
  if (pool.fail_job != 0 && pool.mode != Mode::Errgroup) {
    errors.push_back(error_at(
        "pool.fail_job",
        fmt::format("pool.fail_job: {} needs pool.mode \"errgroup\" (mode is \"{}\"); only "
                    "errgroup jobs return errors, use 0 for no failing job",
                    pool.fail_job, name(pool.mode))));
  } else if (pool.fail_job != 0 && !endless && pool.fail_job > load.jobs) {
    errors.push_back(error_at(
        "pool.fail_job", fmt::format("pool.fail_job: {} is more than load.jobs ({}), so no job "
                                     "would fail (allowed 0..{})",
                                     pool.fail_job, load.jobs, load.jobs)));
  }

  if (pool.mode == Mode::Errgroup) return errors;
  const bool counted =
      pool.collect == Collect::AfterSend || pool.collect == Collect::ProducerGoroutine;
  if (pool.collect == Collect::None && pool.collect_count != kCollectAll) {
    errors.push_back(error_at("pool.collect_count",
                              fmt::format("pool.collect_count: {} has no effect with pool.collect "
                                          "\"none\", which collects nothing (use \"all\")",
                                          pool.collect_count)));
  } else if (pool.collect_count > 0 && !counted) {
    errors.push_back(
        error_at("pool.collect_count",
                 fmt::format("pool.collect_count: {} needs pool.collect \"after_send\" or "
                             "\"producer_goroutine\"; with {} main ranges until results is closed "
                             "(use \"all\")",
                             pool.collect_count, quoted(name(pool.collect)))));
  } else if (pool.collect_count > 0 && !endless && pool.collect_count > load.jobs) {
    errors.push_back(error_at(
        "pool.collect_count",
        fmt::format("pool.collect_count: {} is more than load.jobs ({}): main would wait for "
                    "results that never come (allowed -1..{} or \"all\")",
                    pool.collect_count, load.jobs, load.jobs)));
  }
  if (endless && pool.collect == Collect::AfterSend && pool.collect_count == kCollectAll) {
    errors.push_back(error_at(
        "pool.collect_count",
        "pool.collect_count: \"all\" is unknown before an endless load (load.jobs = 0) ends, "
        "and collect \"after_send\" must know how many results to receive; give a number, or "
        "use pool.collect \"closer_goroutine\""));
  }
  return errors;
}

}  // namespace poolscope::scenario
