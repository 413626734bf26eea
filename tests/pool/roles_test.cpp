// The program declares what every goroutine and channel is as it spawns or makes it;
// the declarations agree with the names the listing gives them.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tests/pool/pool_support.hpp"
#include "tests/support/builtin_presets.hpp"

using namespace poolscope;
using pool::ChannelUse;
using pool::Role;
using pool_test::preset;

namespace {

Role role_named(std::string_view name) {
  static const std::map<std::string_view, Role> roles{
      {"main", Role::Main},     {"producer", Role::Producer}, {"sender", Role::Producer},
      {"worker", Role::Worker}, {"job", Role::Job},           {"closer", Role::Closer}};
  const auto it = roles.find(name);
  return it != roles.end() ? it->second : Role::Other;
}

ChannelUse use_named(std::string_view name) {
  static const std::map<std::string_view, ChannelUse> uses{{"jobs", ChannelUse::Jobs},
                                                           {"results", ChannelUse::Results},
                                                           {"db", ChannelUse::Db},
                                                           {"g.sem", ChannelUse::Limit}};
  const auto it = uses.find(name);
  return it != uses.end() ? it->second : ChannelUse::Other;
}

// Runs `s` for a while and checks every goroutine and channel it made.
void check_roles(const scenario::Scenario& s, bool resizable = false) {
  pool::PoolRun run(s, {.resizable = resizable});
  run.run(20 * trace::kSecond);
  if (resizable) {
    run.set_workers(5);
    run.set_workers(2);
    run.run(40 * trace::kSecond);
  }
  const trace::Snapshot snap = run.runtime().snapshot();
  const trace::StringTable& strings = run.runtime().strings();
  REQUIRE(!snap.goroutines.empty());
  for (const trace::GoroutineView& g : snap.goroutines) {
    const std::string_view name = strings.str(g.name);
    CAPTURE(name);
    CHECK(run.roles().role(g.id) == role_named(name));
    CHECK(run.roles().role(g.id) != Role::Other);
  }
  for (const trace::ChannelView& c : snap.channels) {
    const std::string_view name = strings.str(c.name);
    CAPTURE(name);
    CHECK(run.roles().use(c.id) == use_named(name));
  }
}

}  // namespace

TEST_CASE("Pool.Roles: in every preset, each goroutine and channel is declared for what it is") {
  for (const auto& p : test::builtin_presets()) {
    CAPTURE(p.id);
    scenario::Scenario s = p;
    s.load.jobs = std::min(s.load.jobs, 200);
    s.load.duration_s = std::min(s.load.duration_s, 3.0);
    check_roles(s);
  }
}

TEST_CASE("Pool.Roles: producers, senders, closers, the db and errgroup's limit are declared") {
  const std::vector<std::vector<std::string>> variants{
      {"pool.collect=closer_goroutine", "load.producers=3", "pool.resource_limit=2"},
      {"pool.collect=producer_goroutine", "load.producers=2", "load.requests=2"},
      {"pool.mode=unbounded", "pool.collect=producer_goroutine", "pool.resource_limit=1"},
      {"pool.mode=unbounded", "pool.collect=closer_goroutine"},
      {"pool.mode=errgroup", "pool.fail_job=2", "pool.resource_limit=1"},
  };
  for (const auto& sets : variants) {
    std::string label;
    for (const auto& s : sets) label += s + " ";
    CAPTURE(label);
    check_roles(preset("hello-pool", sets));
  }
}

TEST_CASE("Pool.Roles: workers added live are declared too") {
  check_roles(preset("backpressure"), true);
}

TEST_CASE("Pool.Roles: an id never declared is Other") {
  pool::Roles roles;
  roles.set_role(3, Role::Worker);
  roles.set_use(2, ChannelUse::Jobs);
  CHECK(roles.role(3) == Role::Worker);
  CHECK(roles.role(1) == Role::Other);
  CHECK(roles.role(0) == Role::Other);
  CHECK(roles.role(4) == Role::Other);
  CHECK(roles.use(2) == ChannelUse::Jobs);
  CHECK(roles.use(1) == ChannelUse::Other);
  CHECK(roles.use(9) == ChannelUse::Other);
}
