// Calls: Go functions, closures, methods (static and through interfaces), library
// functions and builtins; `go` and `defer`; panics unwinding through deferred calls.
#include <fmt/format.h>
#include <algorithm>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

constexpr int kMaxDepth = 20000;  // Go frames per goroutine before "stack overflow"

Value make_tuple(std::vector<Value> items) {
  auto* agg = new AggregateObj;
  agg->items = std::move(items);
  Value v;
  v.obj = agg;
  return v;
}

}  // namespace

const FuncDecl* Machine::method_decl(const Method* m) const {
  auto it = prog.methods.find(m);
  return it != prog.methods.end() ? it->second : nullptr;
}

// [SECTION] Arguments ------------------------------------------------------------------

// The argument values of a call, converted to the parameters' types, a variadic tail
// packed into a slice (unless f(xs...) passes one).
void Machine::bind_args(const CallExpr& c, TypeRef sig, std::vector<Value>& values) {
  std::vector<TypeRef> from;
  if (c.spread && values.size() == 1) {
    const Expr& only = *c.args[0];
    values = agg_of_cell(values[0]).items;
    from = only.type->params;
  } else {
    for (const auto& a : c.args) from.push_back(a->type);
  }
  if (sig == nullptr) return;
  const std::size_t np = sig->params.size();
  if (sig->variadic && !c.has_ellipsis) {
    const TypeRef slice = sig->params[np - 1];
    const TypeRef elem = slice->elem;
    auto* agg = new AggregateObj;
    for (std::size_t k = np - 1; k < values.size(); ++k) {
      agg->items.push_back(copy_value(elem, convert_to(elem, from[k], std::move(values[k]))));
    }
    Value packed;
    if (!agg->items.empty()) {
      packed.len = packed.cap = static_cast<std::uint32_t>(agg->items.size());
      packed.obj = agg;
    } else {
      delete agg;
    }
    values.resize(np - 1);
    from.resize(np - 1);
    values.push_back(std::move(packed));
    from.push_back(slice);
  }
  for (std::size_t k = 0; k < values.size() && k < np; ++k) {
    values[k] = convert_to(sig->params[k], from[k], std::move(values[k]));
  }
}

// [SECTION] Call expressions -------------------------------------------------------------

Task Machine::call_expr(const CallExpr& c, Frame& f, Value& out) {
  const int line = c.pos.line;
  f.line = line;
  if (c.call_kind == CallKind::Builtin || c.call_kind == CallKind::Conversion) {
    std::vector<const Expr*> kids;
    blocking_children(c, kids);
    for (const Expr* k : kids) {
      Value v;
      co_await eval_async(*k, f, v);
      f.ready.emplace_back(k, std::move(v));
    }
    out = eval_call_plain(c, f);
    co_return;
  }
  // The function (or receiver) first, then the arguments, left to right.
  Value fn;
  Value recv;
  const auto* sel =
      c.fun->kind == ExprKind::Selector ? static_cast<const SelectorExpr*>(c.fun.get()) : nullptr;
  const bool direct = c.call_kind == CallKind::Func && c.fun->kind == ExprKind::Ident &&
                      static_cast<const Ident&>(*c.fun).obj != nullptr &&
                      static_cast<const Ident&>(*c.fun).obj->kind == ObjKind::Func;
  if (sel != nullptr &&
      (c.call_kind == CallKind::Method || c.call_kind == CallKind::Interface ||
       (c.call_kind == CallKind::Library && sel->sel_kind == SelKind::LibMethod))) {
    if (sel->x->blocks) {
      Value v;
      co_await eval_async(*sel->x, f, v);
      f.ready.emplace_back(sel->x.get(), std::move(v));
    }
    recv = receiver(*sel, f);
  } else if (c.call_kind == CallKind::Func && !direct) {
    co_await eval_async(*c.fun, f, fn);
  }
  std::vector<Value> args;
  co_await eval_all(c.args, f, args);
  bind_args(c, c.sig, args);
  std::vector<Value> results;
  switch (c.call_kind) {
    case CallKind::Library: {
      LibCall lc;
      lc.call = &c;
      lc.recv = std::move(recv);
      lc.args = std::move(args);
      lc.line = line;
      co_await call_lib(c.lib, lc);
      results = std::move(lc.results);
      break;
    }
    case CallKind::Method: {
      const FuncDecl* d = method_decl(sel->method);
      next_depth = f.depth + 1;
      co_await call_func(prog.info(d), nullptr, &recv, std::move(args), results);
      break;
    }
    case CallKind::Interface: {
      const IfaceObj* box = iface_of(recv);
      if (box == nullptr) runtime_panic("invalid memory address or nil pointer dereference");
      next_depth = f.depth + 1;
      co_await call_method(box->type, box->value, sel->sel->name, std::move(args), results, line);
      break;
    }
    default: {
      next_depth = f.depth + 1;
      if (direct) {
        const FuncDecl* d = static_cast<const Ident&>(*c.fun).obj->decl;
        co_await call_func(prog.info(d), nullptr, nullptr, std::move(args), results);
      } else {
        co_await call(fn, std::move(args), results, line);
      }
      break;
    }
  }
  if (results.size() == 1) {
    out = std::move(results[0]);
  } else if (results.size() > 1) {
    out = make_tuple(std::move(results));
  }
}

