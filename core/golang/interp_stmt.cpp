// Statements: exec_plain runs those that cannot block (plain C++ calls), exec_async the
// others (loops, sends, selects, calls of Go functions), as coroutines.
#include <fmt/format.h>
#include <algorithm>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

const Stmt* unlabeled(const Stmt* s) {
  while (s != nullptr && s->kind == StmtKind::Labeled)
    s = static_cast<const LabeledStmt*>(s)->stmt.get();
  return s;
}

// After a loop body or a switch/select clause ran: true when the statement `s` ends
// here (a break of it, or a flow that leaves it); `c` is what goes up.
bool leaves(const Stmt& s, Control& c, bool is_loop) {
  switch (c.flow) {
    case Flow::Normal:
    case Flow::Fallthrough:
      return false;
    case Flow::Break:
      if (c.target == nullptr || unlabeled(c.target) == &s) {
        c = {};
      }
      return true;
    case Flow::Continue:
      if (is_loop && (c.target == nullptr || unlabeled(c.target) == &s)) {
        c = {};
        return false;
      }
      return true;
    case Flow::Return:
      return true;
  }
  return true;
}

Tok assign_op(Tok t) {
  return static_cast<Tok>(static_cast<int>(t) - static_cast<int>(Tok::AddAssign) +
                          static_cast<int>(Tok::Add));
}

// The name a channel made on the right of an assignment takes: the variable or field it
// is first stored in (`jobs := make(chan int)` is "jobs", `req.reply = make(...)` is
// "req.reply"); "" when the value is no make(chan).
std::string channel_name(const Expr* target, const Expr& value) {
  const Expr* v = &value;
  while (v->kind == ExprKind::Paren) v = static_cast<const ParenExpr*>(v)->x.get();
  if (target == nullptr || v->kind != ExprKind::Call) return {};
  const auto& call = static_cast<const CallExpr&>(*v);
  if (call.builtin != Builtin::Make || underlying(call.type)->kind != Kind::Chan) return {};
  if (target->kind == ExprKind::Ident && static_cast<const Ident*>(target)->name == "_") return {};
  return expr_string(*target);
}

}  // namespace

void Machine::declare(const Object& o, Frame& f, Value v) {
  v = copy_value(o.type, v);
  if (o.global) {
    agg_of_cell(globals[static_cast<std::size_t>(o.slot)]).items[0] = std::move(v);
    return;
  }
  Value& slot = f.slots[static_cast<std::size_t>(o.slot)];
  if (o.captured || o.addressed) {
    auto* cell = new AggregateObj;
    cell->items.push_back(std::move(v));
    slot = Value{};
    slot.obj = cell;
  } else {
    slot = std::move(v);
  }
}

// Values of a right-hand side list as a flat list: a call with several results or a
// comma-ok form gives several.
void Machine::flatten(const std::vector<ExprPtr>& rhs, std::vector<Value>& values,
                      std::vector<TypeRef>& types_out, std::size_t wanted) {
  types_out.clear();
  if (rhs.size() == 1 && wanted > 1) {
    const Expr& e = *rhs[0];
    std::vector<Value> items = agg_of_cell(values[0]).items;
    values = std::move(items);
    if (e.type != nullptr && e.type->kind == Kind::Tuple) {
      types_out = e.type->params;
    } else {
      types_out = {e.type, types.basic(Kind::Bool)};
    }
    return;
  }
  for (const auto& x : rhs) types_out.push_back(x->type);
}

