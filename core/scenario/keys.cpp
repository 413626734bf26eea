#include "core/scenario/keys.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <type_traits>

#include "core/util/json_text.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::scenario {

namespace {

using nlohmann::json;

// The field that a chain of pointers to members reaches: field<&Scenario::pool,
// &PoolSettings::workers>(s) is s.pool.workers (const when s is).
template <auto First, auto... Rest, class T>
auto& field(T& object) {
  if constexpr (sizeof...(Rest) == 0) {
    return object.*First;
  } else {
    return field<Rest...>(object.*First);
  }
}
template <auto... Members>
using FieldType = std::remove_cvref_t<decltype(field<Members...>(std::declval<Scenario&>()))>;

constexpr std::int64_t kMaxSeed = std::numeric_limits<std::int64_t>::max();

template <auto... Members>
KeySpec integer(std::string_view path, std::int64_t lo, std::int64_t hi, std::string_view unit,
                std::string_view doc, std::span<const IntAlias> aliases = {}) {
  KeySpec k;
  k.path = path;
  k.type = KeyType::Integer;
  k.doc = doc;
  k.unit = unit;
  k.int_min = lo;
  k.int_max = hi;
  k.aliases = aliases;
  k.get = [](const Scenario& s) { return json(field<Members...>(s)); };
  k.set = [](Scenario& s, const json& v) { field<Members...>(s) = v.get<FieldType<Members...>>(); };
  return k;
}

template <auto... Members>
KeySpec number(std::string_view path, double lo, double hi, std::string_view unit,
               std::string_view doc) {
  KeySpec k;
  k.path = path;
  k.type = KeyType::Number;
  k.doc = doc;
  k.unit = unit;
  k.num_min = lo;
  k.num_max = hi;
  k.get = [](const Scenario& s) { return json(field<Members...>(s)); };
  k.set = [](Scenario& s, const json& v) { field<Members...>(s) = v.get<double>(); };
  return k;
}

template <auto... Members>
KeySpec boolean(std::string_view path, std::string_view doc) {
  KeySpec k;
  k.path = path;
  k.type = KeyType::Boolean;
  k.doc = doc;
  k.get = [](const Scenario& s) { return json(field<Members...>(s)); };
  k.set = [](Scenario& s, const json& v) { field<Members...>(s) = v.get<bool>(); };
  return k;
}

template <auto... Members>
KeySpec choice(std::string_view path, std::string_view doc) {
  using E = FieldType<Members...>;
  KeySpec k;
  k.path = path;
  k.type = KeyType::Choice;
  k.doc = doc;
  k.choices = names_of(E{});
  k.get = [](const Scenario& s) { return json(std::string(name(field<Members...>(s)))); };
  k.set = [](Scenario& s, const json& v) {
    field<Members...>(s) = parse_enum<E>(v.get<std::string>()).value();
  };
  return k;
}

template <auto... Members>
KeySpec text(std::string_view path, std::int64_t max_length, bool identifier, std::string_view doc,
             bool multiline = false) {
  KeySpec k;
  k.path = path;
  k.type = KeyType::Text;
  k.doc = doc;
  k.int_max = max_length;
  k.identifier = identifier;
  k.multiline = multiline;
  k.get = [](const Scenario& s) { return json(field<Members...>(s)); };
  k.set = [](Scenario& s, const json& v) { field<Members...>(s) = v.get<std::string>(); };
  return k;
}

constexpr std::array<IntAlias, 2> kCollectCountAliases{
    {{"all", kCollectAll}, {"until_closed", kCollectUntilClosed}}};

const auto kKeys = std::to_array<KeySpec>({
    text<&Scenario::id>("id", 64, true,
                        "A short name for the scenario: a preset's id, or your own "
                        "(letters a-z, digits, '-' and '_')."),
    text<&Scenario::title>("title", 120, false, "The scenario's title, shown in the window."),
    text<&Scenario::summary>("summary", 400, false, "One line on what the run shows."),
    text<&Scenario::source>("source", kMaxSourceBytes, false,
                            "The Go source of your own program (main.go). When it is set, "
                            "the run is that program, and the pool, load and work settings "
                            "are not used.",
                            true),
    integer<&Scenario::seed>("seed", 0, kMaxSeed, "",
                             "Random seed for arrivals and work times. The same seed gives "
                             "the same run, event for event."),

    choice<&Scenario::pool, &PoolSettings::mode>(
        "pool.mode",
        "How jobs run: \"pool\" = a fixed set of worker goroutines ranging over a jobs "
        "channel; \"unbounded\" = one goroutine per job; \"errgroup\" = errgroup.Group with "
        "SetLimit(workers)."),
    choice<&Scenario::pool, &PoolSettings::collect>(
        "pool.collect",
        "How main gathers results: \"after_send\" = send every job, then receive; "
        "\"wait_then_range\" = send, wg.Wait(), close(results), range; \"closer_goroutine\" = "
        "a goroutine closes results after wg.Wait() while main ranges; "
        "\"producer_goroutine\" = a goroutine sends the jobs while main ranges; \"none\" = "
        "main returns right after sending. Not used in errgroup mode."),
    integer<&Scenario::pool, &PoolSettings::collect_count>(
        "pool.collect_count", -1, 100'000'000, "results",
        "How many results main receives before it returns: \"all\" (or 0) = one per job, -1 "
        "(\"until_closed\") = range until results is closed, n = stop after n (collect "
        "\"after_send\" and \"producer_goroutine\" only). With \"wait_then_range\" and "
        "\"closer_goroutine\" main always ranges until results is closed: \"all\" and -1 "
        "mean the same there, and a number is refused.",
        kCollectCountAliases),
    integer<&Scenario::pool, &PoolSettings::workers>(
        "pool.workers", 1, 10'000, "goroutines",
        "Worker goroutines in the pool; in errgroup mode, the limit given to SetLimit. Not "
        "used in unbounded mode."),
    integer<&Scenario::pool, &PoolSettings::jobs_buffer>(
        "pool.jobs_buffer", 0, 1'000'000, "slots",
        "Capacity of the jobs channel: make(chan int, N). 0 = unbuffered, every send waits "
        "for a worker to receive it. Pool mode only."),
    integer<&Scenario::pool, &PoolSettings::results_buffer>(
        "pool.results_buffer", 0, 1'000'000, "slots",
        "Capacity of the results channel. 0 = unbuffered, every result waits for main to "
        "receive it. Not used in errgroup mode."),
    boolean<&Scenario::pool, &PoolSettings::close_jobs>(
        "pool.close_jobs",
        "Whether the sender calls close(jobs) after the last job, which is how workers leave "
        "their range loop. Pool mode only."),
    integer<&Scenario::pool, &PoolSettings::resource_limit>(
        "pool.resource_limit", 0, 10'000, "connections",
        "Connections of a downstream resource, such as a database pool, that each job holds "
        "while it works (a semaphore channel). 0 = no such resource."),
    integer<&Scenario::pool, &PoolSettings::cpus>(
        "pool.cpus", 1, 256, "CPUs",
        "CPUs the Go runtime may use at once (GOMAXPROCS); limits CPU-bound work only."),
    integer<&Scenario::pool, &PoolSettings::fail_job>(
        "pool.fail_job", 0, 100'000'000, "",
        "Errgroup mode: the job (1-based) that fails halfway through its work, cancelling the "
        "group's context. 0 = no job fails."),

    integer<&Scenario::load, &LoadSettings::jobs>(
        "load.jobs", 0, 100'000'000, "jobs",
        "Jobs per request. 0 = an endless stream that stops after load.duration_s."),
    number<&Scenario::load, &LoadSettings::rate>(
        "load.rate", 0.0, 1'000'000.0, "jobs/s",
        "Jobs arriving per second. 0 = as fast as the jobs channel accepts them."),
    choice<&Scenario::load, &LoadSettings::arrival>(
        "load.arrival",
        "Spacing of arrivals: \"constant\" = evenly spaced; \"poisson\" = random, "
        "exponentially distributed gaps; \"burst\" = load.burst_size jobs at once, then a "
        "pause. Poisson and burst need load.rate > 0."),
    integer<&Scenario::load, &LoadSettings::burst_size>(
        "load.burst_size", 1, 1'000'000, "jobs",
        "Jobs per burst when load.arrival is \"burst\"; bursts come every burst_size / rate "
        "seconds, so the average rate is still load.rate."),
    integer<&Scenario::load, &LoadSettings::producers>(
        "load.producers", 1, 1'000, "goroutines",
        "Goroutines sending jobs, each sending every producers-th job at rate / producers. "
        "Pool mode only."),
    integer<&Scenario::load, &LoadSettings::requests>(
        "load.requests", 1, 10'000, "requests",
        "How many times the whole handler runs in one program, like a server handling "
        "requests: leaked goroutines add up."),
    number<&Scenario::load, &LoadSettings::duration_s>(
        "load.duration_s", 0.0, 86'400.0, "s",
        "How long an endless load (load.jobs = 0) keeps sending jobs."),

    number<&Scenario::work, &WorkSettings::mean_ms>(
        "work.mean_ms", 0.0, 3'600'000.0, "ms",
        "Mean time one job's work takes. 0 = instantaneous work."),
    choice<&Scenario::work, &WorkSettings::dist>(
        "work.dist",
        "Distribution of work times: \"constant\" = always mean_ms; \"exponential\" = "
        "random with mean mean_ms; \"uniform\" = random between 0 and 2 x mean_ms."),
    choice<&Scenario::work, &WorkSettings::kind>(
        "work.kind",
        "\"io\" = the job waits (disk, network) and needs no CPU; \"cpu\" = the job keeps a "
        "CPU busy, so at most pool.cpus jobs progress at once."),
    integer<&Scenario::work, &WorkSettings::payload_kb>(
        "work.payload_kb", 0, 1'048'576, "KiB",
        "Memory each job holds while it is in work, such as an uploaded image."),
});

constexpr std::array<std::string_view, 3> kGroups{"pool", "load", "work"};

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::string:
      return util::short_dump(value) + " (a string)";
    case json::value_t::boolean:
      return util::short_dump(value) + " (a boolean)";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::null:
      return "null";
    default:
      return util::short_dump(value);
  }
}

