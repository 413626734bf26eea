// The table of Summary fields (core/pool/summary_fields): names, kinds and values.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <variant>

#include "core/pool/summary_fields.hpp"
#include "tests/pool/pool_support.hpp"

using namespace poolscope;

TEST_CASE("Summary fields: every name is unique and found, with a description") {
  std::set<std::string_view> names;
  for (const pool::SummaryField& f : pool::summary_fields()) {
    CAPTURE(f.name);
    CHECK(names.insert(f.name).second);
    CHECK(!f.description.empty());
    CHECK((f.get != nullptr));
    CHECK(pool::find_summary_field(f.name) == &f);
  }
  CHECK(names.size() == 24);
  CHECK(pool::find_summary_field("nope") == nullptr);
  CHECK(pool::find_summary_field("") == nullptr);
}

TEST_CASE("Summary fields: each reads its own member of a real run") {
  const pool::Summary s = pool::run_to_end(pool_test::preset("hello-pool"));
  const auto value = [&s](std::string_view name) {
    const pool::SummaryField* f = pool::find_summary_field(name);
    REQUIRE(f != nullptr);
    return f->get(s);
  };
  CHECK(std::get<std::string>(value("outcome")) == "completed");
  CHECK(std::get<std::int64_t>(value("results")) == 5);
  CHECK(std::get<std::int64_t>(value("jobs_sent")) == 5);
  CHECK(std::get<std::int64_t>(value("max_concurrent")) == 3);
  CHECK(std::get<std::int64_t>(value("peak_goroutines")) == 4);
  CHECK(std::get<std::int64_t>(value("peak_memory_bytes")) == 4 * pool::kGoroutineStackBytes);
  CHECK(std::get<double>(value("virtual_ms")) == doctest::Approx(2000));
  CHECK(std::get<double>(value("throughput_per_s")) == doctest::Approx(2.5));
  CHECK(std::get<double>(value("latency_p99_ms")) == doctest::Approx(2000));
  CHECK(std::get<std::uint64_t>(value("events")) == s.events);
  const std::string hash = std::get<std::string>(value("event_hash"));
  CHECK(hash.size() == 16);
  CHECK(std::stoull(hash, nullptr, 16) == s.event_hash);
  CHECK(std::get<std::string>(value("error")).empty());
}

TEST_CASE("Summary fields: lesson figures are whole numbers, sweep columns start with outcome") {
  const pool::Summary s = pool::run_to_end(pool_test::preset("errgroup-limit"));
  int lesson = 0;
  for (const pool::SummaryField& f : pool::summary_fields()) {
    CAPTURE(f.name);
    if (f.lesson) {
      ++lesson;
      CHECK(std::holds_alternative<std::int64_t>(f.get(s)));
    }
  }
  CHECK(lesson == 10);
  CHECK(std::get<std::int64_t>(pool::find_summary_field("failed")->get(s)) == s.failed);
  CHECK(std::get<std::int64_t>(pool::find_summary_field("skipped")->get(s)) == s.skipped);
  CHECK(pool::summary_fields().front().name == "outcome");
  CHECK(pool::summary_fields().front().sweep);
}