void Machine::assign(const AssignStmt& s, Frame& f, std::vector<Value>& values) {
  std::vector<TypeRef> from;
  flatten(s.rhs, values, from, s.lhs.size());
  if (s.tok == Tok::Define) {
    for (std::size_t k = 0; k < s.lhs.size(); ++k) {
      const auto& id = static_cast<const Ident&>(*s.lhs[k]);
      if (id.obj == nullptr) continue;
      Value v = convert_to(id.obj->type, from[k], std::move(values[k]));
      if (k < s.is_new.size() && s.is_new[k]) {
        declare(*id.obj, f, std::move(v));
      } else {
        *var_ref(*id.obj, id, f, nullptr) = copy_value(id.obj->type, v);
      }
    }
    return;
  }
  if (s.tok != Tok::Assign) {  // x op= y
    Place p = place(*s.lhs[0], f);
    Value v = arith(assign_op(s.tok), s.lhs[0]->type, load(p), values[0]);
    store(p, v);
    return;
  }
  if (s.lhs.size() == 1) {
    Place p = place(*s.lhs[0], f);
    store(p, convert_to(s.lhs[0]->type, from[0], std::move(values[0])));
    return;
  }
  // a, b = b, a: every place and value first, then the stores left to right.
  std::vector<Place> places;
  places.reserve(s.lhs.size());
  for (const auto& l : s.lhs) places.push_back(place(*l, f));
  for (std::size_t k = 0; k < places.size(); ++k) {
    values[k] = copy_value(s.lhs[k]->type, values[k]);
  }
  for (std::size_t k = 0; k < places.size(); ++k) {
    store(places[k], convert_to(s.lhs[k]->type, from[k], std::move(values[k])));
  }
}

// One variable, one value, no comma-ok: assign's case, without its lists. The value
// first, then the place, as assign does.
void Machine::assign_one(const AssignStmt& s, Frame& f) {
  const Expr& lhs = *s.lhs[0];
  const Expr& rhs = *s.rhs[0];
  if (s.tok != Tok::Assign) {  // x op= y
    const Value y = eval(rhs, f);
    if (Value* at = local_slot(lhs, f)) {  // no struct or array: nothing to copy deeply
      *at = arith(assign_op(s.tok), lhs.type, *at, y);
      return;
    }
    Place p = place(lhs, f);
    store(p, arith(assign_op(s.tok), lhs.type, load(p), y));
    return;
  }
  pending_chan_name = channel_name(&lhs, rhs);
  Value v = eval(rhs, f);
  Place p = place(lhs, f);
  store(p, convert_to(lhs.type, rhs.type, std::move(v)));
}

void Machine::var_decl(const GenDecl& d, Frame& f, std::vector<Value>& values) {
  std::size_t at = 0;
  for (const ValueSpec& spec : d.values) {
    std::vector<Value> mine;
    std::vector<TypeRef> from;
    if (!spec.values.empty()) {
      const std::size_t n =
          spec.values.size() == 1 && spec.names.size() > 1 ? 1 : spec.values.size();
      mine.assign(values.begin() + static_cast<std::ptrdiff_t>(at),
                  values.begin() + static_cast<std::ptrdiff_t>(at + n));
      at += n;
      flatten(spec.values, mine, from, spec.names.size());
    }
    for (std::size_t k = 0; k < spec.names.size(); ++k) {
      const Object* o = spec.names[k]->obj;
      if (o == nullptr) continue;
      Value v =
          mine.empty() ? zero_value(o->type) : convert_to(o->type, from[k], std::move(mine[k]));
      declare(*o, f, std::move(v));
    }
  }
}

std::vector<std::pair<const Expr*, std::string>> Machine::decl_values(const GenDecl& d) {
  std::vector<std::pair<const Expr*, std::string>> out;
  for (const ValueSpec& spec : d.values) {
    for (std::size_t k = 0; k < spec.values.size(); ++k) {
      const Expr* target = k < spec.names.size() ? spec.names[k].get() : nullptr;
      out.emplace_back(spec.values[k].get(), channel_name(target, *spec.values[k]));
    }
  }
  return out;
}

// [SECTION] Plain statements ------------------------------------------------------------

void Machine::exec_list_plain(const std::vector<StmtPtr>& list, Frame& f, Control& c) {
  for (const auto& s : list) {
    exec_plain(*s, f, c);
    if (c.flow != Flow::Normal) return;
  }
}