std::string number_text(double x) { return fmt::format("{}", x); }

Error error_for(const KeySpec& key, std::string what) {
  return Error{std::string(key.path), fmt::format("{}: {}", key.path, what)};
}

Result<json> check_integer(const KeySpec& key, const json& value) {
  for (const auto& alias : key.aliases) {
    if (value.is_string() && value.get<std::string>() == alias.name) return json(alias.value);
  }
  std::int64_t v = 0;
  bool out_of_range = false;
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    out_of_range = u > static_cast<std::uint64_t>(key.int_max);
    v = out_of_range ? key.int_max : static_cast<std::int64_t>(u);
  } else if (value.is_number_integer()) {
    v = value.get<std::int64_t>();
  } else if (value.is_number_float() && std::isfinite(value.get<double>()) &&
             std::trunc(value.get<double>()) == value.get<double>()) {
    // A whole number written as a float ("5.0", "1e3"); beyond 2^53 a double no longer
    // holds every whole number, so those are out of range rather than "not whole".
    const double d = value.get<double>();
    out_of_range = std::abs(d) >= 9e15;
    v = out_of_range ? key.int_max : static_cast<std::int64_t>(d);
  } else {
    if (value.is_string() && !key.aliases.empty()) {
      return error_for(key, fmt::format("{} is not allowed (allowed {})", util::short_dump(value),
                                        key.allowed()));
    }
    const char* what = value.is_number_float() ? "is not a whole number" : "is not a number";
    return error_for(key, fmt::format("{} {} (allowed {})", describe(value), what, key.allowed()));
  }
  if (out_of_range || v < key.int_min || v > key.int_max) {
    return error_for(key, fmt::format("{} is out of range (allowed {})", util::short_dump(value),
                                      key.allowed()));
  }
  return json(v);
}

