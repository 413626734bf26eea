// The machine: compiling, running to the end, output, panics and the values that cross
// channels.
#include "core/golang/interp.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "core/golang/lib_fmt.hpp"
#include "core/golang/machine.hpp"

namespace poolscope::golang {

std::string_view to_string(GoOutcome o) noexcept {
  switch (o) {
    case GoOutcome::Completed:
      return "completed";
    case GoOutcome::Deadlock:
      return "deadlock";
    case GoOutcome::Panic:
      return "panic";
    case GoOutcome::Exit:
      return "exit";
    case GoOutcome::CompileError:
      return "compile_error";
    case GoOutcome::Stopped:
      return "stopped";
  }
  return "?";
}

// [SECTION] Compiling ----------------------------------------------------------------

namespace {

Type* library_named(TypeTable& t, const char* name, const char* pkg, TypeRef underlying_type) {
  Type* n = t.named(name, pkg);
  TypeTable::set_underlying(n, underlying_type);
  return n;
}

Method error_method(TypeTable& t, bool pointer) {
  Method m;
  m.name = "Error";
  m.sig = t.func({}, {t.basic(Kind::String)}, false);
  m.pointer_recv = pointer;
  return m;
}

}  // namespace

Compiled compile_go(std::string_view source) {
  auto p = std::make_shared<Program>();
  p->source = std::string(source);
  p->types = std::make_unique<TypeTable>();
  p->checked = check_program(p->source, *p->types);
  Compiled out;
  out.diagnostics = p->checked.diagnostics;
  if (!p->checked.ok || !p->checked.file || p->checked.file->main == nullptr) return out;
  TypeTable& t = *p->types;
  const TypeRef str = t.basic(Kind::String);
  Type* es = library_named(t, "errorString", "errors", t.structure({Field{"s", str, false}}));
  TypeTable::add_method(es, error_method(t, true));
  p->error_string = t.pointer(es);
  Type* we =
      library_named(t, "wrapError", "fmt",
                    t.structure({Field{"msg", str, false}, Field{"err", t.error_type(), false}}));
  TypeTable::add_method(we, error_method(t, true));
  Method unwrap;
  unwrap.name = "Unwrap";
  unwrap.sig = t.func({}, {t.error_type()}, false);
  unwrap.pointer_recv = true;
  TypeTable::add_method(we, unwrap);
  p->wrap_error = t.pointer(we);
  Type* re = library_named(t, "Error", "runtime", str);
  TypeTable::add_method(re, error_method(t, false));
  p->runtime_error = re;
  Type* ctx = library_named(t, "cancelCtx", "context", t.structure({}));
  p->context_impl = t.pointer(ctx);
  Type* de = library_named(t, "deadlineExceededError", "context", t.structure({}));
  TypeTable::add_method(de, error_method(t, false));
  p->deadline_error = de;
  prepare_program(*p);
  out.program = std::move(p);
  return out;
}

// [SECTION] The machine ----------------------------------------------------------------

Machine::Machine(std::shared_ptr<const Program> program, sim::Runtime& runtime, GoRunOptions opts)
    : prog(*program),
      program_ref(std::move(program)),
      rt(runtime),
      options(std::move(opts)),
      types(*prog.types),
      map_rng(options.seed ^ 0x6d61702d6f726465ULL),
      rand_rng(options.seed ^ 0x72616e642d726e67ULL) {
  const File& file = prog.file();
  globals.resize(static_cast<std::size_t>(file.num_globals));
  for (std::size_t k = 0; k < globals.size(); ++k) {
    auto* cell = new AggregateObj;
    const Object* o = k < file.globals.size() ? file.globals[k] : nullptr;
    cell->items.push_back(o != nullptr ? zero_value(o->type) : Value{});
    globals[k].obj = cell;
  }
  contexts.push_back(sim::Context{});
  Value canceled_text = make_string("context canceled");
  canceled_err = make_error("context canceled");
  deadline_err = make_iface(prog.deadline_error, zero_value(prog.deadline_error));
}

Machine::~Machine() = default;

void Machine::write(bool is_stderr, std::string_view text) {
  if (main_done || (over && outcome != GoOutcome::Panic)) return;
  (is_stderr ? stderr_text : stdout_text) += text;
  if (options.on_output) options.on_output(is_stderr, text, rt.now());
}

void Machine::finish(GoOutcome o, int code) {
  if (over) return;
  over = true;
  outcome = o;
  exit_code = code;
  end_time = rt.now();
}

void Machine::stop_budget(int line) {
  if (!over) {
    stop_message = fmt::format(
        "stopped: the program ran {} statements without ending (the limit, --max-steps); "
        "it was at line {}",
        options.max_steps, line);
    finish(GoOutcome::Stopped, 2);
    rt.halt(stop_message);
  }
  throw GoAbort{};
}

void Machine::stop_memory(int line) {
  if (!over) {
    stop_message = fmt::format(
        "stopped: the program would hold more than {} MiB of slices and strings (the limit, "
        "--max-memory); it was at line {}",
        options.max_memory >> 20, line);
    finish(GoOutcome::Stopped, 2);
    rt.halt(stop_message);
  }
  throw GoAbort{};
}

void Machine::fatal(std::string_view message) {
  const int line = running_line;
  write(true, fmt::format("fatal error: {}\n\ngoroutine {} [running]:\n\tmain.go:{}\n", message,
                          rt.current(), line));
  finish(GoOutcome::Panic, 2);
  rt.interrupt();
  throw GoAbort{};
}

void Machine::fatal_stack_overflow() {
  write(true, "runtime: goroutine stack exceeds 1000000000-byte limit\n");
  fatal("stack overflow");
}

void Machine::runtime_panic(const std::string& message) {
  panic_plain_error("runtime error: " + message);
}

Value Machine::make_error(std::string message) {
  auto* cell = new AggregateObj;
  auto* s = new AggregateObj;
  s->items.push_back(make_string(std::move(message)));
  Value sv;
  sv.obj = s;
  cell->items.push_back(std::move(sv));
  Value ptr;
  ptr.obj = cell;
  return make_iface(prog.error_string, std::move(ptr));
}

// What Go prints after "panic: " for a panic value (runtime.printpanicval): errors and
// Stringers by their method, basic kinds as print() does, others as (T) address.
std::string Machine::panic_text(const GoPanic& p) {
  if (p.type == nullptr) return "nil";
  if (p.runtime_error) return string_of(p.value);
  if (method_of(p.type, "Error") != nullptr) {
    if (auto s = call_method_sync(p.type, p.value, "Error")) return *s;
  }
  if (method_of(p.type, "String") != nullptr) {
    if (auto s = call_method_sync(p.type, p.value, "String")) return *s;
  }
  const TypeRef u = underlying(p.type);
  std::string text;
  switch (u->kind) {
    case Kind::String:
      text = string_of(p.value);
      break;
    case Kind::Bool:
      text = p.value.i != 0 ? "true" : "false";
      break;
    case Kind::Float32:
    case Kind::Float64:
      text = fmt::format("{:+e}", p.value.f);
      break;
    default:
      if (is_integer(u)) {
        text = is_unsigned(u) ? std::to_string(static_cast<std::uint64_t>(p.value.i))
                              : std::to_string(p.value.i);
      } else {
        return fmt::format(
            "({}) {:#x}", type_string(p.type, Qualify::Always),
            0xc000010000ULL + (reinterpret_cast<std::uintptr_t>(p.value.obj.get()) & 0xffff));
      }
  }
  if (p.type->kind == Kind::Named) {
    if (u->kind == Kind::String)
      return fmt::format("{}(\"{}\")", type_string(p.type, Qualify::Always), text);
    return fmt::format("{}({})", type_string(p.type, Qualify::Always), text);
  }
  return text;
}

// [SECTION] Values in channels -------------------------------------------------------------

namespace {

bool travels_as_bits(TypeRef elem) {
  const TypeRef u = underlying(elem);
  if (u == nullptr) return true;
  if (is_integer(u) || u->kind == Kind::Bool) return true;
  if (u->kind == Kind::Struct && u->fields.empty()) return true;  // struct{}, time.Time
  return false;
}

}  // namespace

std::int64_t Machine::put_in_flight(TypeRef elem, const Value& v) {
  if (travels_as_bits(elem)) return v.i;
  const TypeRef u = underlying(elem);
  if (u->kind == Kind::Float32 || u->kind == Kind::Float64) {
    std::int64_t bits = 0;
    std::memcpy(&bits, &v.f, sizeof bits);
    return bits;
  }
  const std::int64_t h = next_handle++;
  in_flight.emplace(h, copy_value(elem, v));
  return h;
}

Value Machine::take_in_flight(TypeRef elem, std::int64_t bits) {
  if (travels_as_bits(elem)) {
    Value v = zero_value(elem);
    v.i = bits;
    return v;
  }
  const TypeRef u = underlying(elem);
  if (u->kind == Kind::Float32 || u->kind == Kind::Float64) {
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    return Value::of_float(d);
  }
  auto it = in_flight.find(bits);
  if (it == in_flight.end()) return zero_value(elem);
  Value v = std::move(it->second);
  in_flight.erase(it);
  return v;
}

Value Machine::make_chan(TypeRef t, std::int64_t cap, std::string_view name, int line) {
  if (cap < 0) runtime_panic("makechan: size out of range");
  const sim::Chan ch = rt.make_chan(cap, name, sim::ChanRole::Plain, line);
  pending_chan_name.clear();
  Value v;
  v.obj = new ChanObj(ch, underlying(t)->elem);
  return v;
}

Task Machine::send(const Value& chv, TypeRef elem, Value v, int line) {
  auto* c = static_cast<ChanObj*>(chv.obj.get());
  const sim::Chan ch = c != nullptr ? c->ch : sim::Chan{};
  const std::int64_t handle = put_in_flight(elem, v);
  co_await rt.send(ch, handle, line);
  if (over) throw GoAbort{};
  if (rt.take_closed_send()) {  // closed before, or while this goroutine waited
    (void)take_in_flight(elem, handle);
    panic_plain_error("send on closed channel");
  }
}

void Machine::panic_plain_error(std::string message) {
  GoPanic p;
  p.type = prog.runtime_error;
  p.value = make_string(std::move(message));
  p.runtime_error = true;
  raise(std::move(p));
}

Ref<HeapObject> Machine::globals_lib(const std::string& name) {
  auto it = lib_vars.find(name);
  if (it != lib_vars.end()) return it->second;
  auto* cell = new AggregateObj;
  if (name == "context.Canceled") {
    cell->items.push_back(canceled_err);
  } else if (name == "context.DeadlineExceeded") {
    cell->items.push_back(deadline_err);
  } else if (name == "os.Args") {
    auto* args = new AggregateObj;
    args->items.push_back(make_string("/tmp/main"));
    Value s;
    s.obj = args;
    s.len = s.cap = 1;
    cell->items.push_back(std::move(s));
  } else {
    cell->items.emplace_back();
  }
  Ref<HeapObject> ref(cell);
  lib_vars.emplace(name, ref);
  return ref;
}

// Runs a method of a user type to its end at once (fmt's Error()/String() calls). A
// method that would block cannot be run this way: a fatal error says so.
std::optional<std::string> Machine::call_method_sync(TypeRef t, const Value& v,
                                                     std::string_view method) {
  const Method* m = method_of(t, method);
  if (m == nullptr) return std::nullopt;
  std::vector<Value> results;
  Task task = call_method(t, v, method, {}, results, running_line);
  run_to_end(std::move(task));
  if (results.empty()) return std::nullopt;
  return string_of(results[0]);
}

// [SECTION] Running ---------------------------------------------------------------------

namespace {

trace::Time chunk_end(const sim::Runtime& rt, trace::Time limit) {
  return std::min(limit, rt.now() + trace::kSecond);
}

std::string format_seconds(trace::Time t) {
  return fmt::format("{:g} s", static_cast<double>(t) / static_cast<double>(trace::kSecond));
}

// Go's deadlock report: the fatal error, then each goroutine with its wait reason and
// the line it waits at.
std::string deadlock_text(const sim::Runtime& rt) { return sim::format_go_traceback(rt.report()); }

}  // namespace

class GoMachine::Impl {
 public:
  Impl(std::shared_ptr<const Program> program, sim::Runtime& rt, GoRunOptions options)
      : m(std::move(program), rt, std::move(options)) {}
  Machine m;
};

sim::Config runtime_config(const GoRunOptions& options) {
  sim::Config config;
  config.seed = options.seed;
  config.keep_exited = false;
  config.senders_panic_themselves = true;
  config.hang_horizon = options.max_virtual;
  return config;
}

GoMachine::GoMachine(std::shared_ptr<const Program> program, sim::Runtime& rt, GoRunOptions options)
    : impl_(std::make_unique<Impl>(std::move(program), rt, std::move(options))) {
  POOLSCOPE_CHECK(rt.config().senders_panic_themselves,
                  "a GoMachine needs a Runtime made with runtime_config()");
}
GoMachine::~GoMachine() = default;

void GoMachine::start() { impl_->m.rt.spawn_main(impl_->m.main_goroutine()); }

bool GoMachine::over() const { return impl_->m.over; }

void GoMachine::end_run() {
  Machine& m = impl_->m;
  if (m.over) return;
  sim::Runtime& rt = m.rt;
  switch (rt.outcome()) {
    case trace::Outcome::Deadlock:
      m.write(true, deadlock_text(rt));
      m.finish(GoOutcome::Deadlock, 2);
      break;
    case trace::Outcome::Panic:  // a fatal error of the engine's (sync misuse)
      m.write(true, sim::format_go_traceback(rt.report()));
      m.finish(GoOutcome::Panic, 2);
      break;
    case trace::Outcome::Exit:
      m.finish(GoOutcome::Exit, rt.report().exit_code);
      break;
    default:
      m.stop_message = fmt::format(
          "stopped: the program was still running at {} of virtual time (the limit, "
          "--max-virtual)",
          format_seconds(m.options.max_virtual));
      rt.halt(m.stop_message);
      m.finish(GoOutcome::Stopped, 2);
  }
}

GoRunResult GoMachine::result() const {
  const Machine& m = impl_->m;
  GoRunResult r;
  r.outcome = m.outcome;
  r.exit_code = m.exit_code;
  r.stdout_text = m.stdout_text;
  r.stderr_text = m.stderr_text;
  r.peak_goroutines = m.peak;
  r.virtual_time = m.end_time >= 0 ? m.end_time : m.rt.now();
  r.steps = m.steps;
  r.events = m.rt.events_emitted();
  r.stop_message = m.stop_message;
  const sim::Report& rep = m.rt.report();
  if (m.outcome == GoOutcome::Completed && rep.outcome == trace::Outcome::Completed) {
    for (const sim::GoroutineReport& g : rep.blocked)
      r.leaked.push_back({g.name, g.line, g.wait_reason});
  }
  return r;
}

GoRunResult run_go(std::string_view source, const GoRunOptions& options) {
  Compiled c = compile_go(source);
  if (!c.program) {
    GoRunResult r;
    r.outcome = GoOutcome::CompileError;
    r.exit_code = 2;
    r.diagnostics = c.diagnostics;
    r.stderr_text = "# command-line-arguments\n" + format_diagnostics(c.diagnostics);
    return r;
  }
  const sim::Config config = runtime_config(options);
  sim::Runtime rt(config, options.sink);
  if (options.on_start) options.on_start(rt);
  GoMachine machine(c.program, rt, options);
  machine.start();
  Machine& m = machine.impl().m;
  trace::Time limit = options.max_virtual;
  bool draining = false;
  while (!rt.finished()) {
    if (m.over) {
      if (m.outcome != GoOutcome::Completed) break;
      if (!draining) {  // main returned: run on only to tell leaked goroutines apart
        draining = true;
        limit = rt.now() + config.drain_horizon + trace::kSecond;
      }
    }
    if (rt.now() >= limit) break;
    rt.run_until(chunk_end(rt, limit));
  }
  machine.end_run();
  return machine.result();
}

}  // namespace poolscope::golang