void Machine::exec_plain(const Stmt& s, Frame& f, Control& c) {
  step(s.pos.line);
  f.line = s.pos.line;
  running_line = s.pos.line;
  running_fn = f.fn;
  switch (s.kind) {
    case StmtKind::Block:
      exec_list_plain(static_cast<const BlockStmt&>(s).list, f, c);
      return;
    case StmtKind::Expr:
      (void)eval(*static_cast<const ExprStmt&>(s).x, f);
      return;
    case StmtKind::Assign: {
      const auto& a = static_cast<const AssignStmt&>(s);
      if (a.tok != Tok::Define && a.lhs.size() == 1 && a.rhs.size() == 1 &&
          !is_tuple_result(*a.rhs[0])) {
        assign_one(a, f);  // x = y and x op= y, without lists
        return;
      }
      std::vector<Value> values;
      values.reserve(a.rhs.size());
      for (std::size_t k = 0; k < a.rhs.size(); ++k) {
        pending_chan_name = channel_name(k < a.lhs.size() ? a.lhs[k].get() : nullptr, *a.rhs[k]);
        values.push_back(eval(*a.rhs[k], f));
      }
      assign(a, f, values);
      return;
    }
    case StmtKind::IncDec: {
      const auto& x = static_cast<const IncDecStmt&>(s);
      const TypeRef t = x.x->type;
      const Value one = is_float(t) ? Value::of_float(1) : Value::of_int(1);
      if (Value* at = local_slot(*x.x, f)) {  // i++ on a local: no place to build
        *at = arith(x.inc ? Tok::Add : Tok::Sub, t, *at, one);
        return;
      }
      Place p = place(*x.x, f);
      store(p, arith(x.inc ? Tok::Add : Tok::Sub, t, load(p), one));
      return;
    }
    case StmtKind::VarDecl: {
      const auto& d = *static_cast<const DeclStmt&>(s).decl;
      std::vector<Value> values;
      for (const auto& [e, name] : decl_values(d)) {
        pending_chan_name = name;
        values.push_back(eval(*e, f));
      }
      var_decl(d, f, values);
      return;
    }
    case StmtKind::Go: {
      const auto& g = static_cast<const GoStmt&>(s);
      go_stmt_plain(*g.call, f);
      return;
    }
    case StmtKind::Return: {
      const auto& r = static_cast<const ReturnStmt&>(s);
      std::vector<Value> values;
      for (const auto& x : r.results) values.push_back(eval(*x, f));
      set_results(r, f, values);
      c.flow = Flow::Return;
      return;
    }
    case StmtKind::Branch: {
      const auto& b = static_cast<const BranchStmt&>(s);
      c.flow = b.tok == Tok::Break      ? Flow::Break
               : b.tok == Tok::Continue ? Flow::Continue
                                        : Flow::Fallthrough;
      c.target = b.target;
      return;
    }
    case StmtKind::Labeled: {
      const auto& l = static_cast<const LabeledStmt&>(s);
      exec_plain(*l.stmt, f, c);
      return;
    }
    case StmtKind::If: {
      const auto& x = static_cast<const IfStmt&>(s);
      if (x.init) {
        exec_plain(*x.init, f, c);
      }
      if (eval(*x.cond, f).i != 0) {
        exec_plain(*x.then, f, c);
      } else if (x.els) {
        exec_plain(*x.els, f, c);
      }
      return;
    }
    case StmtKind::Switch: {
      const auto& x = static_cast<const SwitchStmt&>(s);
      if (x.init) exec_plain(*x.init, f, c);
      const Value tag = x.tag ? eval(*x.tag, f) : Value::of_bool(true);
      int chosen = -1;
      for (std::size_t k = 0; k < x.cases.size() && chosen < 0; ++k) {
        for (const auto& e : x.cases[k].list) {
          if (case_matches(x, tag, *e, eval(*e, f))) {
            chosen = static_cast<int>(k);
            break;
          }
        }
      }
      if (chosen < 0) chosen = default_clause(x.cases);
      for (auto k = static_cast<std::size_t>(std::max(chosen, 0));
           chosen >= 0 && k < x.cases.size(); ++k) {
        exec_list_plain(x.cases[k].body, f, c);
        if (c.flow != Flow::Fallthrough) break;
        c = {};
      }
      leaves(s, c, false);
      return;
    }
    case StmtKind::TypeSwitch: {
      const auto& x = static_cast<const TypeSwitchStmt&>(s);
      if (x.init) exec_plain(*x.init, f, c);
      const Value v = eval(*x.assert->x, f);
      type_switch_body(x, v, f, c);
      return;
    }
    default:
      return;
  }
}