Task Machine::call_method(TypeRef dyn, const Value& recv, std::string_view name,
                          std::vector<Value> args, std::vector<Value>& results, int line) {
  Value r;
  TypeRef rt_type = dyn;
  const Method* m = find_dynamic_method(dyn, recv, name, r, rt_type);
  if (m == nullptr) {  // a library type whose methods the library keeps (contexts)
    r = recv;
    rt_type = dyn;
  }
  const TypeRef named = rt_type->kind == Kind::Pointer ? rt_type->elem : rt_type;
  if (m != nullptr && named->kind == Kind::Named && named->pkg == "main") {
    if (rt_type->kind == Kind::Pointer && !m->pointer_recv) r = copy_value(named, deref(r, line));
    co_await call_func(prog.info(method_decl(m)), nullptr, &r, std::move(args), results);
    co_return;
  }
  if (named->kind != Kind::Named)
    runtime_panic("invalid memory address or nil pointer dereference");
  // A library type's method: "(*errors.errorString).Error", "(time.Duration).String".
  LibCall lc;
  lc.recv = r;
  lc.args = std::move(args);
  lc.line = line;
  const std::string qualified = rt_type->kind == Kind::Pointer
                                    ? fmt::format("(*{}.{}).{}", named->pkg, named->name, name)
                                    : fmt::format("({}.{}).{}", named->pkg, named->name, name);
  co_await call_lib(qualified, lc);
  results = std::move(lc.results);
}

Task Machine::call(const Value& fnv, std::vector<Value> args, std::vector<Value>& results,
                   int line) {
  const auto* fn = static_cast<const FuncObj*>(fnv.obj.get());
  if (fn == nullptr) runtime_panic("invalid memory address or nil pointer dereference");
  if (!fn->lib.empty()) {
    if (fn->lib.starts_with("iface:")) {
      const IfaceObj* box = iface_of(fn->recv);
      if (box == nullptr) runtime_panic("invalid memory address or nil pointer dereference");
      co_await call_method(box->type, box->value, std::string_view(fn->lib).substr(6),
                           std::move(args), results, line);
      co_return;
    }
    LibCall lc;
    lc.recv = fn->recv;
    lc.args = std::move(args);
    lc.line = line;
    co_await call_lib(fn->lib, lc);
    results = std::move(lc.results);
    co_return;
  }
  if (fn->decl != nullptr) {
    Value recv = fn->recv;
    co_await call_func(prog.info(fn->decl), nullptr, fn->bound ? &recv : nullptr, std::move(args),
                       results);
    co_return;
  }
  co_await call_func(prog.info(fn->lit), fn, nullptr, std::move(args), results);
}

Task Machine::call_lib(const std::string& name, LibCall& lc) {
  const auto& lib = library();
  auto it = lib.find(name);
  if (it == lib.end()) fatal("Poolscope does not run " + name + " yet");
  step(lc.line);
  if (it->second.async != nullptr) {
    co_await it->second.async(*this, lc);
  } else {
    it->second.plain(*this, lc);
  }
}

