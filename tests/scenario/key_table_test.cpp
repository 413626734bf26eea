#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/scenario/keys.hpp"

using namespace poolscope::scenario;

TEST_CASE("Key table: holds every setting of issue 4 once, with help text") {
  const std::set<std::string> expected{"id",
                                       "title",
                                       "summary",
                                       "source",
                                       "seed",
                                       "pool.mode",
                                       "pool.collect",
                                       "pool.collect_count",
                                       "pool.workers",
                                       "pool.jobs_buffer",
                                       "pool.results_buffer",
                                       "pool.close_jobs",
                                       "pool.resource_limit",
                                       "pool.cpus",
                                       "pool.fail_job",
                                       "load.jobs",
                                       "load.rate",
                                       "load.arrival",
                                       "load.burst_size",
                                       "load.producers",
                                       "load.requests",
                                       "load.duration_s",
                                       "work.mean_ms",
                                       "work.dist",
                                       "work.kind",
                                       "work.payload_kb"};
  std::set<std::string> found;
  for (const auto& k : keys()) {
    CHECK_MESSAGE(found.insert(std::string(k.path)).second, "duplicate key ", k.path);
    CHECK_MESSAGE(k.doc.size() > 20, "key without help text: ", k.path);
    CHECK(static_cast<bool>(k.get));
    CHECK(static_cast<bool>(k.set));
  }
  CHECK(found == expected);
}

TEST_CASE("Key table: every key reads back what it writes") {
  Scenario s;
  for (const auto& k : keys()) {
    const auto value = k.get(s);
    Scenario copy;
    k.set(copy, value);
    CHECK_MESSAGE(k.get(copy) == value, k.path);
  }
}

TEST_CASE("Key table: allowed() reads like a sentence") {
  CHECK(find_key("pool.workers")->allowed() == "1..10000");
  CHECK(find_key("work.kind")->allowed() == "\"io\" or \"cpu\"");
  CHECK(find_key("pool.mode")->allowed() == "\"pool\", \"unbounded\" or \"errgroup\"");
  CHECK(find_key("pool.close_jobs")->allowed() == "true or false");
  CHECK(find_key("load.rate")->allowed() == "0..1000000");
}

TEST_CASE("Key table: check_value names the key, the value and what is allowed") {
  const auto& workers = *find_key("pool.workers");
  CHECK(check_value(workers, 0).message() == "pool.workers: 0 is out of range (allowed 1..10000)");
  CHECK(check_value(workers, 2.5).message() ==
        "pool.workers: 2.5 is not a whole number (allowed 1..10000)");
  CHECK(check_value(workers, "three").message() ==
        "pool.workers: \"three\" (a string) is not a number (allowed 1..10000)");
  CHECK(check_value(workers, 4.0).value() == 4);
  CHECK(check_value(*find_key("pool.mode"), "pools").message() ==
        "pool.mode: \"pools\" is not allowed (allowed \"pool\", \"unbounded\" or "
        "\"errgroup\"); did you mean \"pool\"?");
  CHECK(check_value(*find_key("pool.close_jobs"), 1).message() ==
        "pool.close_jobs: 1 is not allowed (allowed true or false)");
  CHECK(check_value(*find_key("id"), "Hello Pool").message() ==
        "id: \"Hello Pool\" is not allowed (allowed 1 to 64 of a-z, 0-9, '-' and '_')");
  CHECK(check_value(*find_key("seed"), 18446744073709551615ULL).message() ==
        "seed: 18446744073709551615 is out of range (allowed 0..9223372036854775807)");
}

TEST_CASE("Key table: named integer values are accepted and saved by name") {
  const auto& count = *find_key("pool.collect_count");
  CHECK(check_value(count, "all").value() == kCollectAll);
  CHECK(check_value(count, "until_closed").value() == kCollectUntilClosed);
  CHECK(check_value(count, "most").message() ==
        "pool.collect_count: \"most\" is not allowed (allowed -1..100000000, or \"all\" for 0, "
        "or \"until_closed\" for -1)");
  Scenario s;
  CHECK(saved_value(count, s) == "all");
  s.pool.collect_count = 3;
  CHECK(saved_value(count, s) == 3);
}

TEST_CASE("Key table: nearest() suggests only likely typos") {
  const std::string_view names[] = {"pool.workers", "pool.jobs_buffer", "load.jobs"};
  CHECK(nearest("pool.worker", names).value() == "pool.workers");
  CHECK(nearest("pool.wrokers", names).value() == "pool.workers");
  CHECK_FALSE(nearest("banana", names).has_value());
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("Key table: texts are one line, so they fit in a Go comment") {
  CHECK(check_value(*find_key("title"), "two\nlines").message() ==
        "title: \"two\\nlines\" contains a line break or another control character, which is not "
        "allowed (allowed one line of at most 120 characters)");
  CHECK(check_value(*find_key("summary"), "one line, with \"quotes\"").ok());
}