int Machine::default_clause(const std::vector<CaseClause>& cases) {
  for (std::size_t k = 0; k < cases.size(); ++k) {
    if (cases[k].is_default) return static_cast<int>(k);
  }
  return -1;
}

bool Machine::case_matches(const SwitchStmt& s, const Value& tag, const Expr& e, const Value& v) {
  if (!s.tag) return v.i != 0;
  const TypeRef tt = s.tag->type;
  const TypeRef et = e.type;
  if (is_interface(tt) && !is_interface(et)) return values_equal(tt, tag, convert_to(tt, et, v));
  if (is_interface(et) && !is_interface(tt)) return values_equal(et, convert_to(et, tt, tag), v);
  return values_equal(tt, tag, v);
}

// Picks a type switch's clause for v, binds its variable, and runs it plainly when it
// cannot block; returns the clause for the coroutine path otherwise.
const CaseClause* Machine::type_switch_pick(const TypeSwitchStmt& x, const Value& v, Frame& f) {
  const IfaceObj* box = iface_of(v);
  const CaseClause* chosen = nullptr;
  TypeRef single = nullptr;
  for (const CaseClause& cc : x.cases) {
    for (const auto& t : cc.list) {
      bool match = false;
      if (t->mode == Mode::Nil || (t->type != nullptr && t->type->kind == Kind::UntypedNil)) {
        match = box == nullptr;
      } else if (box != nullptr) {
        match = is_interface(t->type) ? implements(box->type, t->type) : box->type == t->type;
      }
      if (match) {
        chosen = &cc;
        single = cc.list.size() == 1 ? t->type : nullptr;
        break;
      }
    }
    if (chosen != nullptr) break;
  }
  if (chosen == nullptr) {
    const int d = default_clause(x.cases);
    if (d >= 0) chosen = &x.cases[static_cast<std::size_t>(d)];
  }
  if (chosen != nullptr && chosen->obj != nullptr) {
    Value bound = v;
    if (single != nullptr && !is_interface(single) && single->kind != Kind::UntypedNil &&
        box != nullptr) {
      bound = box->value;
    }
    declare(*chosen->obj, f, std::move(bound));
  }
  return chosen;
}

void Machine::type_switch_body(const TypeSwitchStmt& x, const Value& v, Frame& f, Control& c) {
  const CaseClause* chosen = type_switch_pick(x, v, f);
  if (chosen != nullptr) exec_list_plain(chosen->body, f, c);
  leaves(x, c, false);
}