Task Machine::call_func(const FuncInfo& info, const FuncObj* closure, Value* recv,
                        std::vector<Value> args, std::vector<Value>& results) {
  Frame fr;
  fr.fn = &info;
  fr.defer_parent = std::exchange(next_defer_parent, nullptr);
  fr.depth = std::exchange(next_depth, 0);
  if (fr.depth > kMaxDepth) fatal_stack_overflow();
  fr.slots.resize(static_cast<std::size_t>(info.num_slots));
  fr.cells = closure != nullptr ? &closure->cells : nullptr;
  const auto& params = *info.params;
  std::size_t next = 0;
  if (info.has_recv && !params.empty()) {
    if (params[0] != nullptr && recv != nullptr) declare(*params[0], fr, *recv);
    next = 1;
  }
  const std::size_t nargs = args.size();
  for (std::size_t k = 0; k < nargs && next < params.size(); ++k, ++next) {
    if (params[next] != nullptr) declare(*params[next], fr, std::move(args[k]));
  }
  for (; next < params.size(); ++next) {  // named results
    if (params[next] != nullptr) declare(*params[next], fr, zero_value(params[next]->type));
  }
  std::optional<GoPanic> panicking;
  try {
    Control c;
    co_await exec_block(info.body->list, fr, c);
  } catch (GoPanic& p) {
    panicking = std::move(p);
  }
  if (!fr.defers.empty()) {
    fr.panicking = panicking ? &*panicking : nullptr;
    co_await run_defers(fr, panicking);
  }
  if (panicking) throw std::move(*panicking);
  if (info.named_results && info.sig != nullptr) {
    const std::size_t first = params.size() - info.sig->results.size();
    results.clear();
    for (std::size_t k = first; k < params.size(); ++k) {
      const Object* o = params[k];
      Value v = o != nullptr
                    ? ((o->captured || o->addressed)
                           ? agg_of_cell(fr.slots[static_cast<std::size_t>(o->slot)]).items[0]
                           : fr.slots[static_cast<std::size_t>(o->slot)])
                    : Value{};
      results.push_back(std::move(v));
    }
  } else {
    results = std::move(fr.results);
  }
}

// Deferred calls, last first. A panic in one replaces the one travelling (Go prints the
// earlier ones before it); a recover() in one stops the travelling panic.
Task Machine::run_defers(Frame& f, std::optional<GoPanic>& panicking) {
  while (!f.defers.empty()) {
    Deferred d = std::move(f.defers.back());
    f.defers.pop_back();
    f.panicking = panicking ? &*panicking : nullptr;
    std::optional<GoPanic> raised;
    try {
      if (!d.lib.empty()) {
        LibCall lc;
        lc.recv = std::move(d.recv);
        lc.args = std::move(d.args);
        lc.line = d.line;
        lc.call = d.call;
        co_await call_lib(d.lib, lc);
      } else if (d.call != nullptr) {
        run_builtin_deferred(d, f);
      } else {
        std::vector<Value> ignored;
        next_defer_parent = &f;
        co_await call(d.fn, std::move(d.args), ignored, d.line);
      }
    } catch (GoPanic& p) {
      raised = std::move(p);
    }
    if (raised) {
      if (panicking) {
        raised->earlier = panicking->earlier + "panic: " + panic_text(*panicking) +
                          (f.recovered ? " [recovered]" : "") + "\n\t";
      }
      panicking = std::move(raised);
      f.recovered = false;
    } else if (f.recovered && panicking) {
      panicking.reset();
      f.recovered = false;
    }
  }
  f.panicking = nullptr;
}

// [SECTION] go and defer -----------------------------------------------------------------

// The function value and arguments of a `go` or `defer` call, evaluated now.
Machine::Pending Machine::pending_call(const CallExpr& c, Frame& f) {
  Pending p;
  p.line = c.pos.line;
  const auto* sel =
      c.fun->kind == ExprKind::Selector ? static_cast<const SelectorExpr*>(c.fun.get()) : nullptr;
  if (c.call_kind == CallKind::Builtin) {
    p.builtin = &c;
    for (const auto& a : c.args) p.args.push_back(a->mode == Mode::Type ? Value{} : eval(*a, f));
    return p;
  }
  if (c.call_kind == CallKind::Library) {
    p.lib = c.lib;
    if (sel != nullptr && sel->sel_kind == SelKind::LibMethod) p.recv = receiver(*sel, f);
  } else if (c.call_kind == CallKind::Method || c.call_kind == CallKind::Interface) {
    p.fn = eval_selector(*sel, f);
  } else {
    p.fn = eval(*c.fun, f);
  }
  for (const auto& a : c.args) p.args.push_back(eval(*a, f));
  bind_args(c, c.sig, p.args);
  p.name = goroutine_name(c, p);
  return p;
}

std::string Machine::goroutine_name(const CallExpr& c, const Pending& p) const {
  (void)c;
  if (!p.lib.empty()) return p.lib;
  const auto* fn = static_cast<const FuncObj*>(p.fn.obj.get());
  if (fn == nullptr) return "goroutine";
  if (fn->decl != nullptr) return prog.info(fn->decl).display;
  if (fn->lit != nullptr) return prog.info(fn->lit).display;
  return fn->lib;
}