Result<json> check_number(const KeySpec& key, const json& value) {
  if (!value.is_number()) {
    return error_for(
        key, fmt::format("{} is not a number (allowed {})", describe(value), key.allowed()));
  }
  const double v = value.get<double>();
  if (!std::isfinite(v) || v < key.num_min || v > key.num_max) {
    return error_for(key, fmt::format("{} is out of range (allowed {})", util::short_dump(value),
                                      key.allowed()));
  }
  return json(v);
}

Result<json> check_choice(const KeySpec& key, const json& value) {
  if (!value.is_string()) {
    return error_for(key,
                     fmt::format("{} is not allowed (allowed {})", describe(value), key.allowed()));
  }
  const auto s = value.get<std::string>();
  if (std::find(key.choices.begin(), key.choices.end(), s) != key.choices.end()) return value;
  std::string message =
      fmt::format("{} is not allowed (allowed {})", util::short_dump(value), key.allowed());
  if (const auto near = nearest(s, key.choices)) {
    message += fmt::format("; did you mean \"{}\"?", *near);
  }
  return error_for(key, std::move(message));
}

Result<json> check_text(const KeySpec& key, const json& value) {
  if (!value.is_string()) {
    return error_for(
        key, fmt::format("{} is not a string (allowed {})", describe(value), key.allowed()));
  }
  const auto& s = value.get_ref<const std::string&>();
  if (const std::size_t bad = util::invalid_utf8_at(s); bad != std::string::npos) {
    return error_for(key,
                     fmt::format("\"{}\" is not UTF-8 text (byte 0x{:02X} at byte {}); "
                                 "write it in UTF-8",
                                 util::printable(s), static_cast<unsigned char>(s[bad]), bad + 1));
  }
  if (static_cast<std::int64_t>(s.size()) > key.int_max) {
    return error_for(key, fmt::format("a text of {} characters is too long (allowed {})", s.size(),
                                      key.allowed()));
  }
  const auto control = [&key](char c) {
    return static_cast<unsigned char>(c) < 0x20 &&
           !(key.multiline && (c == '\n' || c == '\t' || c == '\r'));
  };
  if (std::any_of(s.begin(), s.end(), control)) {
    return error_for(key, fmt::format("{} contains a line break or another control character, "
                                      "which is not allowed (allowed {})",
                                      util::short_dump(value), key.allowed()));
  }
  if (key.identifier) {
    const bool valid = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!valid) {
      return error_for(key, fmt::format("{} is not allowed (allowed {})", util::short_dump(value),
                                        key.allowed()));
    }
  }
  return value;
}

}  // namespace