void Machine::set_results(const ReturnStmt& r, Frame& f, std::vector<Value>& values) {
  const TypeRef sig = f.fn->sig;
  if (sig == nullptr) return;
  if (values.empty()) return;  // a bare return: named results are in their slots
  std::vector<TypeRef> from;
  flatten(r.results, values, from, sig->results.size());
  if (f.fn->named_results) {
    const auto& params = *f.fn->params;
    const std::size_t first = params.size() - sig->results.size();
    for (std::size_t k = 0; k < sig->results.size(); ++k) {
      const Object* o = params[first + k];
      Value v = convert_to(sig->results[k], from[k], std::move(values[k]));
      Value& slot = f.slots[static_cast<std::size_t>(o->slot)];
      (o->captured || o->addressed ? agg_of_cell(slot).items[0] : slot) = copy_value(o->type, v);
    }
    return;
  }
  f.results.resize(sig->results.size());
  for (std::size_t k = 0; k < sig->results.size(); ++k) {
    f.results[k] =
        copy_value(sig->results[k], convert_to(sig->results[k], from[k], std::move(values[k])));
  }
}

// [SECTION] The coroutine path ------------------------------------------------------------

Task Machine::exec_block(const std::vector<StmtPtr>& list, Frame& f, Control& c) {
  for (const auto& s : list) {
    if (s->blocks) {
      co_await exec_async(*s, f, c);
    } else {
      exec_plain(*s, f, c);
    }
    if (c.flow != Flow::Normal) co_return;
  }
}

Task Machine::exec_async(const Stmt& s, Frame& f, Control& c) {
  if (!s.blocks) {
    exec_plain(s, f, c);
    co_return;
  }
  step(s.pos.line);
  f.line = s.pos.line;
  running_line = s.pos.line;
  running_fn = f.fn;
  switch (s.kind) {
    case StmtKind::Block:
      co_await exec_block(static_cast<const BlockStmt&>(s).list, f, c);
      co_return;
    case StmtKind::Expr: {
      Value ignored;
      co_await eval_async(*static_cast<const ExprStmt&>(s).x, f, ignored);
      co_return;
    }
    case StmtKind::Send: {
      const auto& x = static_cast<const SendStmt&>(s);
      Value ch;
      co_await eval_async(*x.ch, f, ch);
      Value v;
      co_await eval_async(*x.value, f, v);
      const TypeRef elem = underlying(x.ch->type)->elem;
      co_await send(ch, elem, convert_to(elem, x.value->type, std::move(v)), s.pos.line);
      co_return;
    }
    case StmtKind::Assign: {
      const auto& a = static_cast<const AssignStmt&>(s);
      std::vector<Value> values;
      for (std::size_t k = 0; k < a.rhs.size(); ++k) {
        pending_chan_name = channel_name(k < a.lhs.size() ? a.lhs[k].get() : nullptr, *a.rhs[k]);
        Value v;
        co_await eval_async(*a.rhs[k], f, v);
        values.push_back(std::move(v));
      }
      // Blocking operands of the left side (a[f()] = x) are computed now too.
      for (const auto& l : a.lhs) {
        std::vector<const Expr*> kids;
        blocking_children(*l, kids);
        for (const Expr* k : kids) {
          Value v;
          co_await eval_async(*k, f, v);
          f.ready.emplace_back(k, std::move(v));
        }
      }
      assign(a, f, values);
      co_return;
    }
    case StmtKind::IncDec:
      exec_plain(s, f, c);
      co_return;
    case StmtKind::VarDecl: {
      const auto& d = *static_cast<const DeclStmt&>(s).decl;
      std::vector<Value> values;
      for (const auto& [e, name] : decl_values(d)) {
        pending_chan_name = name;
        Value v;
        co_await eval_async(*e, f, v);
        values.push_back(std::move(v));
      }
      var_decl(d, f, values);
      co_return;
    }
    case StmtKind::Go:
    case StmtKind::Defer: {
      const CallExpr& call = s.kind == StmtKind::Go ? *static_cast<const GoStmt&>(s).call
                                                    : *static_cast<const DeferStmt&>(s).call;
      std::vector<const Expr*> kids;
      blocking_children(call, kids);
      for (const Expr* k : kids) {
        Value v;
        co_await eval_async(*k, f, v);
        f.ready.emplace_back(k, std::move(v));
      }
      if (s.kind == StmtKind::Go) {
        go_stmt_plain(call, f);
      } else {
        defer_stmt(call, f);
      }
      co_return;
    }
    case StmtKind::Return: {
      const auto& r = static_cast<const ReturnStmt&>(s);
      std::vector<Value> values;
      co_await eval_all(r.results, f, values);
      set_results(r, f, values);
      c.flow = Flow::Return;
      co_return;
    }
    case StmtKind::Labeled:
      co_await exec_async(*static_cast<const LabeledStmt&>(s).stmt, f, c);
      co_return;
    case StmtKind::If: {
      const auto& x = static_cast<const IfStmt&>(s);
      if (x.init) {
        co_await exec_async(*x.init, f, c);
      }
      Value cond;
      co_await eval_async(*x.cond, f, cond);
      if (cond.i != 0) {
        co_await exec_async(*x.then, f, c);
      } else if (x.els) {
        co_await exec_async(*x.els, f, c);
      }
      co_return;
    }
    case StmtKind::Switch:
      co_await exec_switch(static_cast<const SwitchStmt&>(s), f, c);
      co_return;
    case StmtKind::TypeSwitch: {
      const auto& x = static_cast<const TypeSwitchStmt&>(s);
      if (x.init) {
        co_await exec_async(*x.init, f, c);
      }
      Value v;
      co_await eval_async(*x.assert->x, f, v);
      const CaseClause* chosen = type_switch_pick(x, v, f);
      if (chosen != nullptr) {
        co_await exec_block(chosen->body, f, c);
      }
      leaves(x, c, false);
      co_return;
    }
    case StmtKind::Select:
      co_await exec_select(static_cast<const SelectStmt&>(s), f, c);
      co_return;
    case StmtKind::For:
      co_await exec_for(static_cast<const ForStmt&>(s), f, c);
      co_return;
    case StmtKind::Range:
      co_await exec_range(static_cast<const RangeStmt&>(s), f, c);
      co_return;
    default:
      exec_plain(s, f, c);
      co_return;
  }
}

