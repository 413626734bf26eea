// Preparing a checked file to run: one FuncInfo per function and closure (with the
// variables each closure captures), constants as ready Values, and for every expression
// and statement whether running it may block or call Go code (then the coroutine path
// runs it; everything else runs as plain C++ calls, which keeps tight loops fast).
#include <fmt/format.h>
#include <algorithm>

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

template <class F>
void for_each_child(const Expr& e, F&& f) {
  auto visit = [&](const ExprPtr& c) {
    if (c) f(*c);
  };
  switch (e.kind) {
    case ExprKind::CompositeLit:
      for (const auto& x : static_cast<const CompositeLit&>(e).elts) visit(x);
      break;
    case ExprKind::Paren:
      visit(static_cast<const ParenExpr&>(e).x);
      break;
    case ExprKind::Selector:
      visit(static_cast<const SelectorExpr&>(e).x);
      break;
    case ExprKind::Index: {
      const auto& x = static_cast<const IndexExpr&>(e);
      visit(x.x);
      visit(x.index);
      break;
    }
    case ExprKind::Slice: {
      const auto& x = static_cast<const SliceExpr&>(e);
      visit(x.x);
      visit(x.lo);
      visit(x.hi);
      visit(x.max);
      break;
    }
    case ExprKind::TypeAssert:
      visit(static_cast<const TypeAssertExpr&>(e).x);
      break;
    case ExprKind::Call: {
      const auto& x = static_cast<const CallExpr&>(e);
      if (x.call_kind != CallKind::Conversion) visit(x.fun);
      for (const auto& a : x.args) {
        if (x.call_kind == CallKind::Builtin && a->mode == Mode::Type) continue;
        visit(a);
      }
      break;
    }
    case ExprKind::Star:
      visit(static_cast<const StarExpr&>(e).x);
      break;
    case ExprKind::Unary:
      visit(static_cast<const UnaryExpr&>(e).x);
      break;
    case ExprKind::Binary: {
      const auto& x = static_cast<const BinaryExpr&>(e);
      visit(x.x);
      visit(x.y);
      break;
    }
    case ExprKind::KeyValue: {
      const auto& x = static_cast<const KeyValueExpr&>(e);
      visit(x.key);
      visit(x.value);
      break;
    }
    default:
      break;
  }
}

class Preparer {
 public:
  explicit Preparer(Program& p) : p_(p) {}

  void run() {
    File& file = *p_.checked.file;
    // Package-level initialisers run in main's goroutine before main; closures there
    // are named after "glob", as Go names them.
    FuncInfo glob;
    glob.name = "glob";
    glob.display = "init";
    glob.key = &file;
    p_.funcs[&file] = std::move(glob);
    funcs_.push_back(&file);
    closure_counts_.push_back(0);
    for (Decl& d : file.decls) {
      if (d.kind == Decl::Kind::Func && d.func && d.func->body) {
        func_decl(*d.func);
      } else if (d.gen) {
        for (ValueSpec& v : d.gen->values) {
          for (auto& x : v.values) expr(*x);
        }
      }
    }
  }

 private:
  void func_decl(FuncDecl& d) {
    FuncInfo info;
    const std::string base = d.name ? d.name->name : "?";
    if (d.recv && d.recv_type != nullptr) {
      const bool ptr = d.recv_type->kind == Kind::Pointer;
      const TypeRef named = ptr ? d.recv_type->elem : d.recv_type;
      info.name = ptr ? fmt::format("(*{}).{}", named->name, base)
                      : fmt::format("{}.{}", named->name, base);
      info.has_recv = true;
    } else {
      info.name = base;
    }
    info.display = base;
    info.key = &d;
    if (d.method != nullptr) p_.methods[d.method] = &d;
    info.num_slots = d.num_slots;
    info.params = &d.params;
    info.body = d.body.get();
    info.sig = d.obj != nullptr ? d.obj->type : (d.method != nullptr ? d.method->sig : nullptr);
    info.named_results = has_named_results(d.sig.get());
    p_.funcs[&d] = std::move(info);
    funcs_.push_back(&d);
    closure_counts_.push_back(0);
    stmt(*d.body);
    funcs_.pop_back();
    closure_counts_.pop_back();
  }