std::string_view KeySpec::group() const noexcept {
  const auto dot = path.find('.');
  return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
}

std::string_view KeySpec::leaf() const noexcept {
  const auto dot = path.find('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

std::string KeySpec::allowed() const {
  switch (type) {
    case KeyType::Integer: {
      std::string out = fmt::format("{}..{}", int_min, int_max);
      for (const auto& alias : aliases) {
        out += fmt::format(", or \"{}\" for {}", alias.name, alias.value);
      }
      return out;
    }
    case KeyType::Number:
      return fmt::format("{}..{}", number_text(num_min), number_text(num_max));
    case KeyType::Boolean:
      return "true or false";
    case KeyType::Choice: {
      std::string out;
      for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
        out += fmt::format("\"{}\"", choices[i]);
      }
      return out;
    }
    case KeyType::Text:
      if (multiline) return fmt::format("UTF-8 text of at most {} bytes", int_max);
      return identifier ? fmt::format("1 to {} of a-z, 0-9, '-' and '_'", int_max)
                        : fmt::format("one line of at most {} characters", int_max);
  }
  return {};
}

std::span<const KeySpec> keys() noexcept { return kKeys; }

const KeySpec* find_key(std::string_view path) noexcept {
  for (const auto& k : kKeys) {
    if (k.path == path) return &k;
  }
  return nullptr;
}

std::span<const std::string_view> key_groups() noexcept { return kGroups; }

Result<json> check_value(const KeySpec& key, const json& value) {
  switch (key.type) {
    case KeyType::Integer:
      return check_integer(key, value);
    case KeyType::Number:
      return check_number(key, value);
    case KeyType::Boolean:
      if (value.is_boolean()) return value;
      return error_for(key,
                       fmt::format("{} is not allowed (allowed true or false)", describe(value)));
    case KeyType::Choice:
      return check_choice(key, value);
    case KeyType::Text:
      return check_text(key, value);
  }
  return error_for(key, "unknown key type");
}

Result<json> parse_value_text(const KeySpec& key, std::string_view text) {
  // A JSON literal is taken as such ("5", "true", "\"x\"", "2.5"); anything else is a
  // bare word, which is what a learner types for names: pool.mode=errgroup.
  if (const std::size_t bad = util::invalid_utf8_at(text); bad != std::string_view::npos) {
    return error_for(
        key, fmt::format("\"{}\" is not UTF-8 text (byte 0x{:02X} at byte {}); "
                         "write the value in UTF-8",
                         util::printable(text), static_cast<unsigned char>(text[bad]), bad + 1));
  }
  auto parsed = util::parse_json<json>(text, {.max_depth = 1, .max_keys = 0, .comments = false});
  json value = parsed.ok ? std::move(parsed.value) : json(std::string(text));
  if (value.is_object() || value.is_array()) value = json(std::string(text));
  if ((key.type == KeyType::Text || key.type == KeyType::Choice) && !value.is_string()) {
    value = json(std::string(text));
  }
  return check_value(key, value);
}

json saved_value(const KeySpec& key, const Scenario& s) {
  json value = key.get(s);
  for (const auto& alias : key.aliases) {
    if (value.is_number_integer() && value.get<std::int64_t>() == alias.value) {
      return json(std::string(alias.name));
    }
  }
  return value;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string_view> nearest(std::string_view word,
                                        std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto candidate : candidates) {
    // The distance is at least the difference in length: a word far longer than every
    // candidate (a 10 MB value) is no typo, and is not compared letter by letter.
    const std::size_t longer = std::max(word.size(), candidate.size());
    const std::size_t shorter = std::min(word.size(), candidate.size());
    if (longer - shorter > std::max<std::size_t>(2, candidate.size() / 3)) continue;
    const auto d = edit_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(2, best->size() / 3);
  return best_distance <= limit ? best : std::nullopt;
}

}  // namespace poolscope::scenario