Task Machine::exec_switch(const SwitchStmt& x, Frame& f, Control& c) {
  if (x.init) {
    co_await exec_async(*x.init, f, c);
  }
  Value tag = Value::of_bool(true);
  if (x.tag) {
    co_await eval_async(*x.tag, f, tag);
  }
  int chosen = -1;
  for (std::size_t k = 0; k < x.cases.size() && chosen < 0; ++k) {
    for (const auto& e : x.cases[k].list) {
      Value v;
      co_await eval_async(*e, f, v);
      if (case_matches(x, tag, *e, v)) {
        chosen = static_cast<int>(k);
        break;
      }
    }
  }
  if (chosen < 0) chosen = default_clause(x.cases);
  if (chosen >= 0) {
    for (auto k = static_cast<std::size_t>(chosen); k < x.cases.size(); ++k) {
      co_await exec_block(x.cases[k].body, f, c);
      if (c.flow != Flow::Fallthrough) break;
      c = {};
    }
  }
  leaves(x, c, false);
}

Task Machine::loop_turn(const BlockStmt& body, Frame& f, Control& c, int line) {
  if (body.blocks) {
    co_await exec_block(body.list, f, c);
  } else {
    exec_list_plain(body.list, f, c);
  }
  if (!rt.spin_on(line)) {
    co_await rt.preempt_point(line);  // an endless loop lets others run and time pass
  }
  if (over) throw GoAbort{};
}

// Turns of a for loop whose condition, body and post statement cannot block, as plain
// C++ with no coroutine per turn: true when the loop is over, false when the goroutine
// must pass a preempt point after the turn that just ran (then the caller ends it).
bool Machine::for_turns_plain(const ForStmt& x, Frame& f, Control& c) {
  const int line = x.pos.line;
  for (;;) {
    if (x.cond && eval(*x.cond, f).i == 0) return true;
    exec_list_plain(x.body->list, f, c);
    if (!rt.spin_on(line)) return false;
    if (over) throw GoAbort{};
    if (leaves(x, c, true)) return true;
    if (x.post) exec_plain(*x.post, f, c);
    step(line);
  }
}

