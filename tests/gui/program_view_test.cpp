// The program view draws what the program model says: cards, channels with their
// queues, arrows, value tokens and the outcome's banner (headless ImGui, no window).
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/gui/views/view_program.hpp"
#include "tests/gui/gui_harness.hpp"
#include "tests/gui/model/program_run.hpp"

using namespace poolscope;
using namespace poolscope::gui;
using poolscope::gui::testing::GoRun;

namespace {

struct ProgramHarness : poolscope::test::HeadlessImGui {
  void frame(const ProgramModel& m, ProgramViewState& state, float scale = 1.0f) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1280, 800));
    ImGui::Begin("program");
    draw_program_view(m, state, {.scale = scale}, 1260, 760, 1.0f / 60.0f);
    ImGui::End();
    ImGui::Render();
  }
};

constexpr const char* kPool = R"(package main

import "time"

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		time.Sleep(time.Second)
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)
	for w := 1; w <= 3; w++ {
		go worker(jobs, results)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	for a := 1; a <= 9; a++ {
		<-results
	}
}
)";

}  // namespace

TEST_CASE("Program view: a pool's cards, channels, arrow and value tokens are drawn") {
  ProgramHarness imgui;
  GoRun run(kPool);
  ProgramViewState state;
  const ProgramModel m = run.at(0.5);
  for (float scale : {1.0f, 2.0f}) {
    imgui.frame(m, state, scale);
    const ProgramPictureRecord& d = state.drawn;
    CHECK(d.cards.size() == 4);
    CHECK(std::any_of(d.cards.begin(), d.cards.end(), [](const ProgramPictureRecord::Card& c) {
      return c.name == "main" && c.look == Look::BlockedSend && !c.text.empty();
    }));
    REQUIRE(d.channels.size() == 2);
    CHECK(d.channels[0].name == "jobs");
    CHECK(d.channels[0].len == 5);
    CHECK(d.channels[0].cap == 5);
    CHECK(d.channels[0].senders == 1);
    CHECK(d.channels[1].name == "results");
    // main waits to send on jobs; the sleeping workers wait for the clock.
    CHECK(std::any_of(d.arrows.begin(), d.arrows.end(), [](const ProgramPictureRecord::Arrow& a) {
      return a.from == "main" && a.to == "jobs" && a.kind == "chan-send";
    }));
    CHECK(std::count_if(d.arrows.begin(), d.arrows.end(), [](const ProgramPictureRecord::Arrow& a) {
            return a.kind == "sleep" && a.to == "time";
          }) == 3);
    CHECK(d.tokens == 6);  // five buffered jobs and the one in main's hand
    CHECK(d.banner.empty());
    CHECK(d.columns.front().rfind("producer", 0) == 0);
  }
  // Time moves on: 9 left main's hand for a slot; every value in sight has a token, and
  // the ones taken fade out, then go.
  const ProgramModel later = run.at(1.01);
  REQUIRE(!later.tokens.empty());
  imgui.frame(later, state);
  CHECK(state.drawn.tokens == static_cast<int>(later.tokens.size()));
  CHECK_FALSE(state.fading.empty());
  for (int i = 0; i < 60; ++i) imgui.frame(later, state);
  CHECK(state.fading.empty());
  CHECK(state.tokens.size() == later.tokens.size());
}

TEST_CASE("Program view: a deadlock gets its banner and an arrow from every blocked goroutine") {
  ProgramHarness imgui;
  GoRun run(R"(package main

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
)");
  ProgramViewState state;
  imgui.frame(run.at_end(), state);
  const ProgramPictureRecord& d = state.drawn;
  CHECK(d.banner == "Deadlock");
  REQUIRE(d.arrows.size() == 2);
  CHECK(d.arrows[0].from == "main");
  CHECK(d.arrows[0].kind == "waitgroup");
  CHECK(d.arrows[1].to == "ch");
  CHECK(d.arrows[1].kind == "chan-send");
}

TEST_CASE("Program view: thousands of goroutines are summarised, not drawn one by one") {
  ProgramHarness imgui;
  GoRun run(R"(package main

func main() {
	block := make(chan int)
	for i := 0; i < 3000; i++ {
		go func() {
			<-block
		}()
	}
	<-block
}
)");
  ProgramViewState state;
  imgui.frame(run.at_end(), state);
  CHECK(state.drawn.summarised_columns == 1);
  CHECK(state.drawn.cards.size() <= 1);
  CHECK(state.drawn.banner == "Deadlock");
}