namespace poolscope::golang {

const LibTable& library() {
  static const LibTable table = [] {
    LibTable t;
    add_fmt(t);
    add_errors(t);
    add_time(t);
    add_sync(t);
    add_atomic(t);
    add_context(t);
    add_errgroup(t);
    add_runtime(t);
    add_rand(t);
    add_strings(t);
    add_strconv(t);
    add_sort(t);
    add_math(t);
    add_os(t);
    return t;
  }();
  return table;
}

void Machine::run_to_end(Task task) {
  if (!task.run_sync()) fatal("Poolscope cannot run a String, Error or sort function that blocks");
}

bool Machine::call_sync(TypeRef t, const Value& v, std::string_view method,
                        std::vector<Value>& results) {
  if (method_of(t, method) == nullptr) return false;
  run_to_end(call_method(t, v, method, {}, results, running_line));
  return true;
}

void Machine::call_value_sync(const Value& fn, std::vector<Value> args,
                              std::vector<Value>& results) {
  run_to_end(call(fn, std::move(args), results, running_line));
}

Task Machine::os_exit(Machine& m, LibCall& lc) {
  if (m.main_done || m.over) throw GoAbort{};
  m.finish(GoOutcome::Exit, static_cast<int>(lc.args[0].i));
  co_await m.rt.exit(static_cast<int>(lc.args[0].i), lc.line);
  throw GoAbort{};
}

}  // namespace poolscope::golang

namespace poolscope::golang {

void Machine::raise(GoPanic p) {
  p.line = running_line;
  if (running_fn != nullptr) p.func = running_fn->name;
  throw std::move(p);
}

}  // namespace poolscope::golang
