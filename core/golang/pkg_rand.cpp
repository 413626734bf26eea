// Package math/rand, seeded from the run's seed (so a run repeats exactly): Intn, Int,
// Int31n, Int63, Int63n, Float64, Perm, Shuffle, Seed. The draws are the simulator's
// generator's, not Go's: programs that print random numbers differ from real Go.
#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

std::int64_t below(Machine& m, std::int64_t n, const char* fn) {
  if (n <= 0) m.panic_plain_error(std::string("invalid argument to ") + fn);
  return static_cast<std::int64_t>(m.rand_rng.below(static_cast<std::uint64_t>(n)));
}

Task shuffle(Machine& m, LibCall& lc) {
  const std::int64_t n = lc.args[0].i;
  if (n < 0) m.panic_plain_error("invalid argument to Shuffle");
  for (std::int64_t i = n - 1; i > 0; --i) {
    const std::int64_t j =
        static_cast<std::int64_t>(m.rand_rng.below(static_cast<std::uint64_t>(i + 1)));
    std::vector<Value> results;
    std::vector<Value> args;  // (a braced list inside co_await trips GCC 12)
    args.push_back(Value::of_int(i));
    args.push_back(Value::of_int(j));
    co_await m.call(lc.args[1], std::move(args), results, lc.line);
  }
}

}  // namespace

void add_rand(LibTable& t) {
  t["rand.Seed"].plain = [](Machine& m, LibCall& lc) {
    m.rand_rng.reseed(static_cast<std::uint64_t>(lc.args[0].i));
  };
  t["rand.Int"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(static_cast<std::int64_t>(m.rand_rng.next() >> 1))};
  };
  t["rand.Int63"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(static_cast<std::int64_t>(m.rand_rng.next() >> 1))};
  };
  t["rand.Int31"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(static_cast<std::int64_t>(m.rand_rng.next() >> 33))};
  };
  t["rand.Intn"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(below(m, lc.args[0].i, "Intn"))};
  };
  t["rand.Int63n"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(below(m, lc.args[0].i, "Int63n"))};
  };
  t["rand.Int31n"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(below(m, lc.args[0].i, "Int31n"))};
  };
  t["rand.Float64"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_float(m.rand_rng.uniform())};
  };
  t["rand.Perm"].plain = [](Machine& m, LibCall& lc) {
    const std::int64_t n = lc.args[0].i;
    if (n < 0) m.panic_plain_error("invalid argument to Perm");
    auto* agg = new AggregateObj;
    for (std::int64_t i = 0; i < n; ++i) agg->items.push_back(Value::of_int(i));
    for (std::int64_t i = n - 1; i > 0; --i) {
      const auto j = static_cast<std::size_t>(m.rand_rng.below(static_cast<std::uint64_t>(i + 1)));
      std::swap(agg->items[static_cast<std::size_t>(i)], agg->items[j]);
    }
    Value v;
    v.obj = agg;
    v.len = v.cap = static_cast<std::uint32_t>(n);
    lc.results = {v};
  };
  t["rand.Shuffle"].async = shuffle;
}

}  // namespace poolscope::golang