Task Machine::exec_for(const ForStmt& x, Frame& f, Control& c) {
  if (x.init) {
    co_await exec_async(*x.init, f, c);
  }
  const bool plain = !x.body->blocks && !(x.cond && x.cond->blocks) && !(x.post && x.post->blocks);
  for (;;) {
    if (plain) {
      if (for_turns_plain(x, f, c)) co_return;
      co_await rt.preempt_point(x.pos.line);  // an endless loop lets others run and time pass
      if (over) throw GoAbort{};
    } else {
      if (x.cond) {
        Value cond;
        co_await eval_async(*x.cond, f, cond);
        if (cond.i == 0) break;
      }
      co_await loop_turn(*x.body, f, c, x.pos.line);
    }
    if (leaves(x, c, true)) co_return;
    if (x.post) {
      co_await exec_async(*x.post, f, c);
    }
    step(x.pos.line);
  }
}

// Range's key and value for one turn: declared once (go1.19: one variable per loop),
// assigned each turn.
void Machine::range_assign(const RangeStmt& x, Frame& f, Value key, Value value, bool first) {
  const Expr* targets[2] = {x.key.get(), x.value.get()};
  Value* values[2] = {&key, &value};
  for (int k = 0; k < 2; ++k) {
    const Expr* t = targets[k];
    if (t == nullptr) continue;
    if (x.define) {
      const auto& id = static_cast<const Ident&>(*t);
      if (id.obj == nullptr) continue;
      if (first) {
        declare(*id.obj, f, std::move(*values[k]));
      } else {
        *var_ref(*id.obj, id, f, nullptr) = copy_value(id.obj->type, *values[k]);
      }
    } else {
      Place p = place(*t, f);
      store(p, *values[k]);
    }
  }
}

Task Machine::exec_range(const RangeStmt& x, Frame& f, Control& c) {
  Value over_value;
  co_await eval_async(*x.x, f, over_value);
  TypeRef u = underlying(x.x->type);
  const int line = x.pos.line;
  if (u->kind == Kind::Chan) {
    for (bool first = true;; first = false) {
      Value got;
      co_await receive(over_value, u->elem, true, line, got);
      std::vector<Value> pair = agg_of_cell(got).items;
      if (pair[1].i == 0) break;
      range_assign(x, f, std::move(pair[0]), Value{}, first);
      co_await loop_turn(*x.body, f, c, line);
      if (leaves(x, c, true)) co_return;
    }
    co_return;
  }
  if (u->kind == Kind::Map) {
    const auto* m = static_cast<const MapObj*>(over_value.obj.get());
    if (m == nullptr || m->size() == 0) co_return;
    std::vector<Value> keys;
    keys.reserve(m->size());
    for (const auto& entry : m->entries) keys.push_back(entry.first);
    // Go starts a map's iteration at a random place: so does this, from the seed.
    const std::size_t start =
        static_cast<std::size_t>(map_rng.below(static_cast<std::uint64_t>(keys.size())));
    std::rotate(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(start), keys.end());
    bool first = true;
    for (Value& key : keys) {
      const Value* v = m->find(key);
      if (v == nullptr) continue;  // deleted during the loop
      range_assign(x, f, key, *v, first);
      first = false;
      co_await loop_turn(*x.body, f, c, line);
      if (leaves(x, c, true)) co_return;
    }
    co_return;
  }
  if (u->kind == Kind::String) {
    const std::string s = string_of(over_value);
    bool first = true;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t width = 1;
      const std::int64_t r = decode_rune(s, i, width);
      range_assign(x, f, Value::of_int(static_cast<std::int64_t>(i)), Value::of_int(r), first);
      first = false;
      i += width;
      co_await loop_turn(*x.body, f, c, line);
      if (leaves(x, c, true)) co_return;
    }
    co_return;
  }
  // Arrays (a copy, as Go ranges over a copy), pointers to arrays and slices.
  std::int64_t offset = 0;
  std::int64_t length = 0;
  if (u->kind == Kind::Pointer) {
    over_value = deref(over_value, line);
    u = underlying(u->elem);
    length = u->len;
  } else if (u->kind == Kind::Array) {
    if (x.value) over_value = copy_value(u, over_value);
    length = u->len;
  } else {
    offset = over_value.i;
    length = over_value.len;
  }
  for (std::int64_t i = 0; i < length; ++i) {
    Value item;
    if (x.value) item = agg_of_cell(over_value).items[static_cast<std::size_t>(offset + i)];
    range_assign(x, f, Value::of_int(i), std::move(item), i == 0);
    co_await loop_turn(*x.body, f, c, line);
    if (leaves(x, c, true)) co_return;
  }
}

