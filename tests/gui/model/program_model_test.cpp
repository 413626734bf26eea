// The program model: a learner's own Go program, run on the simulator, read as columns of
// goroutines, channels and what each blocked goroutine waits on.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/gui/model/program_model.hpp"
#include "tests/gui/model/program_run.hpp"

using namespace poolscope;
using namespace poolscope::gui;
using poolscope::gui::testing::GoRun;

namespace {

constexpr const char* kPool = R"(package main

import (
	"fmt"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(time.Second)
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	for a := 1; a <= 9; a++ {
		fmt.Println(<-results)
	}
}
)";

constexpr const char* kPipeline = R"(package main

import (
	"fmt"
	"time"
)

func gen(n int, out chan<- int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func sq(in <-chan int, out chan<- int) {
	for v := range in {
		time.Sleep(100 * time.Millisecond)
		out <- v * v
	}
	close(out)
}

func main() {
	nums := make(chan int)
	squares := make(chan int)
	go gen(5, nums)
	go sq(nums, squares)
	for s := range squares {
		fmt.Println(s)
	}
}
)";

constexpr const char* kDeadlock = R"(package main

import "sync"

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- 1
	}()
	wg.Wait()
	<-ch
}
)";

constexpr const char* kLeak = R"(package main

import "fmt"

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func(v int) {
			ch <- v
		}(i)
	}
	fmt.Println(<-ch > -1)
}
)";

constexpr const char* kMutex = R"(package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			time.Sleep(time.Second)
			mu.Unlock()
		}()
	}
	wg.Wait()
}
)";

constexpr const char* kSelect = R"(package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int)
	b := make(chan string)
	go func() {
		time.Sleep(time.Second)
		a <- 1
	}()
	select {
	case v := <-a:
		fmt.Println(v)
	case s := <-b:
		fmt.Println(s)
	}
}
)";

std::vector<std::string> titles(const ProgramModel& m) {
  std::vector<std::string> out;
  for (const ProgramColumn& c : m.columns) out.push_back(c.title);
  return out;
}

std::vector<ColumnRole> roles(const ProgramModel& m) {
  std::vector<ColumnRole> out;
  for (const ProgramColumn& c : m.columns) out.push_back(c.role);
  return out;
}

const ProgramChannel& channel_named(const ProgramModel& m, const std::string& name) {
  const auto it = std::find_if(m.channels.begin(), m.channels.end(),
                               [&](const ProgramChannel& c) { return c.name == name; });
  REQUIRE_MESSAGE(it != m.channels.end(), "no channel " << name);
  return *it;
}

std::vector<const ProgramArrow*> arrows_from(const ProgramModel& m, trace::GoroutineId g) {
  std::vector<const ProgramArrow*> out;
  for (const ProgramArrow& a : m.arrows) {
    if (a.from == g) out.push_back(&a);
  }
  return out;
}