  static bool has_named_results(const FuncTypeExpr* sig) {
    return sig != nullptr && !sig->results.list.empty() && !sig->results.list[0]->names.empty();
  }

  void func_lit(FuncLit& lit) {
    FuncInfo info;
    const FuncInfo& outer = p_.funcs.at(funcs_.back());
    const int n = ++closure_counts_.back();
    info.name = fmt::format("{}.func{}", outer.name, n);
    info.display = fmt::format("{}:{}", outer.display, lit.pos.line);
    info.key = &lit;
    info.num_slots = lit.num_slots;
    info.params = &lit.params;
    info.body = lit.body.get();
    info.sig = lit.type;
    info.named_results = has_named_results(lit.sig.get());
    p_.funcs[&lit] = std::move(info);
    funcs_.push_back(&lit);
    closure_counts_.push_back(0);
    stmt(*lit.body);
    funcs_.pop_back();
    closure_counts_.pop_back();
  }

  // The capture index of `o` in the closure running now (adding it, and to every
  // closure between it and the variable's owner).
  int capture(const Object& o) {
    int index = -1;
    for (std::size_t k = funcs_.size(); k-- > 0;) {
      if (funcs_[k] == o.owner) break;
      auto& caps = p_.funcs.at(funcs_[k]).captures;
      auto it = std::find(caps.begin(), caps.end(), &o);
      const int at = static_cast<int>(it - caps.begin());
      if (it == caps.end()) caps.push_back(&o);
      if (k + 1 == funcs_.size()) index = at;
    }
    return index;
  }

  bool expr(Expr& e) {
    bool blocks = false;
    if (e.value) {
      e.interp = static_cast<int>(p_.constants.size());
      p_.constants.push_back(constant_value(e.type, *e.value));
      e.blocks = false;
      return false;
    }
    switch (e.kind) {
      case ExprKind::Ident: {
        auto& id = static_cast<Ident&>(e);
        if (id.obj != nullptr && id.obj->kind == ObjKind::Var && !id.obj->global &&
            !funcs_.empty() && id.obj->owner != funcs_.back()) {
          id.interp = capture(*id.obj);
        }
        break;
      }
      case ExprKind::FuncLit:
        func_lit(static_cast<FuncLit&>(e));
        break;
      case ExprKind::Call: {
        const auto& c = static_cast<const CallExpr&>(e);
        if (c.call_kind == CallKind::Func || c.call_kind == CallKind::Method ||
            c.call_kind == CallKind::Interface) {
          blocks = true;
        } else if (c.call_kind == CallKind::Library) {
          auto it = library().find(c.lib);
          blocks = it == library().end() || it->second.async != nullptr;
        }
        break;
      }
      case ExprKind::Unary:
        blocks = static_cast<const UnaryExpr&>(e).op == Tok::Arrow;
        break;
      default:
        break;
    }
    for_each_child(e, [&](const Expr& c) { blocks = expr(const_cast<Expr&>(c)) || blocks; });
    e.blocks = blocks;
    return blocks;
  }

  bool exprs(std::vector<ExprPtr>& list) {
    bool blocks = false;
    for (auto& x : list) {
      if (x) blocks = expr(*x) || blocks;
    }
    return blocks;
  }
  bool opt(ExprPtr& x) { return x ? expr(*x) : false; }
  bool opt(StmtPtr& s) { return s ? stmt(*s) : false; }
  bool list(std::vector<StmtPtr>& l) {
    bool blocks = false;
    for (auto& s : l) blocks = stmt(*s) || blocks;
    return blocks;
  }