void Machine::go_stmt_plain(const CallExpr& c, Frame& f) {
  Pending p = pending_call(c, f);
  if (!p.fn.obj && p.lib.empty() && p.builtin == nullptr) {
    runtime_panic("invalid memory address or nil pointer dereference");
  }
  spawn(std::move(p), c.pos.line);
}

void Machine::defer_stmt(const CallExpr& c, Frame& f) {
  Pending p = pending_call(c, f);
  Deferred d;
  d.fn = std::move(p.fn);
  d.args = std::move(p.args);
  d.lib = std::move(p.lib);
  d.recv = std::move(p.recv);
  d.call = p.builtin;
  d.line = c.pos.line;
  f.defers.push_back(std::move(d));
}

void Machine::run_builtin_deferred(Deferred& d, Frame& f) {
  // defer close(ch), defer delete(m, k), defer panic(v), defer println(...)
  builtin(*d.call, d.args, f);
}

// [SECTION] Goroutines -----------------------------------------------------------------

void Machine::spawn(Pending p, int line) {
  const std::string name = p.name;
  const std::int64_t index = ++spawn_counts[name];
  std::string function = "main.";
  if (const auto* fn = static_cast<const FuncObj*>(p.fn.obj.get())) {
    const void* key = fn->decl != nullptr ? static_cast<const void*>(fn->decl) : fn->lit;
    if (key != nullptr) function += prog.info(key).name;
  }
  const trace::GoroutineId id = rt.spawn(name, index, goroutine(std::move(p)), line);
  if (id != 0) {
    rt.set_go_function(id, function,
                       running_fn != nullptr ? "main." + running_fn->name : "main.main");
  }
  peak = std::max(peak, rt.live_goroutines());
}

sim::Go Machine::goroutine(Pending p) {
  std::optional<GoPanic> panicked;
  try {
    std::vector<Value> results;
    if (!p.lib.empty()) {
      LibCall lc;
      lc.recv = std::move(p.recv);
      lc.args = std::move(p.args);
      lc.line = p.line;
      co_await call_lib(p.lib, lc);
    } else if (p.builtin != nullptr) {
      Frame f;
      builtin(*p.builtin, p.args, f);
    } else {
      co_await call(p.fn, std::move(p.args), results, p.line);
    }
  } catch (GoPanic& e) {
    panicked = std::move(e);
  } catch (GoAbort&) {
  }
  if (panicked && !over) {
    co_await die(*panicked);
  }
}

sim::Go Machine::main_goroutine() {
  std::optional<GoPanic> panicked;
  try {
    co_await init_package();
    const FuncDecl* main = prog.file().main;
    std::vector<Value> results;
    co_await call_func(prog.info(main), nullptr, nullptr, {}, results);
  } catch (GoPanic& e) {
    panicked = std::move(e);
  } catch (GoAbort&) {
  }
  if (panicked && !over) {
    co_await die(*panicked);
    co_return;
  }
  if (!over) {
    main_done = true;
    over = true;
    end_time = rt.now();
    outcome = GoOutcome::Completed;
    exit_code = 0;
  }
}

// Package-level variables in dependency order, then init functions.
Task Machine::init_package() {
  Frame f;
  f.fn = &prog.info(&prog.file());
  for (const ValueSpec* spec : prog.file().init_order) {
    if (spec->values.empty()) continue;  // zero values, set when the machine was made
    std::vector<Value> values;
    for (const auto& x : spec->values) {
      Value v;
      co_await eval_async(*x, f, v);
      values.push_back(std::move(v));
    }
    std::vector<TypeRef> from;
    flatten(spec->values, values, from, spec->names.size());
    for (std::size_t k = 0; k < spec->names.size(); ++k) {
      const Object* o = spec->names[k]->obj;
      if (o == nullptr) continue;
      declare(*o, f, convert_to(o->type, from[k], std::move(values[k])));
    }
  }
  for (const FuncDecl* init : prog.file().inits) {
    std::vector<Value> results;
    co_await call_func(prog.info(init), nullptr, nullptr, {}, results);
  }
}

// An unrecovered panic ends the program: Go's text on stderr, exit code 2.
Task Machine::die(const GoPanic& p) {
  const int line = p.line;
  const std::string func = p.func;
  write(true, fmt::format("{}panic: {}{}\n\ngoroutine {} [running]:\nmain.{}(...)\n\tmain.go:{}\n",
                          p.earlier, panic_text(p), p.recovered_marker ? " [recovered]" : "",
                          rt.current(), func, line));
  finish(GoOutcome::Panic, 2);
  co_await rt.panic(panic_text(p), line);
}

}  // namespace poolscope::golang
