#pragma once
// Random small Go programs for property tests: a few channels of random capacity, a
// few goroutines each running a random script of sends, receives, closes, selects,
// sleeps, CPU and I/O work. Every send carries a value unique in the program, so a
// received value names the send it came from. Programs may complete, leak, deadlock
// or panic: the properties must hold whatever happens.
#include <cstdint>
#include <vector>

#include "core/sim/rng.hpp"
#include "core/sim/runtime.hpp"

namespace poolscope::test {

struct Op {
  enum class Kind : std::uint8_t { Send, Recv, Close, Select, Sleep, Cpu, Io, Yield };
  Kind kind = Kind::Yield;
  int ch = 0;    // channel index; -1: the nil channel
  int ch2 = 0;   // select: second case's channel
  int ch3 = -2;  // select: third case's channel (-2: no third case)
  bool send1 = false, send2 = false, send3 = false;  // select: case directions
  bool with_default = false;
  std::int64_t value = 0;  // unique value of this op's send (select: +0, +1, +2)
  sim::Time duration = 0;
  int line = 0;
};

struct Program {
  std::vector<std::int64_t> caps;        // one per channel
  std::vector<std::vector<Op>> scripts;  // scripts[0] is main's
  int procs = 1;
};

struct Sent {
  int ch;
  std::int64_t value;
  bool operator==(const Sent&) const = default;
};
struct Received {
  int ch;
  std::int64_t value;
  bool ok;
  bool operator==(const Received&) const = default;
};

// What the goroutines observed, in the order they observed it.
struct Log {
  std::vector<Sent> sent;               // sends that completed (the sender resumed)
  std::vector<Received> received;       // receives that completed
  std::vector<std::int64_t> attempted;  // every value a send tried to send
};

inline Program random_program(sim::Rng& r) {
  Program p;
  const int channels = 1 + static_cast<int>(r.below(3));
  for (int c = 0; c < channels; ++c) p.caps.push_back(static_cast<std::int64_t>(r.below(4)));
  p.procs = 1 + static_cast<int>(r.below(3));
  const int goroutines = 2 + static_cast<int>(r.below(4));
  const auto any_ch = [&] {
    return static_cast<int>(r.below(static_cast<std::uint64_t>(channels)));
  };
  const auto case_ch = [&] { return r.below(10) == 0 ? -1 : any_ch(); };
  for (int g = 0; g < goroutines; ++g) {
    std::vector<Op> script;
    const int ops = 1 + static_cast<int>(r.below(7));
    for (int i = 0; i < ops; ++i) {
      Op op;
      op.line = 100 * (g + 1) + i;
      op.value = (g + 1) * 1000 + i * 10 + 1;
      op.duration = static_cast<sim::Time>(1 + r.below(5));
      op.ch = any_ch();
      const std::uint64_t pick = r.below(100);
      if (pick < 30) {
        op.kind = Op::Kind::Send;
      } else if (pick < 60) {
        op.kind = Op::Kind::Recv;
      } else if (pick < 64) {
        op.kind = Op::Kind::Close;
      } else if (pick < 80) {
        op.kind = Op::Kind::Select;
        op.ch = case_ch();
        op.ch2 = case_ch();
        op.ch3 = r.below(2) == 0 ? -2 : case_ch();
        op.send1 = r.below(2) == 0;
        op.send2 = r.below(2) == 0;
        op.send3 = r.below(2) == 0;
        op.with_default = r.below(4) == 0;
      } else if (pick < 86) {
        op.kind = Op::Kind::Sleep;
      } else if (pick < 92) {
        op.kind = Op::Kind::Cpu;
      } else if (pick < 96) {
        op.kind = Op::Kind::Io;
      } else {
        op.kind = Op::Kind::Yield;
      }
      script.push_back(op);
    }
    p.scripts.push_back(std::move(script));
  }
  return p;
}

inline sim::Chan chan_at(const std::vector<sim::Chan>& chans, int i) {
  return i < 0 ? sim::Chan{} : chans[static_cast<std::size_t>(i)];
}

inline sim::Go run_script(sim::Runtime& rt, const std::vector<Op>* script,
                          const std::vector<sim::Chan>* chans, Log* log) {
  for (const Op& op : *script) {
    const sim::Chan c = chan_at(*chans, op.ch);
    switch (op.kind) {
      case Op::Kind::Send:
        log->attempted.push_back(op.value);
        co_await rt.send(c, op.value, op.line);
        log->sent.push_back({op.ch, op.value});
        break;
      case Op::Kind::Recv: {
        const sim::RecvResult got = co_await rt.recv(c, op.line);
        log->received.push_back({op.ch, got.value, got.ok});
        break;
      }
      case Op::Kind::Close:
        co_await rt.close(c, op.line);
        break;
      case Op::Kind::Select: {
        const int chs[3] = {op.ch, op.ch2, op.ch3};
        const bool sends[3] = {op.send1, op.send2, op.send3};
        std::vector<sim::SelectCase> cases;
        std::vector<int> which;  // cases[i] is select case which[i] of the op
        for (int k = 0; k < 3; ++k) {
          if (chs[k] == -2) continue;
          const sim::Chan ck = chan_at(*chans, chs[k]);
          which.push_back(k);
          if (sends[k]) {
            log->attempted.push_back(op.value + k);
            cases.push_back(sim::send_case(ck, op.value + k));
          } else {
            cases.push_back(sim::recv_case(ck));
          }
        }
        if (op.with_default) cases.push_back(sim::default_case());
        const sim::SelectResult r = co_await rt.select(op.line, cases);
        if (r.index >= 0 && static_cast<std::size_t>(r.index) < which.size()) {
          const int k = which[static_cast<std::size_t>(r.index)];
          if (sends[k]) {
            log->sent.push_back({chs[k], op.value + k});
          } else {
            log->received.push_back({chs[k], r.value, r.ok});
          }
        }
        break;
      }
      case Op::Kind::Sleep:
        co_await rt.sleep(op.duration, op.line);
        break;
      case Op::Kind::Cpu:
        co_await rt.cpu(op.duration, op.line);
        break;
      case Op::Kind::Io:
        co_await rt.io(op.duration, op.line);
        break;
      case Op::Kind::Yield:
        co_await rt.yield(op.line);
        break;
    }
  }
}

inline sim::Go program_main(sim::Runtime& rt, const Program* p, std::vector<sim::Chan>* chans,
                            Log* log) {
  for (std::size_t c = 0; c < p->caps.size(); ++c) {
    chans->push_back(rt.make_chan(p->caps[c], "c", sim::ChanRole::Plain, 1));
  }
  for (std::size_t g = 1; g < p->scripts.size(); ++g) {
    rt.spawn("g", static_cast<std::int64_t>(g), run_script(rt, &p->scripts[g], chans, log), 2);
  }
  co_await run_script(rt, &p->scripts[0], chans, log);
}

// A program instance: runtime, channels, log. Not movable (coroutines point into it).
struct ProgramRun {
  ProgramRun(const Program& program, std::uint64_t seed, trace::EventSink* sink)
      : rt(config_for(program, seed), sink) {
    rt.spawn_main(program_main(rt, &program, &chans, &log));
  }
  ProgramRun(const ProgramRun&) = delete;
  ProgramRun& operator=(const ProgramRun&) = delete;

  static sim::Config config_for(const Program& program, std::uint64_t seed) {
    sim::Config c;
    c.seed = seed;
    c.procs = program.procs;
    c.hang_horizon = 1 * sim::kSecond;
    c.drain_horizon = 1 * sim::kSecond;
    return c;
  }

  std::vector<sim::Chan> chans;
  Log log;
  sim::Runtime rt;
};

}  // namespace poolscope::test