  bool stmt(Stmt& s) {
    const bool blocks = stmt_children(s);
    s.blocks = blocks;
    return blocks;
  }

  bool stmt_children(Stmt& s) {
    switch (s.kind) {
      case StmtKind::Block:
        return list(static_cast<BlockStmt&>(s).list);
      case StmtKind::Expr:
        return expr(*static_cast<ExprStmt&>(s).x);
      case StmtKind::Send: {
        auto& x = static_cast<SendStmt&>(s);
        expr(*x.ch);
        expr(*x.value);
        return true;
      }
      case StmtKind::IncDec:
        return expr(*static_cast<IncDecStmt&>(s).x);
      case StmtKind::Assign: {
        auto& x = static_cast<AssignStmt&>(s);
        const bool l = exprs(x.lhs);
        return exprs(x.rhs) || l;
      }
      case StmtKind::VarDecl: {
        bool b = false;
        for (ValueSpec& v : static_cast<DeclStmt&>(s).decl->values) b = exprs(v.values) || b;
        return b;
      }
      case StmtKind::Go:
      case StmtKind::Defer: {
        auto& call =
            s.kind == StmtKind::Go ? static_cast<GoStmt&>(s).call : static_cast<DeferStmt&>(s).call;
        if (!call) return false;
        // The call itself happens later (another goroutine, the function's end); only
        // its operands are evaluated here.
        expr(*call);
        bool b = false;
        for_each_child(*call, [&](const Expr& c) { b = b || c.blocks; });
        return b || (s.kind == StmtKind::Defer);
      }
      case StmtKind::Return:
        return exprs(static_cast<ReturnStmt&>(s).results);
      case StmtKind::Labeled:
        return stmt(*static_cast<LabeledStmt&>(s).stmt);
      case StmtKind::If: {
        auto& x = static_cast<IfStmt&>(s);
        bool b = opt(x.init);
        b = expr(*x.cond) || b;
        b = stmt(*x.then) || b;
        return opt(x.els) || b;
      }
      case StmtKind::Switch: {
        auto& x = static_cast<SwitchStmt&>(s);
        bool b = opt(x.init);
        b = opt(x.tag) || b;
        for (CaseClause& c : x.cases) {
          b = exprs(c.list) || b;
          b = list(c.body) || b;
        }
        return b;
      }
      case StmtKind::TypeSwitch: {
        auto& x = static_cast<TypeSwitchStmt&>(s);
        bool b = opt(x.init);
        b = expr(*x.assert->x) || b;
        for (CaseClause& c : x.cases) b = list(c.body) || b;
        return b;
      }
      case StmtKind::Select: {
        auto& x = static_cast<SelectStmt&>(s);
        for (CommClause& c : x.cases) {
          opt(c.ch);
          opt(c.value);
          opt(c.recv);
          exprs(c.lhs);
          list(c.body);
        }
        return true;
      }
      case StmtKind::For: {
        auto& x = static_cast<ForStmt&>(s);
        opt(x.init);
        opt(x.cond);
        opt(x.post);
        stmt(*x.body);
        return true;  // loops yield now and then, so an endless one never freezes a run
      }
      case StmtKind::Range: {
        auto& x = static_cast<RangeStmt&>(s);
        opt(x.key);
        opt(x.value);
        expr(*x.x);
        stmt(*x.body);
        return true;
      }
      default:
        return false;
    }
  }

  Program& p_;
  std::vector<const void*> funcs_;
  std::vector<int> closure_counts_;
};

}  // namespace

void blocking_children(const Expr& e, std::vector<const Expr*>& out) {
  for_each_child(e, [&](const Expr& c) {
    if (c.blocks) out.push_back(&c);
  });
}

bool is_tuple_result(const Expr& e) {
  return e.comma_ok || (e.type != nullptr && e.type->kind == Kind::Tuple);
}

void prepare_program(Program& p) { Preparer(p).run(); }

}  // namespace poolscope::golang