Task Machine::exec_select(const SelectStmt& x, Frame& f, Control& c) {
  // Every channel and value to send is evaluated first, in source order.
  std::vector<sim::SelectCase> cases;
  std::vector<TypeRef> elems;
  cases.reserve(x.cases.size());
  for (const CommClause& cc : x.cases) {
    if (cc.kind == CommClause::Kind::Default) {
      cases.push_back(sim::default_case());
      elems.push_back(nullptr);
      continue;
    }
    const Expr& chx =
        cc.kind == CommClause::Kind::Send ? *cc.ch : *static_cast<const UnaryExpr&>(*cc.recv).x;
    Value ch;
    co_await eval_async(chx, f, ch);
    const auto* obj = static_cast<const ChanObj*>(ch.obj.get());
    const sim::Chan simch = obj != nullptr ? obj->ch : sim::Chan{};
    const TypeRef elem = underlying(chx.type)->elem;
    elems.push_back(elem);
    if (cc.kind == CommClause::Kind::Send) {
      Value v;
      co_await eval_async(*cc.value, f, v);
      cases.push_back(
          sim::send_case(simch, put_in_flight(elem, convert_to(elem, cc.value->type, v))));
    } else {
      cases.push_back(sim::recv_case(simch));
    }
  }
  const sim::SelectResult r =
      co_await rt.select(x.pos.line, std::span<const sim::SelectCase>(cases));
  if (over) throw GoAbort{};
  const bool closed_send = rt.take_closed_send();  // the chosen send's channel is closed
  // Values parked for sends that did not happen go back.
  for (std::size_t k = 0; k < cases.size(); ++k) {
    if (cases[k].kind == sim::SelectCase::Kind::Send &&
        (static_cast<int>(k) != r.index || closed_send)) {
      (void)take_in_flight(elems[k], cases[k].value);
    }
  }
  if (closed_send) panic_plain_error("send on closed channel");
  if (r.index < 0) co_return;
  const CommClause& chosen = x.cases[static_cast<std::size_t>(r.index)];
  if (chosen.kind == CommClause::Kind::Recv) {
    const TypeRef elem = elems[static_cast<std::size_t>(r.index)];
    Value v = r.ok ? take_in_flight(elem, r.value) : zero_value(elem);
    Value values[2] = {std::move(v), Value::of_bool(r.ok)};
    for (std::size_t k = 0; k < chosen.lhs.size() && k < 2; ++k) {
      const Expr& l = *chosen.lhs[k];
      if (chosen.define) {
        const auto& id = static_cast<const Ident&>(l);
        if (id.obj != nullptr) declare(*id.obj, f, std::move(values[k]));
      } else {
        Place p = place(l, f);
        store(p, values[k]);
      }
    }
  }
  co_await exec_block(chosen.body, f, c);
  leaves(x, c, false);
}

}  // namespace poolscope::golang