const ProgramCard* card_named(const ProgramModel& m, const std::string& name) {
  for (const ProgramColumn& col : m.columns) {
    for (const ProgramCard& c : col.cards) {
      if (c.name == name) return &c;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("ProgramModel: a worker pool reads producer -> jobs -> workers -> results -> collector") {
  GoRun run(kPool);
  const ProgramModel m = run.at(2.5);
  REQUIRE(m.shape.pool());
  CHECK(titles(m) == std::vector<std::string>{"main", "worker", "main"});
  CHECK(roles(m) ==
        std::vector<ColumnRole>{ColumnRole::Producers, ColumnRole::Workers, ColumnRole::Collector});
  const ProgramChannel& jobs = channel_named(m, "jobs");
  const ProgramChannel& results = channel_named(m, "results");
  CHECK(m.shape.jobs == jobs.id);
  CHECK(m.shape.results == results.id);
  CHECK(jobs.cap == 5);
  CHECK(results.cap == 5);
  // The channels stand between the columns, in the order a job travels.
  CHECK(jobs.gap == 1);
  CHECK(results.gap == 2);
  REQUIRE(m.columns[1].cards.size() == 3);
  CHECK(m.columns[1].cards[0].name == "worker 1");
  // By 2.5 s main closed jobs and collects: its card stands at the collector.
  CHECK(m.columns[0].cards.empty());
  REQUIRE(m.columns[2].cards.size() == 1);
  CHECK(m.columns[2].cards[0].name == "main");
  CHECK(jobs.closed);
}

TEST_CASE(
    "ProgramModel: a pool's main blocked on a full jobs channel is a producer with its value") {
  GoRun run(kPool);
  const ProgramModel m = run.at(0.5);
  const ProgramChannel& jobs = channel_named(m, "jobs");
  // Workers hold jobs 1-3 (sleeping), 4-8 fill the buffer, main waits to send 9.
  CHECK(jobs.buffer == std::vector<std::int64_t>{4, 5, 6, 7, 8});
  REQUIRE(jobs.senders.size() == 1);
  CHECK(jobs.senders[0].value == 9);
  const ProgramCard* main = m.card(1);
  REQUIRE(main != nullptr);
  CHECK(main->look == Look::BlockedSend);
  CHECK(main->sending);
  CHECK(main->value == 9);
  CHECK(main->waits_on == "send on jobs");
  CHECK(m.column_of(1) == 0);
  const auto arrows = arrows_from(m, 1);
  REQUIRE(arrows.size() == 1);
  CHECK(arrows[0]->kind == WaitKind::ChanSend);
  CHECK(arrows[0]->to == ObjectRef{ObjectKind::Channel, jobs.id});
  // A sleeping worker of a pool is at work; its arrow goes to the clock.
  const ProgramCard* w1 = card_named(m, "worker 1");
  REQUIRE(w1 != nullptr);
  CHECK(w1->look == Look::Working);
  CHECK(w1->progress == doctest::Approx(0.5));
  // Tokens: five in slots, one in main's hand, each with its value's text.
  CHECK(std::any_of(m.tokens.begin(), m.tokens.end(), [](const ValueToken& t) {
    return t.place == TokenPlace::Hand && t.text == "9";
  }));
  CHECK(std::count_if(m.tokens.begin(), m.tokens.end(),
                      [](const ValueToken& t) { return t.place == TokenPlace::Slot; }) == 5);
  CHECK(std::count_if(m.tokens.begin(), m.tokens.end(),
                      [](const ValueToken& t) { return t.place == TokenPlace::Hand; }) == 1);
}

TEST_CASE("ProgramModel: idle workers of a pool wait for a job, not blocked") {
  GoRun run(R"(package main

import "time"

func worker(jobs <-chan int, done chan<- bool) {
	for range jobs {
		done <- true
	}
}

func main() {
	jobs := make(chan int)
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go worker(jobs, done)
	}
	jobs <- 1
	<-done
	time.Sleep(time.Second)
	close(jobs)
}
)");
  const ProgramModel m = run.at(0.5);
  REQUIRE(m.shape.pool());
  const ProgramColumn& workers = m.columns[static_cast<std::size_t>(m.column_of(2))];
  CHECK(workers.role == ColumnRole::Workers);
  REQUIRE(workers.cards.size() == 4);
  for (const ProgramCard& c : workers.cards) CHECK(c.look == Look::Idle);
}

TEST_CASE("ProgramModel: a pool seen once stays a pool in a snapshot that shows no use") {
  GoRun run(kPool);
  const ProgramModel first = run.at(2.5);
  REQUIRE(first.shape.pool());
  const ProgramModel alone = run.model_without_usage(&first);
  CHECK(alone.shape == first.shape);
}

TEST_CASE("ProgramModel: one worker fed by main is a pool of one, drawn as the pool of three") {
  std::string one = kPool;
  one.replace(one.find("w <= 3"), 6, "w <= 1");
  GoRun run(one);
  const ProgramModel m = run.at(6.5);  // main collects, the worker works on job 7
  REQUIRE(m.shape.pool());
  CHECK(roles(m) ==
        std::vector<ColumnRole>{ColumnRole::Producers, ColumnRole::Workers, ColumnRole::Collector});
  REQUIRE(m.columns[1].cards.size() == 1);
  CHECK(m.columns[1].cards[0].look == Look::Working);  // its sleep is its work, as for three
}

TEST_CASE("ProgramModel: a pipeline reads gen -> nums -> sq -> squares -> main") {
  GoRun run(kPipeline);
  const ProgramModel m = run.at(0.25);
  CHECK_FALSE(m.shape.pool());
  CHECK(titles(m) == std::vector<std::string>{"gen", "sq", "main"});
  CHECK(channel_named(m, "nums").gap == 1);
  CHECK(channel_named(m, "squares").gap == 2);
  CHECK(channel_named(m, "nums").cap == 0);
}

TEST_CASE(
    "ProgramModel: a deadlock shows every goroutine blocked, arrows to channel and WaitGroup") {
  GoRun run(kDeadlock);
  const ProgramModel m = run.at_end();
  CHECK(m.outcome == trace::Outcome::Deadlock);
  CHECK(m.leaked == 0);
  REQUIRE(m.columns.size() == 2);
  const ProgramCard* main = m.card(1);
  REQUIRE(main != nullptr);
  CHECK(main->state == trace::GoState::BlockedWaitGroup);
  const auto main_arrows = arrows_from(m, 1);
  REQUIRE(main_arrows.size() == 1);
  CHECK(main_arrows[0]->kind == WaitKind::WaitGroup);
  CHECK(main_arrows[0]->to.kind == ObjectKind::WaitGroup);
  REQUIRE(std::any_of(m.syncs.begin(), m.syncs.end(), [](const ProgramSync& s) {
    return s.ref.kind == ObjectKind::WaitGroup && s.counter == 1 &&
           s.waiters == std::vector<trace::GoroutineId>{1};
  }));
  const auto lit_arrows = arrows_from(m, 2);
  REQUIRE(lit_arrows.size() == 1);
  CHECK(lit_arrows[0]->kind == WaitKind::ChanSend);
  const ProgramChannel& ch = channel_named(m, "ch");
  CHECK(lit_arrows[0]->to == ObjectRef{ObjectKind::Channel, ch.id});
  REQUIRE(ch.senders.size() == 1);
  CHECK(ch.senders[0].goroutine == 2);
  CHECK(m.card(2)->look == Look::BlockedSend);
  // A function literal's column is named after its enclosing function and line.
  CHECK(m.columns[static_cast<std::size_t>(m.column_of(2))].title.rfind("main:", 0) == 0);
}

TEST_CASE("ProgramModel: goroutines blocked after main returned are leaked, and main is no card") {
  GoRun run(kLeak);
  const ProgramModel m = run.at_end();
  CHECK(m.outcome == trace::Outcome::Completed);
  CHECK(m.main_exited);
  CHECK(m.leaked == 2);
  CHECK(m.card(1) == nullptr);
  const auto main = std::find_if(m.columns.begin(), m.columns.end(),
                                 [](const ProgramColumn& c) { return c.title == "main"; });
  REQUIRE(main != m.columns.end());
  CHECK(main->exited == 1);
  CHECK(main->cards.empty());
  // The senders stand left of main, who received from them.
  CHECK(m.columns.front().title.rfind("main:", 0) == 0);
  int leaked = 0;
  for (const ProgramColumn& col : m.columns) {
    for (const ProgramCard& c : col.cards) {
      CHECK(c.look == Look::Leaked);
      CHECK(c.state == trace::GoState::BlockedSend);
      ++leaked;
    }
  }
  CHECK(leaked == 2);
  CHECK(channel_named(m, "ch").senders.size() == 2);
  CHECK(m.arrows.size() == 2);
}

TEST_CASE("ProgramModel: goroutines waiting for a mutex point at it, and its holder sleeps") {
  GoRun run(kMutex);
  const ProgramModel m = run.at(0.5);
  const auto mu = std::find_if(m.syncs.begin(), m.syncs.end(), [](const ProgramSync& s) {
    return s.ref.kind == ObjectKind::Mutex;
  });
  REQUIRE(mu != m.syncs.end());
  // The interpreter does not name sync values (yet): a mutex is called by its number.
  CHECK(mu->name == "mutex 1");
  CHECK(mu->holder != 0);
  CHECK(mu->waiters.size() == 2);
  int waiting = 0;
  for (const ProgramArrow& a : m.arrows) {
    if (a.kind != WaitKind::Mutex) continue;
    CHECK(a.to == mu->ref);
    CHECK(m.card(a.from)->look == Look::WaitingResource);
    CHECK(m.card(a.from)->waits_on == "lock mutex 1");
    ++waiting;
  }
  CHECK(waiting == 2);
  // The holder sleeps: an arrow to the clock.
  const auto sleeps = arrows_from(m, mu->holder);
  REQUIRE(sleeps.size() == 1);
  CHECK(sleeps[0]->kind == WaitKind::Sleep);
  CHECK(m.card(mu->holder)->look == Look::Sleeping);
  CHECK(arrows_from(m, 1).at(0)->kind == WaitKind::WaitGroup);
}

TEST_CASE("ProgramModel: a blocked select has one arrow per case channel") {
  GoRun run(kSelect);
  const ProgramModel m = run.at(0.5);
  const ProgramCard* main = m.card(1);
  REQUIRE(main != nullptr);
  CHECK(main->state == trace::GoState::BlockedSelect);
  CHECK(main->waits_on == "select on recv a, recv b");
  const auto arrows = arrows_from(m, 1);
  REQUIRE(arrows.size() == 2);
  CHECK(arrows[0]->kind == WaitKind::Select);
  CHECK(arrows[1]->kind == WaitKind::Select);
  CHECK(arrows[0]->to == ObjectRef{ObjectKind::Channel, channel_named(m, "a").id});
  CHECK(arrows[1]->to == ObjectRef{ObjectKind::Channel, channel_named(m, "b").id});
  CHECK(channel_named(m, "a").receivers.size() == 1);
  CHECK(channel_named(m, "b").receivers.size() == 1);
}

TEST_CASE("ProgramModel: a value that leaves a sender's hand for a waiting receiver goes to it") {
  GoRun run(kSelect);
  // main waits on a; say goroutine 2 is blocked sending 1 on a, then hands it over.
  ProgramModel before = run.at(0.5);
  ProgramModel after = before;
  const trace::ChannelId a = channel_named(before, "a").id;
  before.tokens.push_back({0x8000'0000'0000'0001ULL, 1, "1", a, TokenPlace::Hand, 0, 2});
  for (ProgramChannel& c : after.channels) {
    if (c.id == a) c.receivers.clear();
  }
  const std::vector<TokenTrip> trips = token_trips(before, after);
  REQUIRE(trips.size() == 1);
  CHECK_FALSE(trips[0].appeared);
  CHECK(trips[0].to == 1);
}

TEST_CASE("ProgramModel: a value that moves from a sender's hand into a slot continues its token") {
  GoRun run(kPool);
  const ProgramModel before = run.at(0.5);  // main holds 9, jobs is full
  const ProgramModel after = run.at(1.01);  // workers took jobs: 9 moved into the buffer
  const std::vector<TokenTrip> trips = token_trips(before, after);
  const auto hand = std::find_if(before.tokens.begin(), before.tokens.end(),
                                 [](const ValueToken& t) { return t.place == TokenPlace::Hand; });
  REQUIRE(hand != before.tokens.end());
  const auto nine = std::find_if(after.tokens.begin(), after.tokens.end(),
                                 [](const ValueToken& t) { return t.value == 9; });
  REQUIRE(nine != after.tokens.end());
  CHECK(nine->place == TokenPlace::Slot);
  const auto trip = std::find_if(trips.begin(), trips.end(),
                                 [&](const TokenTrip& t) { return t.key == nine->key; });
  REQUIRE(trip != trips.end());
  CHECK(trip->appeared);
  CHECK(trip->other_key == hand->key);
}

TEST_CASE("ProgramModel: the same run gives the same model") {
  GoRun a(kPool), b(kPool);
  const ProgramModel ma = a.at(1.7), mb = b.at(1.7);
  CHECK(titles(ma) == titles(mb));
  CHECK(ma.tokens == mb.tokens);
  CHECK(ma.arrows == mb.arrows);
}

TEST_CASE("ProgramModel: a column stays when its goroutines exited and the snapshot forgot them") {
  GoRun run(kLeak);
  const ProgramModel with_usage = run.at_end();
  // Without the events a live run's snapshot has no name for exited goroutines: main's
  // column stays only because the frame before showed it.
  const ProgramModel alone = run.model_without_usage();
  CHECK(alone.columns.size() == with_usage.columns.size() - 1);
  const ProgramModel remembered = run.model_without_usage(&with_usage);
  CHECK(titles(remembered) == titles(with_usage));
}
