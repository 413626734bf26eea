#pragma once
// A learner's Go program run on the simulator for the program view's tests: stepped to
// a moment, with the events folded into a ChannelUsage as they happen.
#include <doctest/doctest.h>

#include <memory>
#include <string_view>

#include "app/gui/model/program_model.hpp"
#include "core/golang/interp.hpp"
#include "core/sim/runtime.hpp"

namespace poolscope::gui::testing {

class UsageSink final : public trace::EventSink {
 public:
  void on_event(const trace::Event& e) override { usage.note(e); }
  ChannelUsage usage;
};

inline std::shared_ptr<const golang::Program> compiled(std::string_view source) {
  golang::Compiled c = golang::compile_go(source);
  REQUIRE_MESSAGE(c.program != nullptr, "the test's Go program must compile");
  return c.program;
}

class GoRun {
 public:
  explicit GoRun(std::string_view source)
      : rt_(golang::runtime_config(options_), &sink_), machine_(compiled(source), rt_, options_) {
    machine_.start();
  }

  // The model at virtual time `seconds` (runs on to it first).
  ProgramModel at(double seconds, const ProgramModel* previous = nullptr) {
    const auto t = static_cast<trace::Time>(seconds * 1e9);
    if (!rt_.finished()) rt_.run_until(t);
    return model(t, previous);
  }

  // The model once the run ended (main returned and the rest stopped moving, a
  // deadlock, a panic), at most 200 s of virtual time on.
  ProgramModel at_end() {
    for (int i = 0; i < 200 && !rt_.finished(); ++i) rt_.run_until(rt_.now() + trace::kSecond);
    REQUIRE(rt_.finished());
    return model(rt_.now(), nullptr);
  }

  ProgramModel model(trace::Time now, const ProgramModel* previous) {
    ProgramInput in;
    snapshot_ = rt_.snapshot();
    in.snapshot = &snapshot_;
    in.strings = &rt_.strings();
    in.usage = &sink_.usage;
    in.now = now;
    in.previous = previous;
    take_report(in, rt_.report());
    return build_program_model(in);
  }

  // The model from the snapshot alone: no events remembered.
  ProgramModel model_without_usage(const ProgramModel* previous = nullptr) {
    ProgramInput in;
    snapshot_ = rt_.snapshot();
    in.snapshot = &snapshot_;
    in.strings = &rt_.strings();
    in.now = rt_.now();
    in.previous = previous;
    take_report(in, rt_.report());
    return build_program_model(in);
  }

  [[nodiscard]] const sim::Runtime& runtime() const { return rt_; }

 private:
  UsageSink sink_;
  golang::GoRunOptions options_;
  sim::Runtime rt_;
  golang::GoMachine machine_;
  trace::Snapshot snapshot_;
};

}  // namespace poolscope::gui::testing
