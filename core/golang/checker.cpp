// The checker: scopes, types, untyped constants, assignability, method sets, statements,
// in go1.19's words (types2). See check.hpp for the contract.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/golang/check.hpp"
#include "core/golang/lexer.hpp"
#include "core/golang/packages.hpp"
#include "core/golang/parser.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::golang {

namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr int kMaxErrors = 10;
constexpr std::size_t kMaxMessage = 600;  // bytes; 3 times that after U+FFFD, still one short line

struct CVal {
  enum class K : std::uint8_t { None, Bool, Int, Float, String };
  K k = K::None;
  bool b = false;
  i128 i = 0;
  // Untyped float constants are kept in long double (64 bits of mantissa, not gc's
  // exact arithmetic, but 0.1 + 0.2 rounds to float64's 0.3 as it does in Go); typed
  // ones are rounded to their type after each operation, as go/types rounds them.
  long double f = 0;
  std::string s;
  bool overflow = false;  // an int constant beyond 128 bits
  [[nodiscard]] bool known() const { return k != K::None; }
};

std::string i128_string(i128 v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  std::string out;
  // Work with the magnitude as unsigned to handle the minimum value.
  u128 m = neg ? static_cast<u128>(-(v + 1)) + 1 : static_cast<u128>(v);
  while (m > 0) {
    out += static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  }
  if (neg) out += '-';
  std::reverse(out.begin(), out.end());
  return out;
}

// Go's %q of a string for messages (constant.Value's String: quoted, shortened past 72).
std::string go_quote(const std::string& s) {
  std::string out = "\"";
  const bool utf8 = util::is_utf8(s);
  for (unsigned char c : s) {
    if (c >= 0x80 && !utf8) {
      out += fmt::format("\\x{:02x}", c);
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  if (out.size() > 72) out = out.substr(0, 35) + "..." + out.substr(out.size() - 34);
  return out;
}

std::string float_string(long double f) {
  // constant.Value's String for floats: %.6g, as go/constant does for small values.
  return fmt::format("{:.6g}", static_cast<double>(f));
}

// The value of `a op b` for two known constants of one kind (op a comparison).
bool compare_constants(Tok op, const CVal& a, const CVal& b) {
  int c = 0;
  if (a.k == CVal::K::String) {
    c = a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  } else if (a.k == CVal::K::Bool) {
    c = a.b == b.b ? 0 : 1;
  } else if (a.k == CVal::K::Float || b.k == CVal::K::Float) {
    const long double p = a.k == CVal::K::Float ? a.f : static_cast<long double>(a.i);
    const long double q = b.k == CVal::K::Float ? b.f : static_cast<long double>(b.i);
    c = p < q ? -1 : p > q ? 1 : 0;
  } else {
    c = a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
  }
  switch (op) {
    case Tok::Eql:
      return c == 0;
    case Tok::Neq:
      return c != 0;
    case Tok::Lss:
      return c < 0;
    case Tok::Leq:
      return c <= 0;
    case Tok::Gtr:
      return c > 0;
    default:
      return c >= 0;
  }
}

std::string cval_string(const CVal& v) {
  switch (v.k) {
    case CVal::K::Bool:
      return v.b ? "true" : "false";
    case CVal::K::Int:
      return i128_string(v.i);
    case CVal::K::Float:
      return float_string(v.f);
    case CVal::K::String:
      return go_quote(v.s);
    default:
      return "?";
  }
}

struct Operand {
  Mode mode = Mode::Invalid;
  TypeRef type = nullptr;
  CVal val;
  Expr* expr = nullptr;
  Builtin builtin = Builtin::None;
  Object* obj = nullptr;  // Package, or the ident's object
  [[nodiscard]] bool invalid() const { return mode == Mode::Invalid; }
};

struct Scope {
  Scope* parent = nullptr;
  std::unordered_map<std::string, Object*> names;
};

struct FuncCtx {
  const void* node = nullptr;  // FuncDecl or FuncLit
  FuncLit* lit = nullptr;
  FuncCtx* outer = nullptr;
  TypeRef sig = nullptr;
  int slots = 0;
  std::vector<Object*> params;
  std::set<const Object*> captured;
  bool named_results = false;
};

// What a package-level object is declared by (resolved on first use).
struct GlobalDecl {
  enum class Kind : std::uint8_t { Const, Var, Type, Func } kind;
  ValueSpec* spec = nullptr;
  std::size_t index = 0;
  TypeSpec* type_spec = nullptr;
  FuncDecl* func = nullptr;
  bool resolving = false;
  bool resolved = false;
};

struct LibScope {
  std::string path;
  std::string name;
  std::unordered_map<std::string, Object*> members;
};

class Checker {
 public:
  Checker(TypeTable& tt, std::vector<std::unique_ptr<Object>>& objects, std::string pkg,
          std::vector<LibScope>* libs, bool lib_mode)
      : tt_(tt), objects_(objects), pkg_(std::move(pkg)), libs_(libs), lib_mode_(lib_mode) {
    make_universe();
  }

  std::vector<Diagnostic> diags;

  void check_file(File& f);
  std::unordered_map<std::string, Object*> exported() const {
    std::unordered_map<std::string, Object*> out;
    for (const auto& [n, o] : pkg_scope_.names) out[n] = o;
    return out;
  }

 private:
  // ---- errors
  void error(Pos p, std::string msg) {
    if (p.line == 0) return;
    for (const Diagnostic& d : diags) {
      if (d.line == p.line && d.col == p.col && d.message == msg) return;
    }
    diags.push_back(Diagnostic{p.line, p.col, std::move(msg)});
  }
  void refuse(Pos p, std::string_view construct) { error(p, subset_message(construct)); }

  Object* new_object(ObjKind k, std::string name, Pos p, TypeRef t) {
    auto o = std::make_unique<Object>();
    o->kind = k;
    o->name = std::move(name);
    o->pos = p;
    o->type = t;
    objects_.push_back(std::move(o));
    return objects_.back().get();
  }

  // ---- universe
  void make_universe();
  Scope universe_;
  Scope pkg_scope_;
  std::deque<Scope> scopes_;
  Scope* scope_ = nullptr;
  Object* iota_obj_ = nullptr;

  Scope* push_scope() {
    scopes_.emplace_back();
    scopes_.back().parent = scope_;
    scope_ = &scopes_.back();
    return scope_;
  }
  void pop_scope() { scope_ = scope_->parent; }

  Object* lookup(const std::string& name) {
    for (Scope* s = scope_; s != nullptr; s = s->parent) {
      auto it = s->names.find(name);
      if (it != s->names.end()) return it->second;
    }
    return nullptr;
  }

  void declare(Scope* s, Object* o, Pos p) {
    if (o->name == "_") return;
    auto [it, inserted] = s->names.try_emplace(o->name, o);
    if (!inserted) {
      error(p, fmt::format("{} redeclared in this block\n\t{}: other declaration of {}", o->name,
                           pos_string(it->second->pos), o->name));
      o->used = true;  // in no scope, so gc never reports it as unused
    }
  }
  static std::string pos_string(Pos p) { return fmt::format("./main.go:{}:{}", p.line, p.col); }

  // ---- declarations
  void collect(File& f);
  void collect_import(ImportSpec& imp);
  void collect_func(FuncDecl& fd);  // methods wait for the types
  void collect_gen(GenDecl& gd);
  void attach_method(FuncDecl& fd);
  void resolve_global(Object* o);
  void check_func_decl(FuncDecl& fd);
  TypeRef func_sig(FuncTypeExpr& ft, FieldDecl* recv, bool declare_params, FuncCtx* ctx);
  Object* declare_var(const std::string& name, Pos p, TypeRef t, bool param);
  void const_spec(ValueSpec& spec, const ValueSpec* values_from, bool local);
  void var_spec(ValueSpec& spec, bool local);
  void type_spec(TypeSpec& spec, bool local);

  // ---- types
  TypeRef resolve_type(Expr* e);
  TypeRef type_or_null(Expr* e, bool report);

  // ---- expressions
  Operand expr(Expr* e, TypeRef hint = nullptr);
  Operand expr_or_type(Expr* e, TypeRef hint = nullptr);
  Operand raw(Expr* e, TypeRef hint);
  Operand ident(Ident* id);
  Operand basic_lit(BasicLit* lit);
  Operand composite(CompositeLit* c, TypeRef hint);
  Operand func_lit(FuncLit* f);
  Operand selector(SelectorExpr* s);
  Operand index(IndexExpr* ix);
  Operand slice_expr(SliceExpr* s);
  Operand type_assert(TypeAssertExpr* ta);
  Operand call(CallExpr* c);
  Operand builtin_call(CallExpr* c, Builtin b);
  Operand conversion(CallExpr* c, TypeRef t);
  Operand unary(UnaryExpr* u, TypeRef hint);
  Operand binary(BinaryExpr* b, TypeRef hint);
  Operand shift(BinaryExpr* b, Operand x, Operand y);
  Operand comparison(BinaryExpr* b, Operand x, Operand y);
  std::vector<Operand> call_args(CallExpr* c, TypeRef sig, const std::string& fname);
  std::vector<Operand> multi(Expr* e, bool& spread, std::size_t want);

  // single value, not a type/builtin/novalue
  bool single_value(Operand& x);
  // x = f() with f returning several values: go1.19's "assignment mismatch"
  bool tuple_mismatch(Operand& x, std::size_t nl) {
    if (x.type == nullptr || x.type->kind != Kind::Tuple || x.expr->kind != ExprKind::Call)
      return false;
    const std::size_t n = x.type->params.size();
    error(x.expr->pos,
          fmt::format("assignment mismatch: {} variable{} but {} returns {} value{}", nl,
                      nl == 1 ? "" : "s", expr_string(*static_cast<CallExpr*>(x.expr)->fun), n,
                      n == 1 ? "" : "s"));
    return true;
  }
  std::string describe(const Operand& x);
  std::string describe_nil_ok(const Operand& x) { return describe(x); }
  void finish(Operand& x);  // records the operand in its Expr
  void default_type(Operand& x, const char* context = nullptr);
  bool convert_untyped(Operand& x, TypeRef target, bool report, const char* context = nullptr);
  bool representable(const CVal& v, TypeRef t, CVal& out, bool& truncated);
  bool assignable(Operand& x, TypeRef t, std::string* reason);
  bool assign(Operand& x, TypeRef t, const char* context);
  bool implements(TypeRef v, TypeRef iface, std::string* reason);
  bool identical(TypeRef a, TypeRef b) const { return a == b; }
  bool comparable(TypeRef t) const;
  void set_untyped_type(Expr* e, TypeRef t);
  std::string type_str(TypeRef t) const { return type_string(t); }
  std::string types_summary(const std::vector<TypeRef>& l, bool variadic);

  struct Lookup {
    enum class K : std::uint8_t { None, Field, Method } k = K::None;
    std::vector<int> path;
    const Method* method = nullptr;
    TypeRef field_type = nullptr;
    TypeRef recv_named = nullptr;  // the named type declaring the method
    bool indirect = false;         // went through a pointer
  };
  Lookup lookup_field_or_method(TypeRef t, const std::string& name);
  std::string lib_method_name(TypeRef named, const Method& m) const;

  // ---- statements
  void block(BlockStmt* b, bool new_scope = true);
  void stmt_list(std::vector<StmtPtr>& l);
  void stmt(Stmt* s);
  void assign_stmt(AssignStmt* a);
  void assign_lhs(Expr* lhs, Operand& x, const char* context);
  void cannot_assign(Expr* lhs, const Operand& l);
  void define_stmt(AssignStmt* a);
  void return_stmt(ReturnStmt* r);
  void branch_stmt(BranchStmt* b);
  void if_stmt(IfStmt* s);
  void for_stmt(ForStmt* s);
  void range_stmt(RangeStmt* s);
  void switch_stmt(SwitchStmt* s);
  void type_switch(TypeSwitchStmt* s);
  void select_stmt(SelectStmt* s);
  void go_defer(Stmt* s, CallExpr* call, Expr* bad, const char* what);
  bool terminating(const Stmt* s, const std::string& label);
  bool has_break(const Stmt* s, const Stmt* target, const std::string& label, bool nested);
  void check_labels(BlockStmt* body);
  void report_unused();

  TypeTable& tt_;
  std::vector<std::unique_ptr<Object>>& objects_;
  std::string pkg_;
  std::vector<LibScope>* libs_;
  bool lib_mode_;
  File* file_ = nullptr;
  std::unordered_map<Object*, GlobalDecl> globals_;
  std::vector<Object*> global_order_;
  FuncCtx* fn_ = nullptr;
  std::vector<Object*> locals_;  // for "declared but not used"
  std::vector<LibScope*> imports_;
  std::vector<std::pair<ImportSpec*, LibScope*>> import_specs_;

  struct Target {
    const Stmt* stmt;
    std::string label;
    bool loop;
  };
  std::vector<Target> targets_;
  std::map<std::string, std::pair<Pos, bool>> labels_;  // label -> (pos, used)
  std::set<std::string> pending_labels_;
  // For init order: the globals each global var / function refers to.
  std::unordered_map<const void*, std::set<Object*>> deps_;
  const void* dep_owner_ = nullptr;
  std::unordered_map<const Object*, CVal> const_vals_;

 public:
  std::unordered_map<const Object*, CVal> lib_consts_;
  const std::unordered_map<const Object*, CVal>& consts() const { return const_vals_; }

 private:
  std::vector<Object*> locals_const_;
  // Method signatures as declared (with parameter names), for "have M(a int)".
  std::map<std::pair<TypeRef, std::string>, std::string> sig_text_;
  std::string sig_text(TypeRef owner, const Method& m) const {
    auto it = sig_text_.find({owner, m.name});
    return it != sig_text_.end() ? it->second : type_str(m.sig).substr(4);
  }
  std::string pending_label_;
  bool fallthrough_ok_ = false;
  bool refused_import_ = false;
  int iota_ = -1;
  TypeRef rune_ = nullptr;
  TypeRef byte_ = nullptr;
};

// ============================================================ universe

void Checker::make_universe() {
  scope_ = &universe_;
  struct B {
    const char* name;
    Kind k;
  };
  const B basics[] = {
      {"bool", Kind::Bool},       {"int", Kind::Int},         {"int8", Kind::Int8},
      {"int16", Kind::Int16},     {"int32", Kind::Int32},     {"int64", Kind::Int64},
      {"uint", Kind::Uint},       {"uint8", Kind::Uint8},     {"uint16", Kind::Uint16},
      {"uint32", Kind::Uint32},   {"uint64", Kind::Uint64},   {"uintptr", Kind::Uintptr},
      {"float32", Kind::Float32}, {"float64", Kind::Float64}, {"string", Kind::String},
      {"byte", Kind::Uint8},      {"rune", Kind::Int32}};
  for (const B& b : basics) {
    universe_.names[b.name] = new_object(ObjKind::TypeName, b.name, Pos{}, tt_.basic(b.k));
  }
  rune_ = tt_.basic(Kind::Int32);
  byte_ = tt_.basic(Kind::Uint8);
  universe_.names["error"] = new_object(ObjKind::TypeName, "error", Pos{}, tt_.error_type());
  universe_.names["any"] = new_object(ObjKind::TypeName, "any", Pos{}, tt_.empty_interface());
  for (const char* c : {"complex64", "complex128"}) {
    universe_.names[c] = new_object(ObjKind::TypeName, c, Pos{}, nullptr);  // refused on use
  }
  Object* t = new_object(ObjKind::Const, "true", Pos{}, tt_.basic(Kind::UntypedBool));
  t->value = Constant{Constant::Kind::Bool, true, 0, 0, {}};
  universe_.names["true"] = t;
  Object* f = new_object(ObjKind::Const, "false", Pos{}, tt_.basic(Kind::UntypedBool));
  f->value = Constant{Constant::Kind::Bool, false, 0, 0, {}};
  universe_.names["false"] = f;
  iota_obj_ = new_object(ObjKind::Const, "iota", Pos{}, tt_.basic(Kind::UntypedInt));
  universe_.names["iota"] = iota_obj_;
  universe_.names["nil"] = new_object(ObjKind::Nil, "nil", Pos{}, tt_.basic(Kind::UntypedNil));
  const std::pair<const char*, Builtin> builtins[] = {
      {"len", Builtin::Len},      {"cap", Builtin::Cap},         {"append", Builtin::Append},
      {"make", Builtin::Make},    {"new", Builtin::New},         {"delete", Builtin::Delete},
      {"close", Builtin::Close},  {"panic", Builtin::Panic},     {"recover", Builtin::Recover},
      {"print", Builtin::Print},  {"println", Builtin::Println}, {"copy", Builtin::Copy},
      {"complex", Builtin::None}, {"real", Builtin::None},       {"imag", Builtin::None}};
  for (const auto& [name, b] : builtins) {
    Object* o = new_object(ObjKind::Builtin, name, Pos{}, nullptr);
    o->builtin = b;
    universe_.names[name] = o;
  }
  pkg_scope_.parent = &universe_;
  scope_ = &pkg_scope_;
}

// ============================================================ declarations

void Checker::collect(File& f) {
  for (ImportSpec& imp : f.imports) collect_import(imp);
  for (Decl& d : f.decls) {
    if (d.kind == Decl::Kind::Func) {
      collect_func(*d.func);
    } else {
      collect_gen(*d.gen);
    }
  }
}

void Checker::collect_import(ImportSpec& imp) {
  LibScope* lib = nullptr;
  for (LibScope& l : *libs_) {
    if (l.path == imp.path) lib = &l;
  }
  if (lib == nullptr) {
    if (imp.path == "C") {
      refuse(imp.pos, "cgo (import \"C\")");
    } else if (imp.path == "unsafe") {
      refuse(imp.path_pos, "package unsafe");
    } else if (imp.path == "reflect") {
      refuse(imp.path_pos, "reflection (package reflect)");
    } else {
      refuse(imp.path_pos, fmt::format("package {}", imp.path));
    }
    refused_import_ = true;
    // its name stays declared so that its uses add no second message
    std::string pname = imp.name ? imp.name->name : imp.path.substr(imp.path.rfind('/') + 1);
    if (pname != "_" && pname != "." && !pname.empty() && !pkg_scope_.names.contains(pname)) {
      Object* o = new_object(ObjKind::Package, pname, imp.pos, nullptr);
      imp.obj = o;
      pkg_scope_.names[pname] = o;
    }
    return;
  }
  std::string name = lib->name;
  if (imp.name) {
    if (imp.name->name == ".") {
      refuse(imp.name->pos, "dot imports");
      return;
    }
    name = imp.name->name;
  }
  Object* o = new_object(ObjKind::Package, name, imp.pos, nullptr);
  o->qualified = lib->path;
  imp.obj = o;
  if (name != "_") {
    if (pkg_scope_.names.contains(name)) {
      error(imp.path_pos, fmt::format("{} redeclared in this block", name));
    } else {
      pkg_scope_.names[name] = o;
    }
  }
  import_specs_.emplace_back(&imp, lib);
}

void Checker::collect_func(FuncDecl& fd) {
  if (fd.recv) return;  // methods: after the types
  if (fd.has_tparams) {
    refuse(fd.name->pos, "generics (type parameters)");
  }
  Object* o = new_object(ObjKind::Func, fd.name->name, fd.name->pos, nullptr);
  o->decl = &fd;
  if (!lib_mode_ && !fd.body) error(fd.name->pos, "missing function body");
  if (lib_mode_) o->qualified = pkg_ + "." + fd.name->name;
  fd.obj = o;
  fd.name->obj = o;
  if (fd.name->name == "init") {
    if (!fd.sig->params.list.empty() || !fd.sig->results.list.empty()) {
      error(fd.name->pos, "func init must have no arguments and no return values");
    }
    file_->inits.push_back(&fd);
    return;
  }
  if (fd.name->name == "main" && !lib_mode_) {
    if (!fd.sig->params.list.empty() || !fd.sig->results.list.empty()) {
      error(fd.name->pos, "func main must have no arguments and no return values");
    }
    file_->main = &fd;
  }
  GlobalDecl g;
  g.kind = GlobalDecl::Kind::Func;
  g.func = &fd;
  g.resolved = fd.has_tparams;  // refused: its uses stay silent
  globals_[o] = g;
  declare(&pkg_scope_, o, fd.name->pos);
}

void Checker::collect_gen(GenDecl& gd) {
  if (gd.tok == Tok::Type) {
    for (TypeSpec& ts : gd.types) {
      Object* o = new_object(ObjKind::TypeName, ts.name->name, ts.name->pos, nullptr);
      ts.name->obj = o;
      if (lib_mode_) o->qualified = pkg_ + "." + ts.name->name;
      GlobalDecl g;
      g.kind = GlobalDecl::Kind::Type;
      g.type_spec = &ts;
      globals_[o] = g;
      declare(&pkg_scope_, o, ts.name->pos);
      global_order_.push_back(o);
    }
    return;
  }
  const ValueSpec* prev = nullptr;
  for (ValueSpec& vs : gd.values) {
    if (gd.tok == Tok::Const) {
      if (vs.values.empty() && !vs.type) {
        vs.implicit_from = prev;
        if (prev == nullptr) error(vs.names[0]->pos, "missing init expr for const declaration");
      } else {
        prev = &vs;
      }
    }
    for (std::size_t i = 0; i < vs.names.size(); ++i) {
      Ident& id = *vs.names[i];
      Object* o = new_object(gd.tok == Tok::Const ? ObjKind::Const : ObjKind::Var, id.name, id.pos,
                             nullptr);
      id.obj = o;
      if (lib_mode_) o->qualified = pkg_ + "." + id.name;
      GlobalDecl g;
      g.kind = gd.tok == Tok::Const ? GlobalDecl::Kind::Const : GlobalDecl::Kind::Var;
      g.spec = &vs;
      g.index = i;
      globals_[o] = g;
      if (id.name == "init" || (id.name == "main" && !lib_mode_)) {
        error(id.pos, fmt::format("cannot declare {} - must be func", id.name));
      }
      declare(&pkg_scope_, o, id.pos);
      global_order_.push_back(o);
    }
  }
}

Object* Checker::declare_var(const std::string& name, Pos p, TypeRef t, bool param) {
  Object* o = new_object(ObjKind::Var, name, p, t);
  o->is_param = param;
  if (fn_ != nullptr) {
    o->owner = fn_->node;
    o->slot = fn_->slots++;
    if (!param && name != "_") locals_.push_back(o);
  }
  if (name != "_") declare(scope_, o, p);
  return o;
}

void Checker::resolve_global(Object* o) {
  auto it = globals_.find(o);
  if (it == globals_.end()) return;
  GlobalDecl& g = it->second;
  if (g.resolved) return;
  if (g.resolving) {
    if (g.kind != GlobalDecl::Kind::Type && g.kind != GlobalDecl::Kind::Func) {
      error(o->pos,
            fmt::format("initialization cycle or invalid recursive reference to {}", o->name));
      o->type = nullptr;
    }
    return;
  }
  g.resolving = true;
  Scope* saved_scope = scope_;
  FuncCtx* saved_fn = fn_;
  const void* saved_owner = dep_owner_;
  const int saved_iota = iota_;
  scope_ = &pkg_scope_;
  fn_ = nullptr;
  switch (g.kind) {
    case GlobalDecl::Kind::Type:
      type_spec(*g.type_spec, false);
      break;
    case GlobalDecl::Kind::Const:
      const_spec(*g.spec, g.spec->implicit_from, false);
      break;
    case GlobalDecl::Kind::Var:
      dep_owner_ = g.spec;
      var_spec(*g.spec, false);
      break;
    case GlobalDecl::Kind::Func: {
      FuncDecl& fd = *g.func;
      o->type = func_sig(*fd.sig, nullptr, false, nullptr);
      break;
    }
  }
  scope_ = saved_scope;
  fn_ = saved_fn;
  dep_owner_ = saved_owner;
  iota_ = saved_iota;
  g.resolving = false;
  g.resolved = true;
}

void Checker::type_spec(TypeSpec& ts, bool local) {
  Object* o = ts.name->obj;
  if (ts.has_tparams) {
    refuse(ts.name->pos, "generics (type parameters)");
    o->type = nullptr;
    return;
  }
  if (ts.alias) {
    o->type = resolve_type(ts.type.get());
    if (local) declare(scope_, o, ts.name->pos);
    return;
  }
  Type* named = tt_.named(ts.name->name, pkg_);
  o->type = named;
  if (local) declare(scope_, o, ts.name->pos);
  TypeRef u = resolve_type(ts.type.get());
  if (u != nullptr) u = underlying(u);
  if (u == nullptr) u = tt_.basic(Kind::Invalid);
  TypeTable::set_underlying(named, u);
  ts.type->type = u;
}

void Checker::const_spec(ValueSpec& spec, const ValueSpec* values_from, bool local) {
  const ValueSpec& src = values_from != nullptr ? *values_from : spec;
  TypeRef t = src.type ? resolve_type(src.type.get()) : nullptr;
  iota_ = spec.iota;
  for (std::size_t i = 0; i < spec.names.size(); ++i) {
    Object* o = spec.names[i]->obj;
    if (o == nullptr) continue;
    if (i >= src.values.size()) {
      if (i == src.values.size()) {
        error(spec.names[i]->pos, "missing init expr for const declaration");
      }
      o->type = nullptr;
      if (local) declare(scope_, o, spec.names[i]->pos);
      continue;
    }
    Expr* e = src.values[i].get();
    // A repeated expression (values_from) is checked again with this spec's iota; its
    // annotations are overwritten, which is harmless: only the constant's value is used.
    Operand x = expr(e, t);
    if (!x.invalid() && x.mode != Mode::Constant) {
      error(e->pos, fmt::format("{} is not constant", describe(x)));
      x.mode = Mode::Invalid;
    }
    if (!x.invalid() && t != nullptr) {
      if (!assign(x, t, "constant declaration")) x.mode = Mode::Invalid;
    }
    if (!x.invalid()) {
      o->type = x.type;
      Constant c;
      switch (x.val.k) {
        case CVal::K::Bool:
          c.kind = Constant::Kind::Bool;
          c.b = x.val.b;
          break;
        case CVal::K::Int:
          c.kind = Constant::Kind::Int;
          c.i = static_cast<std::int64_t>(x.val.i);
          c.f = static_cast<double>(x.val.i);
          break;
        case CVal::K::Float:
          c.kind = Constant::Kind::Float;
          c.f = static_cast<double>(x.val.f);
          break;
        case CVal::K::String:
          c.kind = Constant::Kind::String;
          c.s = x.val.s;
          break;
        default:
          break;
      }
      o->value = c;
      const_vals_[o] = x.val;
    } else {
      o->type = nullptr;
    }
    if (local) declare(scope_, o, spec.names[i]->pos);
  }
  if (src.values.size() > spec.names.size() && values_from == nullptr) {
    error(src.values[spec.names.size()]->pos, "extra init expr");
  }
  iota_ = -1;
}

void Checker::var_spec(ValueSpec& spec, bool local) {
  TypeRef t = spec.type ? resolve_type(spec.type.get()) : nullptr;
  const std::size_t n = spec.names.size();
  std::vector<TypeRef> types(n, t);
  // A variable whose initialiser is wrong is never reported as unused (types2 marks it
  // used to avoid a follow-on error).
  std::vector<char> failed(n, 0);
  if (!spec.values.empty()) {
    if (spec.values.size() == n) {
      for (std::size_t i = 0; i < n; ++i) {
        Operand x = expr(spec.values[i].get(), t);
        if (!x.invalid() && tuple_mismatch(x, n)) x.mode = Mode::Invalid;
        if (x.invalid() || !single_value(x)) {
          types[i] = t;
          failed[i] = 1;
          continue;
        }
        if (t != nullptr) {
          failed[i] = assign(x, t, "variable declaration") ? 0 : 1;
        } else {
          if (x.mode == Mode::Nil) {
            error(x.expr->pos, "use of untyped nil in variable declaration");
            failed[i] = 1;
            continue;
          }
          default_type(x, "variable declaration");
          types[i] = x.invalid() ? nullptr : x.type;
        }
        if (!x.invalid()) finish(x);
      }
    } else if (spec.values.size() == 1) {
      bool spread = false;
      std::vector<Operand> xs = multi(spec.values[0].get(), spread, n);
      if (!xs.empty() && xs.size() != n) {
        Expr* v = spec.values[0].get();
        if (v->kind == ExprKind::Call) {
          error(v->pos,
                fmt::format("assignment mismatch: {} variable{} but {} returns {} value{}", n,
                            n == 1 ? "" : "s", expr_string(*static_cast<CallExpr*>(v)->fun),
                            xs.size(), xs.size() == 1 ? "" : "s"));
        } else {
          error(v->pos, fmt::format("assignment mismatch: {} variable{} but {} value{}", n,
                                    n == 1 ? "" : "s", xs.size(), xs.size() == 1 ? "" : "s"));
        }
      } else if (xs.size() == n) {
        for (std::size_t i = 0; i < n; ++i) {
          if (t != nullptr) {
            failed[i] = assign(xs[i], t, "variable declaration") ? 0 : 1;
          } else {
            default_type(xs[i]);
            types[i] = xs[i].type;
          }
        }
      }
    } else {
      if (spec.values.size() < n) {
        error(spec.names[spec.values.size()]->pos,
              fmt::format("missing init expr for {}", spec.names[spec.values.size()]->name));
      } else {
        error(spec.values[n]->pos, "extra init expr");
      }
      for (auto& v : spec.values) (void)expr(v.get());
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    Ident& id = *spec.names[i];
    if (local) {
      id.obj = declare_var(id.name, id.pos, types[i], false);
      if (failed[i] != 0) id.obj->used = true;
    } else if (id.obj != nullptr) {
      id.obj->type = types[i];
    }
  }
}

TypeRef Checker::func_sig(FuncTypeExpr& ft, FieldDecl* recv, bool declare_params, FuncCtx* ctx) {
  std::vector<TypeRef> params;
  std::vector<TypeRef> results;
  bool variadic = false;
  auto add = [&](FieldDecl& f, bool is_result, bool is_recv) -> TypeRef {
    Expr* te = f.type.get();
    TypeRef t = nullptr;
    if (te->kind == ExprKind::Ellipsis) {
      auto* el = static_cast<EllipsisExpr*>(te);
      TypeRef et = resolve_type(el->elem.get());
      t = et != nullptr ? tt_.slice(et) : nullptr;
      te->type = t;
      te->mode = Mode::Type;
      if (is_result || &f != ft.params.list.back().get()) {
        error(te->pos, "can only use ... with final parameter in list");
      } else {
        variadic = true;
      }
    } else {
      t = resolve_type(te);
    }
    const std::size_t count = std::max<std::size_t>(1, f.names.size());
    for (std::size_t i = 0; i < count; ++i) {
      if (!is_recv) (is_result ? results : params).push_back(t);
      if (declare_params && ctx != nullptr) {
        Object* o = nullptr;
        if (i < f.names.size()) {
          o = declare_var(f.names[i]->name, f.names[i]->pos, t, true);
          f.names[i]->obj = o;
        } else {
          o = new_object(ObjKind::Var, "_", f.pos, t);
          o->is_param = true;
          o->owner = ctx->node;
          o->slot = ctx->slots++;
        }
        ctx->params.push_back(o);
      }
    }
    return t;
  };
  if (recv != nullptr) add(*recv, false, true);
  for (auto& f : ft.params.list) add(*f, false, false);
  for (auto& f : ft.results.list) add(*f, true, false);
  for (TypeRef t : params) {
    if (t == nullptr) return nullptr;
  }
  for (TypeRef t : results) {
    if (t == nullptr) return nullptr;
  }
  TypeRef sig = tt_.func(std::move(params), std::move(results), variadic);
  ft.type = sig;
  ft.mode = Mode::Type;
  return sig;
}

// ============================================================ types

TypeRef Checker::resolve_type(Expr* e) { return type_or_null(e, true); }

TypeRef Checker::type_or_null(Expr* e, bool report) {
  if (e == nullptr) return nullptr;
  TypeRef t = nullptr;
  switch (e->kind) {
    case ExprKind::Ident:
    case ExprKind::Selector: {
      Operand x = expr_or_type(e);
      if (x.invalid()) return nullptr;
      if (x.mode != Mode::Type) {
        if (report) error(e->pos, fmt::format("{} is not a type", expr_string(*e)));
        return nullptr;
      }
      return x.type;
    }
    case ExprKind::Paren:
      t = type_or_null(static_cast<ParenExpr*>(e)->x.get(), report);
      break;
    case ExprKind::Star: {
      TypeRef el = type_or_null(static_cast<StarExpr*>(e)->x.get(), report);
      t = el != nullptr ? tt_.pointer(el) : nullptr;
      break;
    }
    case ExprKind::ArrayType: {
      auto* a = static_cast<ArrayTypeExpr*>(e);
      if (!a->len) {
        error(a->pos, "invalid use of [...] array (outside a composite literal)");
        return nullptr;
      }
      Operand n = expr(a->len.get());
      TypeRef el = resolve_type(a->elem.get());
      if (n.invalid() || el == nullptr) return nullptr;
      if (n.mode != Mode::Constant ||
          (!is_integer(n.type) && !(n.val.k == CVal::K::Float && n.val.f == std::floor(n.val.f)))) {
        error(a->len->pos, fmt::format("array length {} must be constant", describe(n)));
        return nullptr;
      }
      const i128 len = n.val.k == CVal::K::Int ? n.val.i : static_cast<i128>(n.val.f);
      if (len < 0 || len > (i128{1} << 40)) {
        error(a->len->pos, fmt::format("invalid array length {}", expr_string(*a->len)));
        return nullptr;
      }
      t = tt_.array(el, static_cast<std::int64_t>(len));
      break;
    }
    case ExprKind::SliceType: {
      TypeRef el = resolve_type(static_cast<SliceTypeExpr*>(e)->elem.get());
      t = el != nullptr ? tt_.slice(el) : nullptr;
      break;
    }
    case ExprKind::MapType: {
      auto* m = static_cast<MapTypeExpr*>(e);
      TypeRef k = resolve_type(m->key.get());
      TypeRef v = resolve_type(m->value.get());
      if (k == nullptr || v == nullptr) return nullptr;
      if (underlying(k) != nullptr && underlying(k)->kind != Kind::Invalid && !comparable(k)) {
        error(m->key->pos, fmt::format("invalid map key type {}", type_str(k)));
        return nullptr;
      }
      t = tt_.map(k, v);
      break;
    }
    case ExprKind::ChanType: {
      auto* c = static_cast<ChanTypeExpr*>(e);
      TypeRef el = resolve_type(c->elem.get());
      t = el != nullptr ? tt_.chan(el, c->dir) : nullptr;
      break;
    }
    case ExprKind::FuncType:
      t = func_sig(*static_cast<FuncTypeExpr*>(e), nullptr, false, nullptr);
      break;
    case ExprKind::StructType: {
      auto* s = static_cast<StructTypeExpr*>(e);
      std::vector<Field> fields;
      std::set<std::string> seen;
      for (auto& fd : s->fields.list) {
        TypeRef ft = resolve_type(fd->type.get());
        if (ft == nullptr) return nullptr;
        if (fd->names.empty()) {
          // embedded: T or *T; the field's name is the type's name
          Expr* te = fd->type.get();
          if (te->kind == ExprKind::Star) te = static_cast<StarExpr*>(te)->x.get();
          std::string name = te->kind == ExprKind::Selector
                                 ? static_cast<SelectorExpr*>(te)->sel->name
                             : te->kind == ExprKind::Ident ? static_cast<Ident*>(te)->name
                                                           : "?";
          TypeRef base = ft->kind == Kind::Pointer ? ft->elem : ft;
          if (ft->kind == Kind::Pointer && is_interface(base)) {
            error(fd->type->pos, "embedded field type cannot be a pointer to an interface");
          }
          if (!seen.insert(name).second) error(fd->pos, fmt::format("{} redeclared", name));
          fields.push_back(Field{name, ft, true});
          continue;
        }
        for (auto& n : fd->names) {
          if (n->name != "_" && !seen.insert(n->name).second) {
            error(n->pos, fmt::format("{} redeclared", n->name));
          }
          fields.push_back(Field{n->name, ft, false});
        }
      }
      t = tt_.structure(std::move(fields));
      break;
    }
    case ExprKind::InterfaceType: {
      auto* it = static_cast<InterfaceTypeExpr*>(e);
      if (it->has_constraints) {
        refuse(it->pos, "generics (type constraints)");
        return nullptr;
      }
      std::vector<Method> methods;
      std::vector<std::pair<std::string, std::string>> method_texts;
      for (auto& fd : it->methods.list) {
        if (fd->names.empty()) {
          TypeRef emb = resolve_type(fd->type.get());
          if (emb == nullptr) return nullptr;
          if (!is_interface(emb)) {
            refuse(fd->type->pos, "generics (type constraints)");
            return nullptr;
          }
          for (const Method& m : underlying(emb)->methods) methods.push_back(m);
          continue;
        }
        TypeRef sig =
            func_sig(*static_cast<FuncTypeExpr*>(fd->type.get()), nullptr, false, nullptr);
        if (sig == nullptr) return nullptr;
        Method m;
        m.name = fd->names[0]->name;
        m.sig = sig;
        methods.push_back(m);
        method_texts.emplace_back(m.name, expr_string(*fd->type).substr(4));
      }
      t = tt_.interface(std::move(methods));
      for (auto& [name, text] : method_texts) sig_text_[{t, name}] = text;
      break;
    }
    case ExprKind::Index:
      refuse(e->pos, "generics (type arguments)");
      return nullptr;
    default:
      if (report) error(e->pos, fmt::format("{} is not a type", expr_string(*e)));
      return nullptr;
  }
  if (t != nullptr) {
    e->type = t;
    e->mode = Mode::Type;
  }
  return t;
}

bool Checker::comparable(TypeRef t) const {
  TypeRef u = underlying(t);
  if (u == nullptr) return false;
  switch (u->kind) {
    case Kind::Slice:
    case Kind::Map:
    case Kind::Func:
      return false;
    case Kind::Struct:
      for (const Field& f : u->fields) {
        if (!comparable(f.type)) return false;
      }
      return true;
    case Kind::Array:
      return comparable(u->elem);
    default:
      return true;
  }
}

// ============================================================ operands

std::string Checker::describe(const Operand& x) {
  const std::string e = x.expr != nullptr ? expr_string(*x.expr) : std::string();
  if (x.mode == Mode::Nil) return e.empty() ? "nil" : e;
  std::string d;
  bool has_type = false;
  switch (x.mode) {
    case Mode::Invalid:
    case Mode::NoValue:
    case Mode::Builtin:
    case Mode::Type:
      break;
    default:
      if (x.type != nullptr) {
        if (is_untyped(x.type)) {
          d += type_str(x.type) + " ";
        } else {
          has_type = true;
        }
      }
  }
  switch (x.mode) {
    case Mode::Invalid:
      d += "invalid operand";
      break;
    case Mode::NoValue:
      d += "no value";
      break;
    case Mode::Builtin:
      d += "built-in";
      break;
    case Mode::Type:
      d += "type";
      break;
    case Mode::Constant:
      d += "constant";
      break;
    case Mode::Variable:
      d += "variable";
      break;
    case Mode::MapIndex:
      d += "map index expression";
      break;
    default:
      d += "value";
      break;
  }
  if (x.mode == Mode::Constant) {
    // Go shows the value when the expression does not spell it; a value beyond 128 bits
    // is not known here (a literal that long spells itself).
    const std::string v = cval_string(x.val);
    if (v != e && !x.val.overflow) d += " " + v;
  }
  if (has_type) d += " of type " + type_str(x.type);
  return e.empty() ? d : e + " (" + d + ")";
}

std::string Checker::types_summary(const std::vector<TypeRef>& l, bool variadic) {
  std::string out = "(";
  for (std::size_t i = 0; i < l.size(); ++i) {
    if (i > 0) out += ", ";
    TypeRef t = l[i];
    if (t == nullptr) {
      out += "unknown type";
    } else if (is_untyped(t)) {
      if (is_numeric(t)) {
        out += "number";
      } else {
        std::string n = type_str(t);
        out += n.substr(n.find(' ') + 1);
      }
    } else if (variadic && i + 1 == l.size() && t->kind == Kind::Slice) {
      out += "..." + type_str(t->elem);
    } else {
      out += type_str(t);
    }
  }
  return out + ")";
}

Constant to_constant(const CVal& v, TypeRef t) {
  Constant c;
  switch (v.k) {
    case CVal::K::Bool:
      c.kind = Constant::Kind::Bool;
      c.b = v.b;
      break;
    case CVal::K::Int:
      if (is_float(t)) {
        c.kind = Constant::Kind::Float;
        c.f = static_cast<double>(v.i);
      } else {
        c.kind = Constant::Kind::Int;
        c.i = static_cast<std::int64_t>(static_cast<std::uint64_t>(static_cast<u128>(v.i)));
        c.f = static_cast<double>(v.i);
      }
      break;
    case CVal::K::Float:
      if (is_integer(t) && !is_untyped(t)) {
        c.kind = Constant::Kind::Int;
        c.i = static_cast<std::int64_t>(v.f);
      } else {
        c.kind = Constant::Kind::Float;
        c.f = static_cast<double>(v.f);
      }
      break;
    case CVal::K::String:
      c.kind = Constant::Kind::String;
      c.s = v.s;
      break;
    default:
      break;
  }
  return c;
}

void Checker::finish(Operand& x) {
  if (x.expr == nullptr) return;
  x.expr->mode = x.mode;
  x.expr->type = x.type;
  if (x.mode == Mode::Constant && x.val.known()) x.expr->value = to_constant(x.val, x.type);
}

bool Checker::single_value(Operand& x) {
  if (x.invalid()) return false;
  switch (x.mode) {
    case Mode::NoValue:
      error(x.expr->pos, fmt::format("{} (no value) used as value", expr_string(*x.expr)));
      x.mode = Mode::Invalid;
      return false;
    case Mode::Type:
      error(x.expr->pos, fmt::format("{} (type) is not an expression", expr_string(*x.expr)));
      x.mode = Mode::Invalid;
      return false;
    case Mode::Builtin:
      error(x.expr->pos, fmt::format("{} (built-in) must be called", expr_string(*x.expr)));
      x.mode = Mode::Invalid;
      return false;
    case Mode::Package:
      error(x.expr->pos, fmt::format("use of package {} without selector", expr_string(*x.expr)));
      x.mode = Mode::Invalid;
      return false;
    default:
      break;
  }
  if (x.type != nullptr && x.type->kind == Kind::Tuple) {
    error(x.expr->pos, fmt::format("multiple-value {} (value of type {}) in single-value context",
                                   expr_string(*x.expr), type_str(x.type)));
    x.mode = Mode::Invalid;
    return false;
  }
  return true;
}

void Checker::default_type(Operand& x, const char* context) {
  if (x.type == nullptr || !is_untyped(x.type)) return;
  TypeRef t = nullptr;
  switch (x.type->kind) {
    case Kind::UntypedBool:
      t = tt_.basic(Kind::Bool);
      break;
    case Kind::UntypedInt:
      t = tt_.basic(Kind::Int);
      break;
    case Kind::UntypedRune:
      t = rune_;
      break;
    case Kind::UntypedFloat:
      t = tt_.basic(Kind::Float64);
      break;
    case Kind::UntypedString:
      t = tt_.basic(Kind::String);
      break;
    default:
      return;
  }
  convert_untyped(x, t, true, context);
}

bool Checker::representable(const CVal& v, TypeRef t, CVal& out, bool& truncated) {
  truncated = false;
  out = v;
  TypeRef u = underlying(t);
  if (u == nullptr) return false;
  if (is_integer(u)) {
    i128 iv = 0;
    if (v.k == CVal::K::Int) {
      iv = v.i;
      if (v.overflow) return false;
    } else if (v.k == CVal::K::Float) {
      if (v.f != std::floor(v.f) || !std::isfinite(v.f)) {
        truncated = true;
        return false;
      }
      if (std::fabs(v.f) > 1.7e38) return false;
      iv = static_cast<i128>(v.f);
    } else {
      return false;
    }
    out.k = CVal::K::Int;
    out.i = iv;
    if (is_untyped(u)) return true;
    const int bits = int_bits(u->kind);
    if (is_unsigned(u)) {
      return iv >= 0 && (bits == 128 || iv <= (i128{1} << bits) - 1);
    }
    return iv >= -(i128{1} << (bits - 1)) && iv <= (i128{1} << (bits - 1)) - 1;
  }
  if (is_float(u)) {
    if (v.k == CVal::K::Int) {
      out.k = CVal::K::Float;
      out.f = static_cast<long double>(v.i);
    } else if (v.k != CVal::K::Float) {
      return false;
    }
    if (is_untyped(u)) return std::isfinite(out.f);
    if (u->kind == Kind::Float32) {
      if (std::fabs(out.f) > 3.40282346638528859811704183484516925440e+38L) return false;
      out.f = static_cast<float>(out.f);
    } else {
      if (std::fabs(out.f) > std::numeric_limits<double>::max()) return false;
      out.f = static_cast<double>(out.f);
    }
    return true;
  }
  if (is_string(u)) return v.k == CVal::K::String;
  if (is_boolean(u)) return v.k == CVal::K::Bool;
  return false;
}

// An untyped operand takes type `target` (its context's type). For a constant the value
// must be representable.
bool Checker::convert_untyped(Operand& x, TypeRef target, bool report, const char* context) {
  if (x.invalid() || x.type == nullptr || !is_untyped(x.type) || target == nullptr) return true;
  TypeRef tu = underlying(target);
  if (is_untyped(target)) {
    // both untyped: the "larger" kind wins (int < rune < float)
    if (is_numeric(x.type) && is_numeric(target) && x.type->kind < target->kind) {
      x.type = target;
      if (x.val.k == CVal::K::Int && target->kind == Kind::UntypedFloat) {
        x.val.k = CVal::K::Float;
        x.val.f = static_cast<long double>(x.val.i);
      }
    }
    return true;
  }
  auto fail = [&](const std::string& why) {
    if (report) {
      if (context != nullptr) {
        error(x.expr->pos, fmt::format("cannot use {} as {} value in {}{}", describe(x),
                                       type_str(target), context, why));
      } else if (x.mode == Mode::Constant && is_numeric(x.type) && is_numeric(tu)) {
        error(x.expr->pos,
              fmt::format("{} {}s {}", describe(x), why == " (truncated)" ? "truncate" : "overflow",
                          type_str(target)));
      } else {
        error(x.expr->pos, fmt::format("cannot convert {} to {}", describe(x), type_str(target)));
      }
    }
    x.mode = Mode::Invalid;
    return false;
  };
  if (x.mode == Mode::Nil || x.type->kind == Kind::UntypedNil) {
    switch (tu->kind) {
      case Kind::Pointer:
      case Kind::Slice:
      case Kind::Map:
      case Kind::Chan:
      case Kind::Func:
      case Kind::Interface:
        x.type = target;
        set_untyped_type(x.expr, target);
        return true;
      default:
        return fail("");
    }
  }
  if (tu->kind == Kind::Interface) {
    // untyped value into an interface: its default type, which must implement it
    if (!tu->methods.empty()) {
      Operand y = x;
      default_type(y);
      if (!implements(y.type, target, nullptr)) return fail("");
      x = y;
      return true;
    }
    default_type(x);
    return true;
  }
  if (x.mode == Mode::Constant && x.val.known()) {
    CVal out;
    bool truncated = false;
    const bool kind_ok = (is_numeric(x.type) && is_numeric(tu)) ||
                         (is_string(x.type) && is_string(tu)) ||
                         (is_boolean(x.type) && is_boolean(tu));
    if (!kind_ok) return fail("");
    if (!representable(x.val, target, out, truncated)) {
      return fail(truncated ? " (truncated)" : " (overflows)");
    }
    x.val = out;
  } else {
    const bool ok = (is_numeric(x.type) && is_numeric(tu)) ||
                    (is_string(x.type) && is_string(tu)) || (is_boolean(x.type) && is_boolean(tu));
    if (!ok) return fail("");
    // a non-constant untyped value: a shifted untyped operand or a comparison result
  }
  x.type = target;
  set_untyped_type(x.expr, target);
  return true;
}

void Checker::set_untyped_type(Expr* e, TypeRef t) {
  if (e == nullptr || e->type == nullptr || !is_untyped(e->type)) return;
  e->type = t;
  if (e->value && e->value->kind == Constant::Kind::Int && is_float(t)) {
    e->value->kind = Constant::Kind::Float;
    e->value->f = static_cast<double>(e->value->i);
  }
  switch (e->kind) {
    case ExprKind::Paren:
      set_untyped_type(static_cast<ParenExpr*>(e)->x.get(), t);
      break;
    case ExprKind::Unary:
      set_untyped_type(static_cast<UnaryExpr*>(e)->x.get(), t);
      break;
    case ExprKind::Binary: {
      auto* b = static_cast<BinaryExpr*>(e);
      if (b->op == Tok::Eql || b->op == Tok::Neq || b->op == Tok::Lss || b->op == Tok::Leq ||
          b->op == Tok::Gtr || b->op == Tok::Geq) {
        break;  // operands keep their own types
      }
      set_untyped_type(b->x.get(), t);
      if (b->op != Tok::Shl && b->op != Tok::Shr) set_untyped_type(b->y.get(), t);
      break;
    }
    default:
      break;
  }
}

bool Checker::implements(TypeRef v, TypeRef iface, std::string* reason) {
  TypeRef it = underlying(iface);
  if (it == nullptr || it->kind != Kind::Interface) return false;
  for (const Method& m : it->methods) {
    const Method* found = nullptr;
    TypeRef found_owner = nullptr;
    bool pointer_only = false;
    TypeRef vu = underlying(v);
    if (vu != nullptr && vu->kind == Kind::Interface) {
      for (const Method& vm : vu->methods) {
        if (vm.name == m.name) found = &vm;
      }
      found_owner = vu;
    } else {
      Lookup l = lookup_field_or_method(v, m.name);
      if (l.k == Lookup::K::Method) {
        found = l.method;
        found_owner = l.recv_named;
        // a pointer-receiver method is in the method set of T only through a pointer
        const bool via_pointer = v->kind == Kind::Pointer || l.indirect;
        if (found->pointer_recv && !via_pointer) pointer_only = true;
      }
    }
    if (found == nullptr) {
      if (reason != nullptr) {
        *reason = fmt::format("{} does not implement {} (missing {} method)", type_str(v),
                              type_str(iface), m.name);
      }
      return false;
    }
    if (pointer_only) {
      if (reason != nullptr) {
        *reason = fmt::format("{} does not implement {} ({} method has pointer receiver)",
                              type_str(v), type_str(iface), m.name);
      }
      return false;
    }
    if (found->sig != m.sig) {
      if (reason != nullptr) {
        std::string have = type_str(found->sig).substr(4);
        std::string want = type_str(m.sig).substr(4);
        *reason = fmt::format(
            "{} does not implement {} (wrong type for {} method)\n\t\thave {}{}\n\t\twant {}{}",
            type_str(v), type_str(iface), m.name, m.name, sig_text(found_owner, *found), m.name,
            sig_text(it, m));
        (void)have;
        (void)want;
      }
      return false;
    }
  }
  return true;
}

bool Checker::assignable(Operand& x, TypeRef t, std::string* reason) {
  TypeRef v = x.type;
  if (v == nullptr || t == nullptr) return true;
  if (v == t) return true;
  TypeRef vu = underlying(v);
  TypeRef tu = underlying(t);
  if (is_untyped(v)) {
    if (tu->kind == Kind::Interface && x.mode != Mode::Nil) {
      Operand y = x;
      default_type(y);
      return implements(y.type, t, reason);
    }
    return true;  // checked by convert_untyped
  }
  if (vu == tu && (!v->is_named() || !t->is_named())) return true;
  if (tu->kind == Kind::Interface) return implements(v, t, reason);
  if (vu->kind == Kind::Chan && tu->kind == Kind::Chan && vu->dir == ChanDir::Both &&
      vu->elem == tu->elem && (!v->is_named() || !t->is_named())) {
    return true;
  }
  return false;
}

bool Checker::assign(Operand& x, TypeRef t, const char* context) {
  if (x.invalid() || t == nullptr) return false;
  if (underlying(t) != nullptr && underlying(t)->kind == Kind::Invalid) return false;
  if (is_untyped(x.type)) {
    std::string reason;
    if (underlying(t)->kind == Kind::Interface && x.mode != Mode::Nil &&
        !assignable(x, t, &reason)) {
      Operand y = x;
      default_type(y);
      error(x.expr->pos, fmt::format("cannot use {} as type {} in {}:\n\t{}", describe(y),
                                     type_str(t), context, reason));
      x.mode = Mode::Invalid;
      return false;
    }
    if (!convert_untyped(x, t, true, context)) return false;
    finish(x);
    return true;
  }
  std::string reason;
  if (!assignable(x, t, &reason)) {
    if (reason.empty()) {
      error(x.expr->pos,
            fmt::format("cannot use {} as type {} in {}", describe(x), type_str(t), context));
    } else {
      error(x.expr->pos, fmt::format("cannot use {} as type {} in {}:\n\t{}", describe(x),
                                     type_str(t), context, reason));
    }
    x.mode = Mode::Invalid;
    return false;
  }
  return true;
}

Checker::Lookup Checker::lookup_field_or_method(TypeRef t, const std::string& name) {
  Lookup out;
  if (t == nullptr) return out;
  bool indirect = false;
  if (t->kind == Kind::Pointer) {
    t = t->elem;
    indirect = true;
  }
  struct Entry {
    TypeRef type;
    std::vector<int> path;
    bool indirect;
  };
  std::vector<Entry> level{{t, {}, indirect}};
  std::set<TypeRef> seen;
  for (int depth = 0; depth < 8 && !level.empty(); ++depth) {
    std::vector<Entry> next;
    for (const Entry& e : level) {
      TypeRef ty = e.type;
      if (ty->kind == Kind::Named) {
        if (!seen.insert(ty).second) continue;
        for (const Method& m : ty->methods) {
          if (m.name == name) {
            out.k = Lookup::K::Method;
            out.method = &m;
            out.path = e.path;
            out.recv_named = ty;
            out.indirect = e.indirect;
            return out;
          }
        }
      }
      TypeRef u = underlying(ty);
      if (u == nullptr) continue;
      if (u->kind == Kind::Interface) {
        for (const Method& m : u->methods) {
          if (m.name == name) {
            out.k = Lookup::K::Method;
            out.method = &m;
            out.path = e.path;
            out.recv_named = ty;
            out.indirect = e.indirect;
            return out;
          }
        }
        continue;
      }
      if (u->kind != Kind::Struct) continue;
      for (std::size_t i = 0; i < u->fields.size(); ++i) {
        const Field& f = u->fields[i];
        if (f.name == name) {
          out.k = Lookup::K::Field;
          out.path = e.path;
          out.path.push_back(static_cast<int>(i));
          out.field_type = f.type;
          out.indirect = e.indirect;
          return out;
        }
      }
      for (std::size_t i = 0; i < u->fields.size(); ++i) {
        const Field& f = u->fields[i];
        if (!f.embedded) continue;
        Entry n{f.type, e.path, e.indirect};
        n.path.push_back(static_cast<int>(i));
        if (n.type->kind == Kind::Pointer) {
          n.type = n.type->elem;
          n.indirect = true;
        }
        next.push_back(std::move(n));
      }
    }
    level = std::move(next);
  }
  return out;
}

std::string Checker::lib_method_name(TypeRef named, const Method& m) const {
  if (is_interface(named)) return fmt::format("({}.{}).{}", named->pkg, named->name, m.name);
  return fmt::format("({}{}.{}).{}", m.pointer_recv ? "*" : "", named->pkg, named->name, m.name);
}

// ============================================================ expressions

Operand Checker::expr(Expr* e, TypeRef hint) {
  Operand x = raw(e, hint);
  if (x.mode == Mode::Type) {
    error(e->pos, fmt::format("{} (type) is not an expression", expr_string(*e)));
    x.mode = Mode::Invalid;
  }
  return x;
}

Operand Checker::expr_or_type(Expr* e, TypeRef hint) { return raw(e, hint); }

Operand Checker::raw(Expr* e, TypeRef hint) {
  Operand x;
  x.expr = e;
  switch (e->kind) {
    case ExprKind::Bad:
      return x;
    case ExprKind::Ident:
      x = ident(static_cast<Ident*>(e));
      break;
    case ExprKind::BasicLit:
      x = basic_lit(static_cast<BasicLit*>(e));
      break;
    case ExprKind::CompositeLit:
      x = composite(static_cast<CompositeLit*>(e), hint);
      break;
    case ExprKind::FuncLit:
      x = func_lit(static_cast<FuncLit*>(e));
      break;
    case ExprKind::Paren: {
      Operand y = raw(static_cast<ParenExpr*>(e)->x.get(), hint);
      x = y;
      x.expr = e;
      break;
    }
    case ExprKind::Selector:
      x = selector(static_cast<SelectorExpr*>(e));
      break;
    case ExprKind::Index:
      x = index(static_cast<IndexExpr*>(e));
      break;
    case ExprKind::Slice:
      x = slice_expr(static_cast<SliceExpr*>(e));
      break;
    case ExprKind::TypeAssert:
      x = type_assert(static_cast<TypeAssertExpr*>(e));
      break;
    case ExprKind::Call:
      x = call(static_cast<CallExpr*>(e));
      break;
    case ExprKind::Star: {
      auto* s = static_cast<StarExpr*>(e);
      Operand y = expr_or_type(s->x.get());
      if (y.invalid()) return x;
      if (y.mode == Mode::Type) {
        x.mode = Mode::Type;
        x.type = tt_.pointer(y.type);
        break;
      }
      if (!single_value(y)) return x;
      if (y.mode == Mode::Nil) {
        error(s->x->pos, "invalid operation: cannot indirect nil");
        return x;
      }
      TypeRef u = underlying(y.type);
      if (u == nullptr || u->kind != Kind::Pointer) {
        error(s->x->pos, fmt::format("invalid operation: cannot indirect {}", describe(y)));
        return x;
      }
      x.mode = Mode::Variable;
      x.type = u->elem;
      break;
    }
    case ExprKind::Unary:
      x = unary(static_cast<UnaryExpr*>(e), hint);
      break;
    case ExprKind::Binary:
      x = binary(static_cast<BinaryExpr*>(e), hint);
      break;
    case ExprKind::KeyValue:
      error(e->pos, "invalid syntax tree: no key:value expected");
      return x;
    case ExprKind::Ellipsis:
      error(e->pos, "invalid use of ...");
      return x;
    default: {
      TypeRef t = type_or_null(e, true);
      if (t == nullptr) return x;
      x.mode = Mode::Type;
      x.type = t;
      break;
    }
  }
  x.expr = e;
  finish(x);
  return x;
}

Operand Checker::ident(Ident* id) {
  Operand x;
  x.expr = id;
  if (id->name == "_") {
    error(id->pos, "cannot use _ as value");
    return x;
  }
  Object* o = lookup(id->name);
  if (o == nullptr) {
    error(id->pos, fmt::format("undefined: {}", id->name));
    return x;
  }
  id->obj = o;
  x.obj = o;
  if (globals_.contains(o)) {
    resolve_global(o);
    if (dep_owner_ != nullptr && (o->kind == ObjKind::Var || o->kind == ObjKind::Func)) {
      deps_[dep_owner_].insert(o);
    }
  }
  switch (o->kind) {
    case ObjKind::Var:
      o->used = true;
      if (fn_ != nullptr && o->owner != nullptr && o->owner != fn_->node) {
        // captured by this function literal (and each one between)
        o->captured = true;
        for (FuncCtx* f = fn_; f != nullptr && f->node != o->owner; f = f->outer) {
          if (f->lit != nullptr && f->captured.insert(o).second) f->lit->captures.push_back(o);
        }
      }
      if (o->type == nullptr) return x;
      x.mode = Mode::Variable;
      x.type = o->type;
      return x;
    case ObjKind::Const:
      if (o == iota_obj_) {
        if (iota_ < 0) {
          error(id->pos, "cannot use iota outside constant declaration");
          return x;
        }
        x.mode = Mode::Constant;
        x.type = o->type;
        x.val.k = CVal::K::Int;
        x.val.i = iota_;
        return x;
      }
      if (o->type == nullptr) return x;
      x.mode = Mode::Constant;
      x.type = o->type;
      if (auto it = const_vals_.find(o); it != const_vals_.end()) {
        x.val = it->second;
      } else if (o->value) {
        x.val.k = CVal::K::Bool;
        x.val.b = o->value->b;
      }
      return x;
    case ObjKind::TypeName:
      if (o->type == nullptr) {
        if (o->name == "complex64" || o->name == "complex128") refuse(id->pos, "complex numbers");
        return x;
      }
      x.mode = Mode::Type;
      x.type = o->type;
      return x;
    case ObjKind::Func:
      if (o->type == nullptr) return x;
      x.mode = Mode::Value;
      x.type = o->type;
      return x;
    case ObjKind::Package:
      o->used = true;  // each import's own object: another file's use is not this one's
      x.mode = Mode::Package;
      return x;
    case ObjKind::Builtin:
      if (o->builtin == Builtin::None) {
        refuse(id->pos, "complex numbers");
        return x;
      }
      x.mode = Mode::Builtin;
      x.builtin = o->builtin;
      return x;
    case ObjKind::Nil:
      x.mode = Mode::Nil;
      x.type = tt_.basic(Kind::UntypedNil);
      return x;
  }
  return x;
}

Operand Checker::basic_lit(BasicLit* lit) {
  Operand x;
  x.expr = lit;
  std::string text;
  for (char c : lit->text) {
    if (c != '_') text += c;
  }
  switch (lit->tok) {
    case Tok::Int: {
      int base = 10;
      std::size_t start = 0;
      if (text.size() > 1 && text[0] == '0') {
        const char p = text[1];
        if (p == 'x' || p == 'X') {
          base = 16;
          start = 2;
        } else if (p == 'b' || p == 'B') {
          base = 2;
          start = 2;
        } else if (p == 'o' || p == 'O') {
          base = 8;
          start = 2;
        } else {
          base = 8;
          start = 1;
        }
      }
      i128 v = 0;
      bool overflow = false;
      const i128 limit = (~static_cast<u128>(0) >> 2);
      for (std::size_t i = start; i < text.size() && !overflow; ++i) {
        const char c = text[i];
        if (c == '_') continue;  // Go allows 1_000_000
        const int d = c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0';
        if (v > limit / base)
          overflow = true;
        else
          v = v * base + d;
      }
      x.mode = Mode::Constant;
      x.type = tt_.basic(Kind::UntypedInt);
      x.val.k = CVal::K::Int;
      x.val.i = v;
      x.val.overflow = overflow;
      return x;
    }
    case Tok::Float:
      x.mode = Mode::Constant;
      x.type = tt_.basic(Kind::UntypedFloat);
      x.val.k = CVal::K::Float;
      {
        std::string digits = text;  // Go allows 1_000.5; strtold does not
        std::erase(digits, '_');
        x.val.f = std::strtold(digits.c_str(), nullptr);
      }
      return x;
    case Tok::Imag:
      refuse(lit->pos, "complex numbers");
      return x;
    case Tok::Char: {
      auto r = unquote_rune(lit->text);
      if (!r) return x;
      x.mode = Mode::Constant;
      x.type = tt_.basic(Kind::UntypedRune);
      x.val.k = CVal::K::Int;
      x.val.i = *r;
      return x;
    }
    default: {
      auto s = unquote_string(lit->text);
      if (!s) return x;
      x.mode = Mode::Constant;
      x.type = tt_.basic(Kind::UntypedString);
      x.val.k = CVal::K::String;
      x.val.s = std::move(*s);
      return x;
    }
  }
}

Operand Checker::composite(CompositeLit* c, TypeRef hint) {
  Operand x;
  x.expr = c;
  TypeRef t = nullptr;
  TypeRef implicit_ptr = nullptr;
  if (c->type) {
    if (c->type->kind == ExprKind::ArrayType && !static_cast<ArrayTypeExpr*>(c->type.get())->len) {
      // [...]T{...}: the length is the number of elements (max index + 1)
      auto* a = static_cast<ArrayTypeExpr*>(c->type.get());
      TypeRef el = resolve_type(a->elem.get());
      if (el == nullptr) return x;
      std::int64_t n = 0;
      std::int64_t idx = 0;
      for (auto& e : c->elts) {
        if (e->kind == ExprKind::KeyValue) {
          Operand k = expr(static_cast<KeyValueExpr*>(e.get())->key.get());
          if (k.mode == Mode::Constant && k.val.k == CVal::K::Int)
            idx = static_cast<std::int64_t>(k.val.i);
        }
        ++idx;
        n = std::max(n, idx);
      }
      t = tt_.array(el, n);
      a->type = t;
      a->mode = Mode::Type;
    } else {
      t = resolve_type(c->type.get());
    }
  } else {
    t = hint;
    if (t != nullptr && underlying(t)->kind == Kind::Pointer) {
      t = underlying(t)->elem;  // &T elided: the literal is &T{...}
      implicit_ptr = hint;
    }
    if (t == nullptr) {
      error(c->pos, "invalid composite literal type: missing type");
      return x;
    }
  }
  if (t == nullptr) {
    for (auto& e : c->elts) {
      if (e->kind == ExprKind::KeyValue) {
        (void)expr(static_cast<KeyValueExpr*>(e.get())->value.get());
      } else if (e->kind != ExprKind::CompositeLit) {
        (void)expr(e.get());
      }
    }
    return x;
  }
  TypeRef u = underlying(t);
  const std::string lit_name = c->type ? expr_string(*c->type) + "{…}" : "{…}";
  switch (u->kind) {
    case Kind::Struct: {
      if (c->elts.empty()) break;
      const bool keyed = c->elts[0]->kind == ExprKind::KeyValue;
      std::set<int> seen;
      for (std::size_t i = 0; i < c->elts.size(); ++i) {
        Expr* e = c->elts[i].get();
        if ((e->kind == ExprKind::KeyValue) != keyed) {
          error(e->pos, "mixture of field:value and value elements in struct literal");
          return x;
        }
        if (keyed) {
          auto* kv = static_cast<KeyValueExpr*>(e);
          if (kv->key->kind != ExprKind::Ident) {
            error(kv->key->pos,
                  fmt::format("invalid field name {} in struct literal", expr_string(*kv->key)));
            continue;
          }
          const std::string& name = static_cast<Ident*>(kv->key.get())->name;
          int found = -1;
          for (std::size_t f = 0; f < u->fields.size(); ++f) {
            if (u->fields[f].name == name) found = static_cast<int>(f);
          }
          if (found < 0) {
            error(kv->key->pos, fmt::format("unknown field '{}' in struct literal of type {}", name,
                                            type_str(t)));
            (void)expr(kv->value.get());
            continue;
          }
          if (!seen.insert(found).second) {
            error(kv->key->pos, fmt::format("duplicate field name {} in struct literal", name));
          }
          c->field_index.push_back(found);
          TypeRef ft = u->fields[static_cast<std::size_t>(found)].type;
          Operand v = expr(kv->value.get(), ft);
          if (single_value(v)) assign(v, ft, "struct literal");
        } else {
          if (i >= u->fields.size()) {
            error(e->pos, fmt::format("too many values in {}", lit_name));
            return x;
          }
          c->field_index.push_back(static_cast<int>(i));
          TypeRef ft = u->fields[i].type;
          Operand v = expr(e, ft);
          if (single_value(v)) assign(v, ft, "struct literal");
        }
      }
      if (!keyed && c->elts.size() < u->fields.size()) {
        error(c->rbrace, fmt::format("too few values in {}", lit_name));
      }
      break;
    }
    case Kind::Array:
    case Kind::Slice: {
      std::int64_t idx = 0;
      std::set<std::int64_t> seen;
      for (auto& eptr : c->elts) {
        Expr* e = eptr.get();
        if (e->kind == ExprKind::KeyValue) {
          auto* kv = static_cast<KeyValueExpr*>(e);
          Operand k = expr(kv->key.get());
          if (!k.invalid()) {
            if (k.mode != Mode::Constant || !is_integer(k.type)) {
              error(kv->key->pos,
                    fmt::format("index {} must be integer constant", expr_string(*kv->key)));
            } else {
              idx = static_cast<std::int64_t>(k.val.i);
              convert_untyped(k, tt_.basic(Kind::Int), false);
              finish(k);
            }
          }
          e = kv->value.get();
        }
        if (u->kind == Kind::Array && idx >= u->len) {
          error(e->pos, fmt::format("index {} is out of bounds (>= {})", idx, u->len));
        }
        if (!seen.insert(idx).second)
          error(e->pos, fmt::format("duplicate index {} in array or slice literal", idx));
        Operand v = expr(e, u->elem);
        if (single_value(v)) assign(v, u->elem, "array or slice literal");
        ++idx;
      }
      break;
    }
    case Kind::Map:
      for (auto& eptr : c->elts) {
        if (eptr->kind != ExprKind::KeyValue) {
          error(eptr->pos, "missing key in map literal");
          continue;
        }
        auto* kv = static_cast<KeyValueExpr*>(eptr.get());
        Operand k = expr(kv->key.get(), u->key);
        if (single_value(k)) assign(k, u->key, "map literal");
        Operand v = expr(kv->value.get(), u->elem);
        if (single_value(v)) assign(v, u->elem, "map literal");
      }
      break;
    default:
      error(c->pos, fmt::format("invalid composite literal type {}", type_str(t)));
      return x;
  }
  x.mode = Mode::Value;
  x.type = implicit_ptr != nullptr ? implicit_ptr : t;
  return x;
}

Operand Checker::func_lit(FuncLit* f) {
  Operand x;
  x.expr = f;
  FuncCtx ctx;
  ctx.node = f;
  ctx.lit = f;
  ctx.outer = fn_;
  f->outer = fn_ != nullptr ? fn_->node : nullptr;
  FuncCtx* saved = fn_;
  fn_ = &ctx;
  auto saved_targets = std::move(targets_);
  targets_.clear();
  auto saved_labels = std::move(labels_);
  labels_.clear();
  push_scope();
  TypeRef sig = func_sig(*f->sig, nullptr, true, &ctx);
  ctx.sig = sig;
  if (sig != nullptr) {
    check_labels(f->body.get());
    block(f->body.get(), false);
    if (!sig->results.empty() && !terminating(f->body.get(), ""))
      error(f->body->rbrace, "missing return");
  }
  pop_scope();
  targets_ = std::move(saved_targets);
  labels_ = std::move(saved_labels);
  fn_ = saved;
  f->num_slots = ctx.slots;
  f->params = ctx.params;
  if (sig == nullptr) return x;
  x.mode = Mode::Value;
  x.type = sig;
  return x;
}

Operand Checker::selector(SelectorExpr* s) {
  Operand x;
  x.expr = s;
  const std::string& name = s->sel->name;
  if (s->x->kind == ExprKind::Ident) {
    Object* o = lookup(static_cast<Ident*>(s->x.get())->name);
    if (o != nullptr && o->kind == ObjKind::Package) {
      static_cast<Ident*>(s->x.get())->obj = o;
      o->used = true;
      LibScope* lib = nullptr;
      for (auto& [spec, l] : import_specs_) {
        if (spec->obj == o) lib = l;
      }
      if (lib == nullptr) return x;
      auto it = lib->members.find(name);
      if (it == lib->members.end() || name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) {
        error(s->sel->pos, fmt::format("undefined: {}.{}", o->name, name));
        return x;
      }
      Object* m = it->second;
      s->sel->obj = m;
      s->sel_kind = SelKind::PackageMember;
      s->lib = m->qualified;
      x.obj = m;
      switch (m->kind) {
        case ObjKind::TypeName:
          x.mode = Mode::Type;
          x.type = m->type;
          break;
        case ObjKind::Const:
          x.mode = Mode::Constant;
          x.type = m->type;
          x.val = const_vals_.contains(m) ? const_vals_[m] : CVal{};
          if (auto cv = lib_consts_.find(m); cv != lib_consts_.end()) x.val = cv->second;
          break;
        case ObjKind::Var:
          x.mode = Mode::Variable;
          x.type = m->type;
          break;
        case ObjKind::Func:
          x.mode = Mode::Value;
          x.type = m->type;
          break;
        default:
          return x;
      }
      return x;
    }
  }
  Operand b = expr_or_type(s->x.get());
  if (b.invalid()) return x;
  if (b.mode == Mode::Type) {
    refuse(s->pos, "method expressions (T.Method)");
    return x;
  }
  if (!single_value(b)) return x;
  if (b.mode == Mode::Nil) {
    error(s->pos, fmt::format("use of untyped nil"));
    return x;
  }
  Lookup l = lookup_field_or_method(b.type, name);
  if (l.k == Lookup::K::None || name == "_") {
    TypeRef bu = underlying(b.type);
    if (bu != nullptr && bu->kind == Kind::Pointer && underlying(bu->elem) != nullptr &&
        underlying(bu->elem)->kind == Kind::Interface) {
      error(s->sel->pos,
            fmt::format("{} undefined (type {} is pointer to interface, not interface)",
                        expr_string(*s), type_str(b.type)));
      return x;
    }
    std::string flipped = name;
    if (!flipped.empty() && flipped[0] >= 'a' && flipped[0] <= 'z') {
      flipped[0] = static_cast<char>(flipped[0] - 'a' + 'A');
    } else if (!flipped.empty() && flipped[0] >= 'A' && flipped[0] <= 'Z') {
      flipped[0] = static_cast<char>(flipped[0] - 'A' + 'a');
    }
    if (flipped != name && lookup_field_or_method(b.type, flipped).k != Lookup::K::None) {
      error(s->sel->pos,
            fmt::format("{} undefined (type {} has no field or method {}, but does have {})",
                        expr_string(*s), type_str(b.type), name, flipped));
      return x;
    }
    error(s->sel->pos, fmt::format("{} undefined (type {} has no field or method {})",
                                   expr_string(*s), type_str(b.type), name));
    return x;
  }
  s->path = l.path;
  if (l.k == Lookup::K::Field) {
    s->sel_kind = SelKind::Field;
    s->auto_deref = l.indirect;
    // a field of an addressable struct, or of a pointed-to one, is addressable
    x.mode = (b.mode == Mode::Variable || l.indirect) ? Mode::Variable : Mode::Value;
    x.type = l.field_type;
    return x;
  }
  const Method* m = l.method;
  s->method = m;
  const bool iface = is_interface(l.recv_named);
  if (iface) {
    s->sel_kind = SelKind::InterfaceMethod;
    if (l.recv_named->is_named() && l.recv_named->pkg != "main" && !l.recv_named->pkg.empty()) {
      s->lib = lib_method_name(l.recv_named, *m);
    }
  } else {
    const bool lib = l.recv_named->pkg != "main";
    s->sel_kind = lib ? SelKind::LibMethod : SelKind::Method;
    if (lib) s->lib = lib_method_name(l.recv_named, *m);
    const bool through_pointer =
        b.type->kind == Kind::Pointer || underlying(b.type)->kind == Kind::Pointer || l.indirect;
    if (m->pointer_recv && !through_pointer) {
      if (b.mode != Mode::Variable) {
        error(s->sel->pos,
              fmt::format("cannot call pointer method {} on {}", name, type_str(b.type)));
        return x;
      }
      s->auto_addr = true;
      // x.M() with M on *T: x's address is taken
      Expr* base = s->x.get();
      while (base->kind == ExprKind::Paren) base = static_cast<ParenExpr*>(base)->x.get();
      if (base->kind == ExprKind::Ident && static_cast<Ident*>(base)->obj != nullptr &&
          l.path.empty()) {
        static_cast<Ident*>(base)->obj->addressed = true;
      }
    }
    if (!m->pointer_recv && (b.type->kind == Kind::Pointer || l.indirect)) s->auto_deref = true;
  }
  x.mode = Mode::Value;
  x.type = m->sig;
  return x;
}

Operand Checker::index(IndexExpr* ix) {
  Operand x;
  x.expr = ix;
  Operand b = expr_or_type(ix->x.get());
  if (b.invalid()) return x;
  if (b.mode == Mode::Type || (b.type != nullptr && b.type->kind == Kind::Func &&
                               b.obj != nullptr && b.obj->kind == ObjKind::Func)) {
    refuse(ix->pos, "generics (type arguments)");
    return x;
  }
  if (!single_value(b)) return x;
  TypeRef u = underlying(b.type);
  if (u != nullptr && u->kind == Kind::Pointer && underlying(u->elem)->kind == Kind::Array) {
    u = underlying(u->elem);
    b.mode = Mode::Variable;
  }
  if (u == nullptr) return x;
  if (u->kind == Kind::Map) {
    Operand k = expr(ix->index.get(), u->key);
    if (single_value(k)) assign(k, u->key, "map index");
    x.mode = Mode::MapIndex;
    x.type = u->elem;
    return x;
  }
  std::int64_t length = -1;
  TypeRef elem = nullptr;
  Mode mode = Mode::Variable;
  switch (u->kind) {
    case Kind::String:
    case Kind::UntypedString:
      elem = byte_;
      mode = Mode::Value;
      if (b.mode == Mode::Constant) length = static_cast<std::int64_t>(b.val.s.size());
      break;
    case Kind::Array:
      elem = u->elem;
      length = u->len;
      mode = b.mode == Mode::Variable ? Mode::Variable : Mode::Value;
      break;
    case Kind::Slice:
      elem = u->elem;
      break;
    default:
      error(ix->x->pos, fmt::format("invalid operation: cannot index {}", describe(b)));
      (void)expr(ix->index.get());
      return x;
  }
  Operand i = expr(ix->index.get());
  if (single_value(i) && i.mode == Mode::Constant && is_untyped(i.type)) {
    CVal out;
    bool trunc = false;
    if (!is_numeric(i.type)) {
      error(i.expr->pos, fmt::format("cannot convert {} to int", describe(i)));
      i.mode = Mode::Invalid;
    } else if (!representable(i.val, tt_.basic(Kind::Int), out, trunc)) {
      error(i.expr->pos,
            fmt::format("{} {} int", describe(i), trunc ? "truncated to" : "overflows"));
      i.mode = Mode::Invalid;
    }
  }
  if (!i.invalid()) {
    if (!is_integer(i.type) &&
        !(i.mode == Mode::Constant && is_untyped(i.type) && is_numeric(i.type))) {
      error(i.expr->pos, fmt::format("invalid argument: index {} must be integer", describe(i)));
    } else if (i.mode == Mode::Constant) {
      CVal out;
      bool trunc = false;
      if (!representable(i.val, tt_.basic(Kind::Int), out, trunc)) {
        error(i.expr->pos, fmt::format("invalid argument: index {} must be integer", describe(i)));
      } else if (out.i < 0) {
        error(i.expr->pos,
              fmt::format("invalid argument: index {} must not be negative", describe(i)));
      } else if (length >= 0 && out.i >= length) {
        error(i.expr->pos,
              fmt::format("invalid argument: index {} out of bounds [0:{}]", describe(i), length));
      }
      if (is_untyped(i.type)) convert_untyped(i, tt_.basic(Kind::Int), false);
      finish(i);
    }
  }
  x.mode = mode;
  x.type = elem;
  return x;
}

Operand Checker::slice_expr(SliceExpr* s) {
  Operand x;
  x.expr = s;
  Operand b = expr(s->x.get());
  if (!single_value(b)) return x;
  TypeRef u = underlying(b.type);
  TypeRef result = nullptr;
  std::int64_t length = -1;
  switch (u->kind) {
    case Kind::String:
    case Kind::UntypedString:
      if (s->slice3) {
        error(s->pos, "invalid operation: 3-index slice of string");
        return x;
      }
      result = is_untyped(b.type) ? tt_.basic(Kind::String) : b.type;
      if (b.mode == Mode::Constant) length = static_cast<std::int64_t>(b.val.s.size());
      break;
    case Kind::Array:
      if (b.mode != Mode::Variable) {
        error(s->pos,
              fmt::format("invalid operation: {} (slice of unaddressable value)", expr_string(*s)));
        return x;
      }
      result = tt_.slice(u->elem);
      length = u->len;
      break;
    case Kind::Pointer:
      if (underlying(u->elem)->kind == Kind::Array) {
        result = tt_.slice(underlying(u->elem)->elem);
        length = underlying(u->elem)->len;
        break;
      }
      [[fallthrough]];
    default:
      if (u->kind == Kind::Slice) {
        result = b.type;
        break;
      }
      error(s->x->pos, fmt::format("cannot slice {}", describe(b)));
      return x;
  }
  for (Expr* e : {s->lo.get(), s->hi.get(), s->max.get()}) {
    if (e == nullptr) continue;
    Operand i = expr(e);
    if (!single_value(i)) continue;
    if (!is_integer(i.type) && !(i.mode == Mode::Constant && is_numeric(i.type))) {
      error(e->pos, fmt::format("invalid argument: index {} must be integer", describe(i)));
      continue;
    }
    if (i.mode == Mode::Constant) {
      CVal out;
      bool trunc = false;
      if (!representable(i.val, tt_.basic(Kind::Int), out, trunc)) {
        error(e->pos, fmt::format("invalid argument: index {} must be integer", describe(i)));
      } else if (out.i < 0) {
        error(e->pos, fmt::format("invalid argument: index {} must not be negative", describe(i)));
      } else if (length >= 0 && out.i > length) {
        error(e->pos, fmt::format("invalid argument: index {} out of bounds [0:{}]", describe(i),
                                  length + 1));
      }
      if (is_untyped(i.type)) convert_untyped(i, tt_.basic(Kind::Int), false);
      finish(i);
    }
  }
  x.mode = Mode::Value;
  x.type = result;
  return x;
}

Operand Checker::type_assert(TypeAssertExpr* ta) {
  Operand x;
  x.expr = ta;
  Operand b = expr(ta->x.get());
  if (!single_value(b)) return x;
  if (!ta->type) {
    error(ta->pos, "invalid syntax tree: use of .(type) outside type switch");
    return x;
  }
  if (!is_interface(b.type) || is_untyped(b.type)) {
    error(ta->x->pos, fmt::format("invalid operation: {} is not an interface", describe(b)));
    (void)resolve_type(ta->type.get());
    return x;
  }
  TypeRef t = resolve_type(ta->type.get());
  if (t == nullptr) return x;
  if (!is_interface(t)) {
    std::string reason;
    if (!implements(t, b.type, &reason)) {
      // go1.19 words it with the interface's literal type
      error(ta->pos, fmt::format("impossible type assertion: {}\n\t{}", expr_string(*ta), reason));
      return x;
    }
  }
  x.mode = Mode::Value;  // comma-ok forms are marked by the assignment
  x.type = t;
  return x;
}

// ============================================================ calls

// The operands of an expression list that may be one multi-value call.
std::vector<Operand> Checker::multi(Expr* e, bool& spread, std::size_t want) {
  std::vector<Operand> out;
  spread = false;
  Operand x = expr(e);
  if (x.invalid()) return out;
  if (x.type != nullptr && x.type->kind == Kind::Tuple) {
    spread = true;
    for (TypeRef t : x.type->params) {
      Operand y;
      y.mode = Mode::Value;
      y.type = t;
      y.expr = e;
      out.push_back(y);
    }
    return out;
  }
  // comma-ok forms
  Expr* u = e;
  while (u->kind == ExprKind::Paren) u = static_cast<ParenExpr*>(u)->x.get();
  if (want == 2 && (x.mode == Mode::MapIndex || u->kind == ExprKind::TypeAssert ||
                    (u->kind == ExprKind::Unary && static_cast<UnaryExpr*>(u)->op == Tok::Arrow))) {
    e->comma_ok = true;
    u->comma_ok = true;
    Operand ok;
    ok.mode = Mode::Value;
    ok.type = tt_.basic(Kind::UntypedBool);
    ok.expr = e;
    if (x.mode == Mode::MapIndex) x.mode = Mode::Value;
    out.push_back(x);
    out.push_back(ok);
    return out;
  }
  if (!single_value(x)) return {};
  out.push_back(x);
  return out;
}

std::vector<Operand> Checker::call_args(CallExpr* c, TypeRef sig, const std::string& fname) {
  std::vector<Operand> args;
  const auto& params = sig->params;
  if (c->args.size() == 1 && !c->has_ellipsis) {
    bool spread = false;
    TypeRef hint = params.empty() ? nullptr : params[0];
    if (sig->variadic && params.size() == 1) hint = params[0]->elem;
    Operand x = expr(c->args[0].get(), hint);
    if (x.invalid()) return args;
    if (x.type != nullptr && x.type->kind == Kind::Tuple) {
      spread = true;
      c->spread = true;
      for (TypeRef t : x.type->params) {
        Operand y;
        y.mode = Mode::Value;
        y.type = t;
        y.expr = c->args[0].get();
        args.push_back(y);
      }
    } else {
      if (!single_value(x)) return args;
      args.push_back(x);
    }
    (void)spread;
  } else {
    for (std::size_t i = 0; i < c->args.size(); ++i) {
      TypeRef hint = nullptr;
      if (i < params.size()) hint = params[i];
      if (sig->variadic && i + 1 >= params.size() && !c->has_ellipsis) hint = params.back()->elem;
      Operand x = expr(c->args[i].get(), hint);
      if (!single_value(x)) {
        args.push_back(Operand{});
        continue;
      }
      args.push_back(x);
    }
  }
  for (const Operand& a : args) {
    if (a.invalid()) return {};
  }
  const std::size_t np = params.size();
  const std::size_t na = args.size();
  bool count_ok = sig->variadic && !c->has_ellipsis ? na + 1 >= np : na == np;
  if (c->has_ellipsis && !sig->variadic) {
    error(c->args.back()->pos,
          fmt::format("have (...) in call to non-variadic {}", fname));  // rare
    return {};
  }
  if (!count_ok) {
    std::vector<TypeRef> have;
    have.reserve(args.size());
    for (const Operand& a : args) have.push_back(a.type);
    const bool too_many = na > np;
    Pos at = c->pos;
    if (too_many) {
      at = c->spread ? c->args[0]->pos : c->args[np]->pos;
    } else if (na > 0) {
      at = c->spread ? c->args[0]->pos : c->args[na - 1]->pos;
    }
    error(at, fmt::format("{} arguments in call to {}\n\thave {}\n\twant {}",
                          too_many ? "too many" : "not enough", fname, types_summary(have, false),
                          types_summary(params, sig->variadic)));
    return {};
  }
  for (std::size_t i = 0; i < na; ++i) {
    TypeRef pt = nullptr;
    if (sig->variadic && i + 1 >= np) {
      pt = c->has_ellipsis ? params.back() : params.back()->elem;
    } else {
      pt = params[i];
    }
    if (c->spread) {
      std::string reason;
      if (!assignable(args[i], pt, &reason)) {
        error(c->args[0]->pos, fmt::format("cannot use {} value as {} value in argument to {}",
                                           type_str(args[i].type), type_str(pt), fname));
      }
      continue;
    }
    assign(args[i], pt, fmt::format("argument to {}", fname).c_str());
  }
  return args;
}

Operand Checker::call(CallExpr* c) {
  Operand x;
  x.expr = c;
  Operand f = expr_or_type(c->fun.get());
  if (f.invalid()) {
    for (auto& a : c->args) (void)expr_or_type(a.get());
    return x;
  }
  if (f.mode == Mode::Type) {
    c->call_kind = CallKind::Conversion;
    return conversion(c, f.type);
  }
  if (f.mode == Mode::Builtin) {
    c->call_kind = CallKind::Builtin;
    c->builtin = f.builtin;
    return builtin_call(c, f.builtin);
  }
  if (!single_value(f)) return x;
  TypeRef sig = underlying(f.type);
  if (sig == nullptr || sig->kind != Kind::Func) {
    error(c->pos, fmt::format("invalid operation: cannot call non-function {}", describe(f)));
    for (auto& a : c->args) (void)expr(a.get());
    return x;
  }
  c->sig = sig;
  Expr* fun = c->fun.get();
  while (fun->kind == ExprKind::Paren) fun = static_cast<ParenExpr*>(fun)->x.get();
  c->call_kind = CallKind::Func;
  if (fun->kind == ExprKind::Selector) {
    auto* s = static_cast<SelectorExpr*>(fun);
    switch (s->sel_kind) {
      case SelKind::Method:
        c->call_kind = CallKind::Method;
        break;
      case SelKind::InterfaceMethod:
        c->call_kind = CallKind::Interface;
        c->lib = s->lib;
        break;
      case SelKind::LibMethod:
        c->call_kind = CallKind::Library;
        c->lib = s->lib;
        break;
      case SelKind::PackageMember:
        if (f.obj != nullptr && f.obj->kind == ObjKind::Func) {
          c->call_kind = CallKind::Library;
          c->lib = s->lib;
        }
        break;
      default:
        break;
    }
  }
  (void)call_args(c, sig, expr_string(*c->fun));
  if (sig->results.empty()) {
    x.mode = Mode::NoValue;
  } else if (sig->results.size() == 1) {
    x.mode = Mode::Value;
    x.type = sig->results[0];
  } else {
    x.mode = Mode::Value;
    x.type = tt_.tuple(sig->results);
  }
  return x;
}

Operand Checker::conversion(CallExpr* c, TypeRef t) {
  Operand x;
  x.expr = c;
  if (c->args.size() != 1 || c->has_ellipsis) {
    if (c->args.empty()) {
      error(c->rparen, fmt::format("missing argument in conversion to {}", type_str(t)));
    } else {
      error(c->args[c->args.size() - 1]->pos,
            fmt::format("too many arguments in conversion to {}", type_str(t)));
    }
    for (auto& a : c->args) (void)expr(a.get());
    return x;
  }
  Operand v = expr(c->args[0].get(), t);
  if (!single_value(v)) return x;
  TypeRef tu = underlying(t);
  TypeRef vu = underlying(v.type);
  auto fail = [&]() {
    error(c->args[0]->pos, fmt::format("cannot convert {} to type {}", describe(v), type_str(t)));
    x.mode = Mode::Invalid;
    return x;
  };
  if (v.mode == Mode::Constant && v.val.known() &&
      (is_numeric(tu) || is_string(tu) || is_boolean(tu))) {
    // constant conversion
    if (is_numeric(v.type) && is_numeric(tu)) {
      CVal out;
      bool trunc = false;
      if (!representable(v.val, t, out, trunc)) {
        if (is_integer(tu) && v.val.k == CVal::K::Float && trunc) {
          error(c->args[0]->pos,
                fmt::format("cannot convert {} to type {} (truncated)", describe(v), type_str(t)));
        } else {
          error(c->args[0]->pos, fmt::format("cannot convert {} to type {} (overflows)",
                                             describe(v), type_str(t)));  // rare wording
        }
        return x;
      }
      v.val = out;
    } else if (is_integer(v.type) && is_string(tu) && v.val.k == CVal::K::Int) {
      std::string s;
      append_utf8(s,
                  v.val.i < 0 || v.val.i > 0x10FFFF ? 0xFFFD : static_cast<std::int64_t>(v.val.i));
      v.val.k = CVal::K::String;
      v.val.s = s;
    } else if (!((is_string(v.type) && is_string(tu)) || (is_boolean(v.type) && is_boolean(tu)))) {
      return fail();
    }
    if (is_untyped(v.type)) {
      TypeRef target = t;
      if (is_integer(v.type) && is_string(tu)) {
        default_type(v);
      } else {
        v.type = target;
        set_untyped_type(v.expr, target);
      }
    }
    finish(v);
    x.mode = Mode::Constant;
    x.type = t;
    x.val = v.val;
    return x;
  }
  if (is_untyped(v.type)) {
    if (v.mode == Mode::Nil) {
      if (!convert_untyped(v, t, false)) return fail();
    } else {
      default_type(v);
      vu = underlying(v.type);
    }
    finish(v);
  }
  std::string reason;
  bool ok = assignable(v, t, &reason);
  if (!ok) {
    // NOLINTBEGIN(bugprone-branch-clone): one rule of the spec per branch
    if (vu == tu)
      ok = true;
    else if (v.type->kind == Kind::Pointer && t->kind == Kind::Pointer &&
             underlying(v.type->elem) == underlying(t->elem))
      ok = true;
    else if (is_numeric(vu) && is_numeric(tu))
      ok = true;
    else if (is_string(tu) &&
             (is_integer(vu) || (vu->kind == Kind::Slice &&
                                 (underlying(vu->elem) == byte_ || underlying(vu->elem) == rune_))))
      ok = true;
    else if (is_string(vu) && tu->kind == Kind::Slice &&
             (underlying(tu->elem) == byte_ || underlying(tu->elem) == rune_))
      ok = true;
    // NOLINTEND(bugprone-branch-clone)
  }
  if (!ok) return fail();
  x.mode = Mode::Value;
  x.type = t;
  return x;
}

Operand Checker::builtin_call(CallExpr* c, Builtin b) {
  Operand x;
  x.expr = c;
  const char* name = "";
  switch (b) {
    case Builtin::Len:
      name = "len";
      break;
    case Builtin::Cap:
      name = "cap";
      break;
    case Builtin::Append:
      name = "append";
      break;
    case Builtin::Make:
      name = "make";
      break;
    case Builtin::New:
      name = "new";
      break;
    case Builtin::Delete:
      name = "delete";
      break;
    case Builtin::Close:
      name = "close";
      break;
    case Builtin::Panic:
      name = "panic";
      break;
    case Builtin::Recover:
      name = "recover";
      break;
    case Builtin::Print:
      name = "print";
      break;
    case Builtin::Println:
      name = "println";
      break;
    case Builtin::Copy:
      name = "copy";
      break;
    default:
      break;
  }
  const std::size_t n = c->args.size();
  auto count = [&](std::size_t lo, std::size_t hi) {
    if (n < lo || n > hi) {
      const bool few = n < lo;
      error(c->pos, fmt::format("invalid operation: {} arguments for {} (expected {}, found {})",
                                few ? "not enough" : "too many", expr_string(*c), lo, n));
      return false;
    }
    return true;
  };
  if (c->has_ellipsis && b != Builtin::Append) {
    error(c->pos, fmt::format("invalid operation: invalid use of ... with built-in {}", name));
    return x;
  }
  switch (b) {
    case Builtin::Len:
    case Builtin::Cap: {
      if (!count(1, 1)) return x;
      Operand a = expr(c->args[0].get());
      if (!single_value(a)) return x;
      TypeRef u = underlying(a.type);
      if (u->kind == Kind::Pointer && underlying(u->elem)->kind == Kind::Array)
        u = underlying(u->elem);
      bool ok = false;
      switch (u->kind) {
        case Kind::String:
        case Kind::UntypedString:
          ok = b == Builtin::Len;
          break;
        case Kind::Array:
        case Kind::Slice:
        case Kind::Chan:
          ok = true;
          break;
        case Kind::Map:
          ok = b == Builtin::Len;
          break;
        default:
          break;
      }
      if (!ok) {
        error(a.expr->pos, fmt::format("invalid argument: {} for {}", describe(a), name));
        return x;
      }
      if (is_untyped(a.type)) {
        default_type(a);
        finish(a);
      }
      x.type = tt_.basic(Kind::Int);
      if (a.mode == Mode::Constant && is_string(u)) {
        x.mode = Mode::Constant;
        x.val.k = CVal::K::Int;
        x.val.i = static_cast<i128>(a.val.s.size());
      } else if (u->kind == Kind::Array && c->args[0]->kind != ExprKind::Call) {
        x.mode = Mode::Constant;
        x.val.k = CVal::K::Int;
        x.val.i = u->len;
      } else {
        x.mode = Mode::Value;
      }
      return x;
    }
    case Builtin::Append: {
      if (n == 0) {
        error(c->rparen, "not enough arguments for append() (expected 1, found 0)");
        return x;
      }
      Operand s = expr(c->args[0].get());
      if (!single_value(s)) return x;
      TypeRef u = underlying(s.type);
      if (s.mode == Mode::Nil) {
        error(s.expr->pos, "first argument to append must be a typed slice; found untyped nil");
        return x;
      }
      if (u->kind != Kind::Slice) {
        error(s.expr->pos,
              fmt::format("first argument to append must be a slice; have {}", describe(s)));
        return x;
      }
      if (c->has_ellipsis) {
        if (n != 2) {
          error(c->pos, "can only use ... with final argument in list");
          return x;
        }
        Operand a = expr(c->args[1].get(), s.type);
        if (!single_value(a)) return x;
        if (is_string(a.type) && underlying(u->elem) == byte_) {
          if (is_untyped(a.type)) {
            default_type(a);
            finish(a);
          }
        } else {
          assign(a, s.type, "argument to append");  // rare wording
        }
      } else {
        for (std::size_t i = 1; i < n; ++i) {
          Operand a = expr(c->args[i].get(), u->elem);
          if (single_value(a)) assign(a, u->elem, "argument to append");
        }
      }
      x.mode = Mode::Value;
      x.type = s.type;
      return x;
    }
    case Builtin::Make: {
      if (n == 0) {
        error(c->rparen, "not enough arguments for make() (expected 1, found 0)");
        return x;
      }
      TypeRef t = resolve_type(c->args[0].get());
      if (t == nullptr) return x;
      TypeRef u = underlying(t);
      std::size_t lo = 1;
      std::size_t hi = 1;
      switch (u->kind) {
        case Kind::Slice:
          lo = 2;
          hi = 3;
          break;
        case Kind::Map:
        case Kind::Chan:
          lo = 1;
          hi = 2;
          break;
        default:
          error(c->args[0]->pos,
                fmt::format("invalid argument: cannot make {}; type must be slice, map, or channel",
                            expr_string(*c->args[0])));
          return x;
      }
      if (n < lo || n > hi) {
        if (u->kind == Kind::Slice && n == 1) {
          error(c->pos, fmt::format("invalid operation: {} expects 2 or 3 arguments; found 1",
                                    expr_string(*c)));
        } else {
          error(c->pos, fmt::format("invalid operation: {} expects {} or {} arguments; found {}",
                                    expr_string(*c), lo, hi, n));
        }
        return x;
      }
      std::vector<i128> sizes;
      for (std::size_t i = 1; i < n; ++i) {
        Operand a = expr(c->args[i].get());
        if (!single_value(a)) return x;
        if (!is_integer(a.type) && !(a.mode == Mode::Constant && is_numeric(a.type) &&
                                     a.val.k == CVal::K::Float && a.val.f == std::floor(a.val.f))) {
          error(a.expr->pos, fmt::format("cannot convert {} to type int", describe(a)));
          return x;
        }
        if (a.mode == Mode::Constant) {
          CVal out;
          bool trunc = false;
          if (representable(a.val, tt_.basic(Kind::Int), out, trunc)) {
            if (out.i < 0) {
              error(a.expr->pos,
                    fmt::format("invalid argument: index {} must not be negative", describe(a)));
              return x;
            }
            sizes.push_back(out.i);
          }
          if (is_untyped(a.type)) convert_untyped(a, tt_.basic(Kind::Int), false);
          finish(a);
        }
      }
      if (sizes.size() == 2 && sizes[0] > sizes[1]) {
        error(c->args[1]->pos, fmt::format("invalid argument: length and capacity swapped"));
        return x;
      }
      x.mode = Mode::Value;
      x.type = t;
      return x;
    }
    case Builtin::New: {
      if (!count(1, 1)) return x;
      TypeRef t = resolve_type(c->args[0].get());
      if (t == nullptr) return x;
      x.mode = Mode::Value;
      x.type = tt_.pointer(t);
      return x;
    }
    case Builtin::Delete: {
      if (!count(2, 2)) return x;
      Operand m = expr(c->args[0].get());
      if (!single_value(m)) return x;
      TypeRef u = underlying(m.type);
      if (u->kind != Kind::Map) {
        error(m.expr->pos, fmt::format("invalid argument: {} is not a map", describe(m)));
        return x;
      }
      Operand k = expr(c->args[1].get(), u->key);
      if (single_value(k)) assign(k, u->key, "argument to delete");
      x.mode = Mode::NoValue;
      return x;
    }
    case Builtin::Close: {
      if (!count(1, 1)) return x;
      Operand ch = expr(c->args[0].get());
      if (!single_value(ch)) return x;
      TypeRef u = underlying(ch.type);
      if (u->kind != Kind::Chan) {
        error(ch.expr->pos,
              fmt::format("invalid operation: cannot close non-channel {}", describe(ch)));
        return x;
      }
      if (u->dir == ChanDir::Recv) {
        error(ch.expr->pos,
              fmt::format("invalid operation: cannot close receive-only channel {}", describe(ch)));
        return x;
      }
      x.mode = Mode::NoValue;
      return x;
    }
    case Builtin::Panic: {
      if (!count(1, 1)) return x;
      Operand a = expr(c->args[0].get(), tt_.empty_interface());
      if (single_value(a)) assign(a, tt_.empty_interface(), "argument to panic");
      x.mode = Mode::NoValue;
      return x;
    }
    case Builtin::Recover:
      if (!count(0, 0)) return x;
      x.mode = Mode::Value;
      x.type = tt_.empty_interface();
      return x;
    case Builtin::Print:
    case Builtin::Println:
      for (auto& a : c->args) {
        Operand o = expr(a.get());
        if (!single_value(o)) continue;
        if (o.mode == Mode::Nil) {
          error(o.expr->pos, "use of untyped nil in argument to built-in print");
          continue;
        }
        default_type(o);
        finish(o);
      }
      x.mode = Mode::NoValue;
      return x;
    case Builtin::Copy: {
      if (!count(2, 2)) return x;
      Operand d = expr(c->args[0].get());
      Operand s = expr(c->args[1].get());
      if (!single_value(d) || !single_value(s)) return x;
      TypeRef du = underlying(d.type);
      TypeRef su = underlying(s.type);
      if (du->kind != Kind::Slice) {
        error(d.expr->pos,
              fmt::format("invalid argument: copy expects slice arguments; found {} and {}",
                          describe(d), describe(s)));
        return x;
      }
      if (is_string(su) && underlying(du->elem) == byte_) {
        default_type(s);
        finish(s);
      } else if (su->kind != Kind::Slice || su->elem != du->elem) {
        error(c->pos, fmt::format("invalid argument: arguments to copy {} and {} have different "
                                  "element types {} and {}",
                                  describe(d), describe(s), type_str(du->elem),
                                  su->kind == Kind::Slice ? type_str(su->elem) : type_str(s.type)));
        return x;
      }
      x.mode = Mode::Value;
      x.type = tt_.basic(Kind::Int);
      return x;
    }
    default:
      refuse(c->pos, "complex numbers");
      return x;
  }
}

// ============================================================ operators

Operand Checker::unary(UnaryExpr* u, TypeRef hint) {
  Operand x;
  x.expr = u;
  if (u->op == Tok::And) {
    Expr* inner = u->x.get();
    while (inner->kind == ExprKind::Paren) inner = static_cast<ParenExpr*>(inner)->x.get();
    TypeRef h = hint != nullptr && underlying(hint)->kind == Kind::Pointer ? underlying(hint)->elem
                                                                           : nullptr;
    Operand y = expr(u->x.get(), h);
    if (!single_value(y)) return x;
    if (inner->kind != ExprKind::CompositeLit && y.mode != Mode::Variable) {
      error(u->x->pos, fmt::format("invalid operation: cannot take address of {}", describe(y)));
      return x;
    }
    if (inner->kind == ExprKind::Ident && static_cast<Ident*>(inner)->obj != nullptr) {
      static_cast<Ident*>(inner)->obj->addressed = true;
    }
    x.mode = Mode::Value;
    x.type = tt_.pointer(y.type);
    return x;
  }
  if (u->op == Tok::Arrow) {
    Operand y = expr(u->x.get());
    if (!single_value(y)) return x;
    TypeRef ut = underlying(y.type);
    if (ut == nullptr || ut->kind != Kind::Chan) {
      error(u->x->pos,
            fmt::format("invalid operation: cannot receive from non-channel {}", describe(y)));
      return x;
    }
    if (ut->dir == ChanDir::Send) {
      error(u->x->pos, fmt::format("invalid operation: cannot receive from send-only channel {}",
                                   describe(y)));
      return x;
    }
    x.mode = Mode::Value;
    x.type = ut->elem;
    return x;
  }
  Operand y = expr(u->x.get(), hint);
  if (!single_value(y)) return x;
  bool ok = false;
  switch (u->op) {
    case Tok::Add:
    case Tok::Sub:
      ok = is_numeric(y.type);
      break;
    case Tok::Xor:
      ok = is_integer(y.type);
      break;
    case Tok::Not:
      ok = is_boolean(y.type);
      break;
    default:
      break;
  }
  if (!ok) {
    error(u->x->pos, fmt::format("invalid operation: operator {} not defined on {}",
                                 tok_string(u->op), describe(y)));
    return x;
  }
  x = y;
  x.expr = u;
  if (y.mode != Mode::Constant) {
    x.mode = Mode::Value;
    return x;
  }
  switch (u->op) {
    case Tok::Sub:
      if (x.val.k == CVal::K::Int)
        x.val.i = -x.val.i;
      else
        x.val.f = -x.val.f;
      break;
    case Tok::Not:
      x.val.b = !x.val.b;
      break;
    case Tok::Xor:
      if (is_unsigned(x.type)) {
        const int bits = int_bits(underlying(x.type)->kind);
        x.val.i = ~x.val.i & ((i128{1} << bits) - 1);
      } else {
        x.val.i = ~x.val.i;
      }
      break;
    default:
      break;
  }
  if (!is_untyped(x.type)) {
    CVal out;
    bool trunc = false;
    if (!representable(x.val, x.type, out, trunc)) {
      error(u->pos, fmt::format("{} overflows {}", describe(x), type_str(x.type)));
      x.mode = Mode::Invalid;
    }
  }
  return x;
}

namespace {
bool is_comparison(Tok op) {
  return op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
         op == Tok::Geq;
}
}  // namespace

Operand Checker::binary(BinaryExpr* b, TypeRef hint) {
  Operand x;
  x.expr = b;
  const bool cmp = is_comparison(b->op);
  const bool shift_op = b->op == Tok::Shl || b->op == Tok::Shr;
  Operand l = expr(b->x.get(), cmp ? nullptr : hint);
  Operand r = expr(b->y.get(), cmp || shift_op ? nullptr : hint);
  if (!single_value(l) || !single_value(r)) return x;
  if (shift_op) return shift(b, l, r);
  // untyped operands take the other side's type
  if (is_untyped(l.type) && !is_untyped(r.type)) {
    if (!convert_untyped(l, r.type, false)) {
      l = expr(b->x.get());
      if (l.mode == Mode::Constant && r.type != nullptr && is_numeric(l.type) &&
          is_numeric(r.type)) {
        CVal out;
        bool trunc = false;
        (void)representable(l.val, r.type, out, trunc);
        error(l.expr->pos, fmt::format("{} {} {}", describe(l),
                                       trunc ? "truncated to" : "overflows", type_str(r.type)));
        if (trunc)
          diags.back().message = fmt::format("{} truncated to {}", describe(l), type_str(r.type));
        return x;
      }
      if (l.mode == Mode::Nil) {
        error(b->op_pos, fmt::format("invalid operation: {} (mismatched types untyped nil and {})",
                                     expr_string(*b), type_str(r.type)));
        return x;
      }
      error(cmp ? b->y->pos : b->x->pos,
            fmt::format("invalid operation: {} (mismatched types {} and {})", expr_string(*b),
                        type_str(l.type), type_str(r.type)));
      return x;
    }
    finish(l);
  } else if (is_untyped(r.type) && !is_untyped(l.type)) {
    if (!convert_untyped(r, l.type, false)) {
      r = expr(b->y.get());
      if (r.mode == Mode::Constant && l.type != nullptr && is_numeric(r.type) &&
          is_numeric(l.type)) {
        CVal out;
        bool trunc = false;
        (void)representable(r.val, l.type, out, trunc);
        error(r.expr->pos, fmt::format("{} {} {}", describe(r),
                                       trunc ? "truncated to" : "overflows", type_str(l.type)));
        return x;
      }
      if (r.mode == Mode::Nil) {
        if (cmp) {
          error(b->y->pos,
                fmt::format("invalid operation: {} (mismatched types {} and untyped nil)",
                            expr_string(*b), type_str(l.type)));
        } else {
          error(b->y->pos, fmt::format("cannot convert nil to type {}", type_str(l.type)));
        }
        return x;
      }
      error(cmp ? b->y->pos : b->x->pos,
            fmt::format("invalid operation: {} (mismatched types {} and {})", expr_string(*b),
                        type_str(l.type), type_str(r.type)));
      return x;
    }
    finish(r);
  } else if (is_untyped(l.type) && is_untyped(r.type)) {
    if (l.mode == Mode::Nil || r.mode == Mode::Nil) {
      if (l.mode == Mode::Nil && r.mode == Mode::Nil && cmp) {
        error(b->x->pos, fmt::format("invalid operation: {} (operator {} not defined on nil)",
                                     expr_string(*b), tok_string(b->op)));
        return x;
      }
      error(cmp ? b->y->pos : b->x->pos,
            fmt::format("invalid operation: {} (mismatched types {} and {})", expr_string(*b),
                        type_str(l.type), type_str(r.type)));
      return x;
    }
    const bool lnum = is_numeric(l.type);
    const bool rnum = is_numeric(r.type);
    if (lnum && rnum) {
      TypeRef wider = l.type->kind > r.type->kind ? l.type : r.type;
      convert_untyped(l, wider, false);
      convert_untyped(r, wider, false);
    } else if (l.type != r.type) {
      error(cmp ? b->y->pos : b->x->pos,
            fmt::format("invalid operation: {} (mismatched types {} and {})", expr_string(*b),
                        type_str(l.type), type_str(r.type)));
      return x;
    }
  }
  if (cmp) return comparison(b, l, r);
  if (l.type != r.type) {
    error(cmp ? b->y->pos : b->x->pos,
          fmt::format("invalid operation: {} (mismatched types {} and {})", expr_string(*b),
                      type_str(l.type), type_str(r.type)));
    return x;
  }
  TypeRef t = l.type;
  bool ok = false;
  switch (b->op) {
    case Tok::Add:
      ok = is_numeric(t) || is_string(t);
      break;
    case Tok::Sub:
    case Tok::Mul:
    case Tok::Quo:
      ok = is_numeric(t);
      break;
    case Tok::Rem:
    case Tok::And:
    case Tok::Or:
    case Tok::Xor:
    case Tok::AndNot:
      ok = is_integer(t);
      break;
    case Tok::LAnd:
    case Tok::LOr:
      ok = is_boolean(t);
      break;
    default:
      break;
  }
  if (!ok) {
    error(b->x->pos, fmt::format("invalid operation: operator {} not defined on {}",
                                 tok_string(b->op), describe(l)));
    return x;
  }
  if ((b->op == Tok::Quo || b->op == Tok::Rem) && r.mode == Mode::Constant &&
      ((r.val.k == CVal::K::Int && r.val.i == 0) || (r.val.k == CVal::K::Float && r.val.f == 0)) &&
      (is_integer(t) || l.mode == Mode::Constant)) {
    error(b->y->pos, "invalid operation: division by zero");
    return x;
  }
  x.type = t;
  if (l.mode != Mode::Constant || r.mode != Mode::Constant) {
    x.mode = Mode::Value;
    return x;
  }
  x.mode = Mode::Constant;
  const CVal& a = l.val;
  const CVal& c = r.val;
  CVal& v = x.val;
  if (a.k == CVal::K::String) {
    v.k = CVal::K::String;
    v.s = a.s + c.s;
  } else if (a.k == CVal::K::Bool) {
    v.k = CVal::K::Bool;
    v.b = b->op == Tok::LAnd ? (a.b && c.b) : (a.b || c.b);
  } else if (a.k == CVal::K::Float || c.k == CVal::K::Float) {
    const long double p = a.k == CVal::K::Float ? a.f : static_cast<long double>(a.i);
    const long double q = c.k == CVal::K::Float ? c.f : static_cast<long double>(c.i);
    v.k = CVal::K::Float;
    switch (b->op) {
      case Tok::Add:
        v.f = p + q;
        break;
      case Tok::Sub:
        v.f = p - q;
        break;
      case Tok::Mul:
        v.f = p * q;
        break;
      default:
        v.f = p / q;
        break;
    }
  } else {
    v.k = CVal::K::Int;
    const i128 p = a.i;
    const i128 q = c.i;
    const i128 lim = i128{1} << 125;
    v.overflow = a.overflow || c.overflow;
    switch (b->op) {
      case Tok::Add:
        v.i = p + q;
        break;
      case Tok::Sub:
        v.i = p - q;
        break;
      case Tok::Mul:
        if (p != 0 && (q > lim / (p < 0 ? -p : p) || -q > lim / (p < 0 ? -p : p)))
          v.overflow = true;
        else
          v.i = p * q;
        break;
      case Tok::Quo:
        if (is_integer(t)) {
          v.i = p / q;
        } else {
          v.k = CVal::K::Float;
          v.f = static_cast<long double>(p) / static_cast<long double>(q);
          if (p % q == 0) {
            v.k = CVal::K::Int;
            v.i = p / q;
          }
        }
        break;
      case Tok::Rem:
        v.i = p % q;
        break;
      case Tok::And:
        v.i = p & q;
        break;
      case Tok::Or:
        v.i = p | q;
        break;
      case Tok::Xor:
        v.i = p ^ q;
        break;
      case Tok::AndNot:
        v.i = p & ~q;
        break;
      default:
        break;
    }
    if (v.i > lim || v.i < -lim) v.overflow = true;
  }
  if (!is_untyped(t)) {
    CVal out;
    bool trunc = false;
    if (!representable(v, t, out, trunc)) {
      error(b->x->pos, fmt::format("{} (constant {} of type {}) overflows {}", expr_string(*b),
                                   cval_string(v), type_str(t), type_str(t)));
      x.mode = Mode::Invalid;
      return x;
    }
    v = out;
  } else if (v.overflow) {
    error(b->x->pos, "constant overflow");  // rare
    x.mode = Mode::Invalid;
  }
  return x;
}

Operand Checker::shift(BinaryExpr* b, Operand l, Operand r) {
  Operand x;
  x.expr = b;
  // the count: an integer (or an untyped constant representable as uint)
  if (r.mode == Mode::Constant) {
    CVal out;
    bool trunc = false;
    if (!representable(r.val, tt_.basic(Kind::Uint), out, trunc)) {
      if (r.val.k == CVal::K::Int && r.val.i < 0) {
        error(b->y->pos, fmt::format("invalid shift count {} (must be non-negative)",
                                     describe(r)));  // rare wording
      } else {
        error(b->y->pos,
              fmt::format("invalid operation: shift count {} must be integer", describe(r)));
      }
      return x;
    }
    r.val = out;
    if (is_untyped(r.type)) {
      convert_untyped(r, tt_.basic(Kind::Uint), false);
      finish(r);
    }
  } else if (!is_integer(r.type)) {
    error(b->y->pos, fmt::format("invalid operation: shift count {} must be integer", describe(r)));
    return x;
  }
  if (l.mode == Mode::Constant && is_untyped(l.type)) {
    if (l.val.k == CVal::K::Float) {
      if (l.val.f != std::floor(l.val.f)) {
        error(b->x->pos,
              fmt::format("invalid operation: shifted operand {} must be integer", describe(l)));
        return x;
      }
      l.val.k = CVal::K::Int;
      l.val.i = static_cast<i128>(l.val.f);
      l.type = tt_.basic(Kind::UntypedInt);
    }
    if (r.mode != Mode::Constant) {
      // a non-constant shift of an untyped constant: it takes the context's type (int here)
      convert_untyped(l, tt_.basic(Kind::Int), true);
      finish(l);
    }
  }
  if (!is_integer(l.type)) {
    error(b->x->pos,
          fmt::format("invalid operation: shifted operand {} must be integer", describe(l)));
    return x;
  }
  x.type = l.type;
  if (l.mode == Mode::Constant && r.mode == Mode::Constant) {
    x.mode = Mode::Constant;
    x.val.k = CVal::K::Int;
    const i128 count = r.val.i;
    if (b->op == Tok::Shl) {
      if (count >= 120 || (l.val.i != 0 && count + 1 >= 127 - 1)) {
        x.val.overflow = true;
        error(b->x->pos, fmt::format("invalid shift count {}", describe(r)));  // rare
        x.mode = Mode::Invalid;
        return x;
      }
      x.val.i = l.val.i * (i128{1} << static_cast<int>(count));
    } else {
      x.val.i = count >= 127 ? (l.val.i < 0 ? -1 : 0) : (l.val.i >> static_cast<int>(count));
    }
    if (!is_untyped(x.type)) {
      CVal out;
      bool trunc = false;
      if (!representable(x.val, x.type, out, trunc)) {
        error(b->x->pos, fmt::format("{} (constant {} of type {}) overflows {}", expr_string(*b),
                                     cval_string(x.val), type_str(x.type), type_str(x.type)));
        x.mode = Mode::Invalid;
      }
    }
    return x;
  }
  x.mode = Mode::Value;
  return x;
}

Operand Checker::comparison(BinaryExpr* b, Operand l, Operand r) {
  Operand x;
  x.expr = b;
  const bool eq = b->op == Tok::Eql || b->op == Tok::Neq;
  if (l.mode == Mode::Nil || r.mode == Mode::Nil) {
    const Operand& other = l.mode == Mode::Nil ? r : l;
    TypeRef u = underlying(other.type);
    const bool ok = eq && (u->kind == Kind::Pointer || u->kind == Kind::Slice ||
                           u->kind == Kind::Map || u->kind == Kind::Chan || u->kind == Kind::Func ||
                           u->kind == Kind::Interface || u->kind == Kind::UntypedNil);
    if (!ok) {
      error(b->y->pos, fmt::format("invalid operation: {} (mismatched types {} and {})",
                                   expr_string(*b), type_str(l.type), type_str(r.type)));
      return x;
    }
  } else {
    const bool assignable_either = assignable(l, r.type, nullptr) || assignable(r, l.type, nullptr);
    if (!assignable_either) {
      error(b->y->pos, fmt::format("invalid operation: {} (mismatched types {} and {})",
                                   expr_string(*b), type_str(l.type), type_str(r.type)));
      return x;
    }
    if (eq) {
      auto cmp_ok = [&](const Operand& o) -> bool {
        TypeRef u = underlying(o.type);
        if (!comparable(o.type)) {
          const char* what = u->kind == Kind::Slice  ? "slice"
                             : u->kind == Kind::Map  ? "map"
                             : u->kind == Kind::Func ? "func"
                                                     : nullptr;
          if (what != nullptr) {
            error(b->x->pos, fmt::format("invalid operation: {} ({} can only be compared to nil)",
                                         expr_string(*b), what));
          } else {
            error(b->x->pos, fmt::format("invalid operation: {} ({} cannot be compared)",
                                         expr_string(*b), type_str(o.type)));  // rare
          }
          return false;
        }
        return true;
      };
      if (!cmp_ok(l) || !cmp_ok(r)) return x;
    } else {
      TypeRef u = l.type;
      if (!(is_numeric(u) || is_string(u))) {
        error(b->x->pos, fmt::format("invalid operation: {} (operator {} not defined on {})",
                                     expr_string(*b), tok_string(b->op), type_str(l.type)));
        // go1.19: "operator < not defined on x (variable of type T)"
        diags.back().message =
            fmt::format("invalid operation: {} (operator {} not defined on {})", expr_string(*b),
                        tok_string(b->op),
                        describe(l).substr(expr_string(*b->x).size() + 2,
                                           describe(l).size() - expr_string(*b->x).size() - 3));
        return x;
      }
    }
  }
  x.type = tt_.basic(Kind::UntypedBool);
  if (l.mode == Mode::Constant && r.mode == Mode::Constant && l.val.known() && r.val.known()) {
    x.mode = Mode::Constant;
    x.val.k = CVal::K::Bool;
    x.val.b = compare_constants(b->op, l.val, r.val);
  } else {
    x.mode = Mode::Value;
    // the operands, if untyped, take their default types
    if (is_untyped(l.type)) {
      default_type(l);
      finish(l);
    }
    if (is_untyped(r.type)) {
      default_type(r);
      finish(r);
    }
  }
  return x;
}

// ============================================================ statements

void Checker::block(BlockStmt* b, bool new_scope) {
  if (new_scope) push_scope();
  stmt_list(b->list);
  if (new_scope) pop_scope();
}

void Checker::stmt_list(std::vector<StmtPtr>& l) {
  for (auto& s : l) stmt(s.get());
}

void Checker::stmt(Stmt* s) {
  switch (s->kind) {
    case StmtKind::Bad:
    case StmtKind::Empty:
      return;
    case StmtKind::Block:
      block(static_cast<BlockStmt*>(s));
      return;
    case StmtKind::Expr: {
      auto* es = static_cast<ExprStmt*>(s);
      Operand x = expr_or_type(es->x.get());
      if (x.invalid()) return;
      Expr* u = es->x.get();
      while (u->kind == ExprKind::Paren) u = static_cast<ParenExpr*>(u)->x.get();
      bool used = false;
      if (u->kind == ExprKind::Call) {
        auto* c = static_cast<CallExpr*>(u);
        used = c->call_kind != CallKind::Conversion &&
               !(c->call_kind == CallKind::Builtin &&
                 (c->builtin == Builtin::Len || c->builtin == Builtin::Cap ||
                  c->builtin == Builtin::Append || c->builtin == Builtin::Make ||
                  c->builtin == Builtin::New));
      } else if (u->kind == ExprKind::Unary && static_cast<UnaryExpr*>(u)->op == Tok::Arrow) {
        used = true;
      }
      if (!used) {
        if (x.mode == Mode::Type) {
          error(es->x->pos, fmt::format("{} (type) is not an expression", expr_string(*es->x)));
        } else if (x.mode == Mode::Builtin) {
          error(es->x->pos, fmt::format("{} (built-in) must be called", expr_string(*es->x)));
        } else {
          error(es->x->pos, fmt::format("{} is not used", describe(x)));
        }
      }
      return;
    }
    case StmtKind::Send: {
      auto* ss = static_cast<SendStmt*>(s);
      Operand ch = expr(ss->ch.get());
      Operand v;
      if (!single_value(ch)) {
        (void)expr(ss->value.get());
        return;
      }
      TypeRef u = underlying(ch.type);
      if (u->kind != Kind::Chan) {
        error(s->pos,
              fmt::format("invalid operation: cannot send to non-channel {}", describe(ch)));
        (void)expr(ss->value.get());
        return;
      }
      if (u->dir == ChanDir::Recv) {
        error(s->pos, fmt::format("invalid operation: cannot send to receive-only channel {}",
                                  describe(ch)));
        (void)expr(ss->value.get());
        return;
      }
      v = expr(ss->value.get(), u->elem);
      if (single_value(v)) assign(v, u->elem, "send");
      return;
    }
    case StmtKind::IncDec: {
      auto* id = static_cast<IncDecStmt*>(s);
      Operand x = expr(id->x.get());
      if (!single_value(x)) return;
      if (!is_numeric(x.type)) {
        error(s->pos, fmt::format("invalid operation: {}{} (non-numeric type {})",
                                  expr_string(*id->x), id->inc ? "++" : "--", type_str(x.type)));
        return;
      }
      if (x.mode != Mode::Variable && x.mode != Mode::MapIndex) cannot_assign(id->x.get(), x);
      return;
    }
    case StmtKind::Assign:
      assign_stmt(static_cast<AssignStmt*>(s));
      return;
    case StmtKind::VarDecl:
    case StmtKind::ConstDecl:
    case StmtKind::TypeDecl: {
      GenDecl& gd = *static_cast<DeclStmt*>(s)->decl;
      if (gd.tok == Tok::Var) {
        for (ValueSpec& vs : gd.values) var_spec(vs, true);
      } else if (gd.tok == Tok::Const) {
        const ValueSpec* prev = nullptr;
        for (ValueSpec& vs : gd.values) {
          if (vs.values.empty() && !vs.type) {
            vs.implicit_from = prev;
          } else {
            prev = &vs;
          }
          for (auto& n : vs.names) {
            n->obj = new_object(ObjKind::Const, n->name, n->pos, nullptr);
          }
          if (vs.values.empty() && !vs.type && prev == nullptr) {
            error(vs.names[0]->pos, "missing init expr for const declaration");
            continue;
          }
          const_spec(vs, vs.implicit_from, true);
          for (auto& n : vs.names) locals_const_.push_back(n->obj);
        }
      } else {
        for (TypeSpec& ts : gd.types) {
          ts.name->obj = new_object(ObjKind::TypeName, ts.name->name, ts.name->pos, nullptr);
          type_spec(ts, true);
        }
      }
      return;
    }
    case StmtKind::Go: {
      auto* g = static_cast<GoStmt*>(s);
      go_defer(s, g->call.get(), g->bad.get(), "go");
      return;
    }
    case StmtKind::Defer: {
      auto* d = static_cast<DeferStmt*>(s);
      go_defer(s, d->call.get(), d->bad.get(), "defer");
      return;
    }
    case StmtKind::Return:
      return_stmt(static_cast<ReturnStmt*>(s));
      return;
    case StmtKind::Branch:
      branch_stmt(static_cast<BranchStmt*>(s));
      return;
    case StmtKind::Labeled: {
      auto* l = static_cast<LabeledStmt*>(s);
      if (l->label->name == "_") {
        stmt(l->stmt.get());
        return;
      }
      const Stmt* inner = l->stmt.get();
      if (inner->kind == StmtKind::For || inner->kind == StmtKind::Range ||
          inner->kind == StmtKind::Switch || inner->kind == StmtKind::TypeSwitch ||
          inner->kind == StmtKind::Select) {
        pending_label_ = l->label->name;
      }
      stmt(l->stmt.get());
      pending_label_.clear();
      return;
    }
    case StmtKind::If:
      if_stmt(static_cast<IfStmt*>(s));
      return;
    case StmtKind::For:
      for_stmt(static_cast<ForStmt*>(s));
      return;
    case StmtKind::Range:
      range_stmt(static_cast<RangeStmt*>(s));
      return;
    case StmtKind::Switch:
      switch_stmt(static_cast<SwitchStmt*>(s));
      return;
    case StmtKind::TypeSwitch:
      type_switch(static_cast<TypeSwitchStmt*>(s));
      return;
    case StmtKind::Select:
      select_stmt(static_cast<SelectStmt*>(s));
      return;
  }
}

void Checker::go_defer(Stmt* s, CallExpr* call, Expr* bad, const char* what) {
  (void)s;
  if (call == nullptr) {
    // The parser's error, at gc's position of the node (a selector's dot).
    const Pos at =
        bad->kind == ExprKind::Selector ? static_cast<const SelectorExpr*>(bad)->dot : bad->pos;
    error(at, fmt::format("expression in {} must be function call", what));
    (void)expr(bad);
    return;
  }
  Operand x = expr_or_type(call);
  if (x.invalid()) return;
  if (call->call_kind == CallKind::Conversion) {
    error(call->pos, fmt::format("{} requires function call, not conversion", what));
    return;
  }
  if (call->call_kind == CallKind::Builtin &&
      (call->builtin == Builtin::Len || call->builtin == Builtin::Cap ||
       call->builtin == Builtin::Append || call->builtin == Builtin::Make ||
       call->builtin == Builtin::New)) {
    error(call->pos, fmt::format("{} discards result of {}", what, expr_string(*call)));
  }
}

// types2's lhsVar error for an operand that is not a variable (=, op= and ++ alike).
void Checker::cannot_assign(Expr* lhs, const Operand& l) {
  Expr* u = lhs;
  while (u->kind == ExprKind::Paren) u = static_cast<ParenExpr*>(u)->x.get();
  if (u->kind == ExprKind::Selector) {
    const Expr* base = static_cast<SelectorExpr*>(u)->x.get();
    while (base->kind == ExprKind::Paren) base = static_cast<const ParenExpr*>(base)->x.get();
    if (base->mode == Mode::MapIndex) {
      error(lhs->pos, fmt::format("cannot assign to struct field {} in map", expr_string(*lhs)));
      return;
    }
  }
  if (l.mode == Mode::Value && l.type != nullptr && u->kind == ExprKind::Index &&
      is_string(underlying(static_cast<IndexExpr*>(u)->x->type))) {
    error(lhs->pos, fmt::format("cannot assign to {} (value of type byte)", expr_string(*lhs)));
    return;
  }
  error(lhs->pos, fmt::format("cannot assign to {}", describe(l)));
}

void Checker::assign_lhs(Expr* lhs, Operand& x, const char* context) {
  Expr* u = lhs;
  while (u->kind == ExprKind::Paren) u = static_cast<ParenExpr*>(u)->x.get();
  if (u->kind == ExprKind::Ident && static_cast<Ident*>(u)->name == "_") {
    u->mode = Mode::Variable;
    if (x.invalid()) return;
    if (x.mode == Mode::Nil) {
      error(x.expr->pos, "use of untyped nil in assignment to _ identifier");  // rare
      return;
    }
    default_type(x, "assignment to _ identifier");
    if (!x.invalid()) finish(x);
    return;
  }
  Operand l;
  if (u->kind == ExprKind::Ident) {
    // an assignment is not a use
    Object* o = lookup(static_cast<Ident*>(u)->name);
    const bool was_used = o != nullptr && o->used;
    l = expr(lhs);
    if (o != nullptr && o->kind == ObjKind::Var && !was_used && fn_ != nullptr &&
        o->owner == fn_->node)
      o->used = false;
  } else {
    l = expr(lhs);
  }
  if (l.invalid()) {
    return;
  }
  if (l.mode != Mode::Variable && l.mode != Mode::MapIndex) {
    cannot_assign(lhs, l);
    return;
  }
  if (x.invalid()) return;
  if (!assign(x, l.type, context) && u->kind == ExprKind::Ident &&
      static_cast<Ident*>(u)->obj != nullptr) {
    static_cast<Ident*>(u)->obj->used = true;  // as types2 does after a failed assignment
  }
}

void Checker::assign_stmt(AssignStmt* a) {
  if (a->tok == Tok::Define) {
    define_stmt(a);
    return;
  }
  if (a->tok != Tok::Assign) {
    // x op= y
    static constexpr std::pair<Tok, Tok> kOps[] = {
        {Tok::AddAssign, Tok::Add}, {Tok::SubAssign, Tok::Sub},      {Tok::MulAssign, Tok::Mul},
        {Tok::QuoAssign, Tok::Quo}, {Tok::RemAssign, Tok::Rem},      {Tok::AndAssign, Tok::And},
        {Tok::OrAssign, Tok::Or},   {Tok::XorAssign, Tok::Xor},      {Tok::ShlAssign, Tok::Shl},
        {Tok::ShrAssign, Tok::Shr}, {Tok::AndNotAssign, Tok::AndNot}};
    Tok op = Tok::Add;
    for (const auto& [k, v] : kOps) {
      if (k == a->tok) op = v;
    }
    // check as the binary expression lhs op rhs, without keeping a node for it
    BinaryExpr tmp(a->lhs[0]->pos);
    tmp.op = op;
    tmp.op_pos = a->tok_pos;
    tmp.x.reset(a->lhs[0].release());
    tmp.y.reset(a->rhs[0].release());
    Operand r = binary(&tmp, nullptr);
    a->lhs[0].reset(tmp.x.release());
    a->rhs[0].reset(tmp.y.release());
    if (r.invalid()) return;
    Operand l = expr(a->lhs[0].get());
    if (!l.invalid() && l.mode != Mode::Variable && l.mode != Mode::MapIndex) {
      cannot_assign(a->lhs[0].get(), l);
    }
    if (is_untyped(a->rhs[0]->type) && a->rhs[0]->mode == Mode::Constant && op != Tok::Shl &&
        op != Tok::Shr) {
      a->rhs[0]->type = l.type;
    }
    return;
  }
  const std::size_t nl = a->lhs.size();
  const std::size_t nr = a->rhs.size();
  if (nl == nr) {
    for (std::size_t i = 0; i < nl; ++i) {
      // the lhs type as the hint for composite literals without a type
      Operand x = expr(a->rhs[i].get(), nullptr);
      if (!x.invalid() && tuple_mismatch(x, nl)) x.mode = Mode::Invalid;
      if (!x.invalid() && !single_value(x)) x.mode = Mode::Invalid;
      assign_lhs(a->lhs[i].get(), x, "assignment");
    }
    return;
  }
  if (nr == 1) {
    bool spread = false;
    std::vector<Operand> xs = multi(a->rhs[0].get(), spread, nl);
    if (xs.empty()) return;
    if (xs.size() != nl) {
      Expr* v = a->rhs[0].get();
      if (v->kind == ExprKind::Call) {
        error(v->pos,
              fmt::format("assignment mismatch: {} variable{} but {} returns {} value{}", nl,
                          nl == 1 ? "" : "s", expr_string(*static_cast<CallExpr*>(v)->fun),
                          xs.size(), xs.size() == 1 ? "" : "s"));
      } else {
        error(v->pos, fmt::format("assignment mismatch: {} variable{} but {} value{}", nl,
                                  nl == 1 ? "" : "s", xs.size(), xs.size() == 1 ? "" : "s"));
      }
      return;
    }
    for (std::size_t i = 0; i < nl; ++i) {
      Operand x = xs[i];
      x.expr = a->rhs[0].get();
      Expr* saved_expr = x.expr;
      if (spread || i == 1) {
        // a value of a tuple: check assignability without rewriting the call node
        Expr* u = a->lhs[i].get();
        while (u->kind == ExprKind::Paren) u = static_cast<ParenExpr*>(u)->x.get();
        if (u->kind == ExprKind::Ident && static_cast<Ident*>(u)->name == "_") continue;
        Operand l = expr(a->lhs[i].get());
        if (l.invalid()) continue;
        if (u->kind == ExprKind::Ident && static_cast<Ident*>(u)->obj != nullptr &&
            fn_ != nullptr && static_cast<Ident*>(u)->obj->owner == fn_->node) {
          // an assignment is not a use; only mark if it was used before (kept simple)
        }
        if (l.mode != Mode::Variable && l.mode != Mode::MapIndex) {
          error(a->lhs[i]->pos, fmt::format("cannot assign to {}", describe(l)));
          continue;
        }
        std::string reason;
        if (!is_untyped(x.type) && !assignable(x, l.type, &reason)) {
          error(saved_expr->pos, fmt::format("cannot use {} value as {} value in assignment",
                                             type_str(x.type), type_str(l.type)));  // rare
        }
        continue;
      }
      assign_lhs(a->lhs[i].get(), x, "assignment");
    }
    return;
  }
  error(a->rhs[0]->pos, fmt::format("assignment mismatch: {} variable{} but {} value{}", nl,
                                    nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s"));
  for (auto& r : a->rhs) (void)expr(r.get());
}

void Checker::define_stmt(AssignStmt* a) {
  const std::size_t nl = a->lhs.size();
  const std::size_t nr = a->rhs.size();
  std::vector<Operand> xs;
  bool mismatch = false;
  if (nl == nr) {
    for (auto& r : a->rhs) {
      Operand x = expr(r.get());
      if (!x.invalid() && tuple_mismatch(x, nl)) x.mode = Mode::Invalid;
      if (!x.invalid() && !single_value(x)) x.mode = Mode::Invalid;
      xs.push_back(x);
    }
  } else if (nr == 1) {
    bool spread = false;
    xs = multi(a->rhs[0].get(), spread, nl);
    if (!xs.empty() && xs.size() != nl) {
      Expr* v = a->rhs[0].get();
      if (v->kind == ExprKind::Call) {
        error(v->pos,
              fmt::format("assignment mismatch: {} variable{} but {} returns {} value{}", nl,
                          nl == 1 ? "" : "s", expr_string(*static_cast<CallExpr*>(v)->fun),
                          xs.size(), xs.size() == 1 ? "" : "s"));
      } else {
        error(v->pos, fmt::format("assignment mismatch: {} variable{} but {} value{}", nl,
                                  nl == 1 ? "" : "s", xs.size(), xs.size() == 1 ? "" : "s"));
      }
      mismatch = true;
    }
  } else {
    error(a->rhs[0]->pos, fmt::format("assignment mismatch: {} variable{} but {} value{}", nl,
                                      nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s"));
    for (auto& r : a->rhs) (void)expr(r.get());
    mismatch = true;
  }
  xs.resize(nl);
  bool any_new = false;
  std::vector<std::pair<Ident*, Object*>> news;
  a->is_new.assign(nl, false);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < nl; ++i) {
    Expr* l = a->lhs[i].get();
    if (l->kind != ExprKind::Ident) {
      error(l->pos, fmt::format("non-name {} on left side of :=", expr_string(*l)));
      (void)expr(l);
      mismatch = true;
      continue;
    }
    auto* id = static_cast<Ident*>(l);
    Operand& x = xs[i];
    if (id->name != "_" && !seen.insert(id->name).second) {
      error(id->pos, fmt::format("{} repeated on left side of :=", id->name));
      continue;
    }
    auto it = scope_->names.find(id->name);
    if (it != scope_->names.end() && id->name != "_") {
      // an existing variable of this scope: assigned
      Object* o = it->second;
      id->obj = o;
      if (o->kind != ObjKind::Var) {
        error(id->pos, fmt::format("cannot assign to {}", id->name));
        continue;
      }
      if (x.invalid() || x.expr == nullptr) continue;
      if (x.expr->type != nullptr && x.expr->type->kind == Kind::Tuple) continue;
      if (x.expr->comma_ok && i == 1) continue;
      assign(x, o->type, "assignment");
      continue;
    }
    any_new = true;
    a->is_new[i] = true;
    TypeRef t = nullptr;
    if (!x.invalid() && x.expr != nullptr) {
      if (x.mode == Mode::Nil) {
        error(x.expr->pos, "use of untyped nil in assignment");
      } else {
        const bool tuple_part = (x.expr->type != nullptr && x.expr->type->kind == Kind::Tuple) ||
                                (x.expr->comma_ok && i == 1);
        if (tuple_part) {
          t = is_untyped(x.type) ? tt_.basic(Kind::Bool) : x.type;
        } else {
          default_type(x, "assignment");
          if (!x.invalid()) {
            finish(x);
            t = x.type;
          }
        }
      }
    }
    Object* o = new_object(ObjKind::Var, id->name, id->pos, t);
    id->obj = o;
    news.emplace_back(id, o);
  }
  if (!any_new && !mismatch) error(a->tok_pos, "no new variables on left side of :=");
  for (auto& [id, o] : news) {
    if (fn_ != nullptr) {
      o->owner = fn_->node;
      o->slot = fn_->slots++;
      if (id->name != "_") locals_.push_back(o);
    }
    if (id->name != "_") scope_->names[id->name] = o;
  }
}

void Checker::return_stmt(ReturnStmt* r) {
  if (fn_ == nullptr || fn_->sig == nullptr) return;
  const auto& results = fn_->sig->results;
  if (r->results.empty()) {
    if (!results.empty()) {
      // a bare return is fine with named results
      bool named = false;
      for (Object* p : fn_->params) {
        (void)p;
      }
      named = fn_->named_results;
      if (!named) {
        error(r->pos, fmt::format("not enough return values\n\thave ()\n\twant {}",
                                  types_summary(results, false)));
      }
    }
    return;
  }
  std::vector<Operand> xs;
  bool spread = false;
  if (r->results.size() == 1 && results.size() != 1) {
    xs = multi(r->results[0].get(), spread, results.size());
    r->spread = spread;
  } else {
    for (std::size_t i = 0; i < r->results.size(); ++i) {
      Operand x = expr(r->results[i].get(), i < results.size() ? results[i] : nullptr);
      if (!x.invalid() && !single_value(x)) x.mode = Mode::Invalid;
      xs.push_back(x);
    }
  }
  for (const Operand& x : xs) {
    if (x.invalid()) return;
  }
  if (xs.size() != results.size()) {
    std::vector<TypeRef> have;
    have.reserve(xs.size());
    for (const Operand& x : xs) have.push_back(x.type);
    if (results.empty()) {
      error(r->results[0]->pos, fmt::format("too many return values\n\thave {}\n\twant ()",
                                            types_summary(have, false)));
    } else {
      error(xs.size() < results.size()
                ? r->results.back()->pos
                : r->results[std::min(results.size(), r->results.size() - 1)]->pos,
            fmt::format("{} return values\n\thave {}\n\twant {}",
                        xs.size() < results.size() ? "not enough" : "too many",
                        types_summary(have, false), types_summary(results, false)));
    }
    return;
  }
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (spread) {
      std::string reason;
      if (!assignable(xs[i], results[i], &reason)) {
        error(r->results[0]->pos, fmt::format("cannot use {} value as {} value in return statement",
                                              type_str(xs[i].type), type_str(results[i])));
      }
      continue;
    }
    assign(xs[i], results[i], "return statement");
  }
}

void Checker::branch_stmt(BranchStmt* b) {
  if (b->tok == Tok::Goto) {
    refuse(b->pos, "goto");
    if (b->label) {
      auto it = labels_.find(b->label->name);
      if (it != labels_.end()) it->second.second = true;
    }
    return;
  }
  if (b->tok == Tok::Fallthrough) {
    if (!fallthrough_ok_) {
      error(b->pos, "fallthrough statement out of place");
    }
    return;
  }
  const bool brk = b->tok == Tok::Break;
  if (b->label) {
    const std::string& name = b->label->name;
    auto it = labels_.find(name);
    if (it == labels_.end()) {
      error(b->label->pos,
            fmt::format("{} label not defined: {}", brk ? "break" : "continue", name));
      return;
    }
    it->second.second = true;
    for (auto t = targets_.rbegin(); t != targets_.rend(); ++t) {
      if (t->label == name) {
        if (!brk && !t->loop) {
          error(b->label->pos, fmt::format("invalid continue label {}", name));
          return;
        }
        b->target = t->stmt;
        return;
      }
    }
    error(b->label->pos, fmt::format("invalid {} label {}", brk ? "break" : "continue", name));
    return;
  }
  for (auto t = targets_.rbegin(); t != targets_.rend(); ++t) {
    if (brk || t->loop) {
      b->target = t->stmt;
      return;
    }
  }
  error(b->pos, brk ? "break is not in a loop, switch, or select" : "continue is not in a loop");
}

void Checker::if_stmt(IfStmt* s) {
  push_scope();
  if (s->init) stmt(s->init.get());
  Operand c = expr(s->cond.get());
  if (single_value(c) && !is_boolean(c.type)) {
    error(s->cond->pos, "non-boolean condition in if statement");
  } else if (!c.invalid() && is_untyped(c.type)) {
    default_type(c);
    finish(c);
  }
  block(s->then.get());
  if (s->els) stmt(s->els.get());
  pop_scope();
}

void Checker::for_stmt(ForStmt* s) {
  push_scope();
  if (s->init) stmt(s->init.get());
  if (s->cond) {
    Operand c = expr(s->cond.get());
    if (single_value(c) && !is_boolean(c.type)) {
      error(s->cond->pos, "non-boolean condition in for statement");
    } else if (!c.invalid() && is_untyped(c.type)) {
      default_type(c);
      finish(c);
    }
  }
  if (s->post) {
    if (s->post->kind == StmtKind::Assign &&
        static_cast<AssignStmt*>(s->post.get())->tok == Tok::Define) {
      error(s->post->pos, "cannot declare in post statement of for loop");
    } else {
      stmt(s->post.get());
    }
  }
  targets_.push_back(Target{s, std::exchange(pending_label_, {}), true});
  block(s->body.get());
  targets_.pop_back();
  pop_scope();
}

void Checker::range_stmt(RangeStmt* s) {
  push_scope();
  Operand x = expr(s->x.get());
  TypeRef kt = nullptr;
  TypeRef vt = nullptr;
  bool ok = false;
  if (single_value(x)) {
    TypeRef u = underlying(x.type);
    if (u->kind == Kind::Pointer && underlying(u->elem)->kind == Kind::Array)
      u = underlying(u->elem);
    switch (u->kind) {
      case Kind::String:
      case Kind::UntypedString:
        kt = tt_.basic(Kind::Int);
        vt = rune_;
        ok = true;
        if (is_untyped(x.type)) {
          default_type(x);
          finish(x);
        }
        break;
      case Kind::Array:
      case Kind::Slice:
        kt = tt_.basic(Kind::Int);
        vt = u->elem;
        ok = true;
        break;
      case Kind::Map:
        kt = u->key;
        vt = u->elem;
        ok = true;
        break;
      case Kind::Chan:
        kt = u->elem;
        ok = true;
        if (u->dir == ChanDir::Send) {
          error(s->x->pos,
                fmt::format("cannot range over {} (receive from send-only channel)", describe(x)));
          ok = false;
        } else if (s->value) {
          error(s->value->pos,
                fmt::format("range over {} permits only one iteration variable", describe(x)));
          ok = false;
        }
        break;
      default:
        error(s->x->pos, fmt::format("cannot range over {}", describe(x)));
        break;
    }
    s->range_type = u;
  }
  Expr* lhs[2] = {s->key.get(), s->value.get()};
  TypeRef types[2] = {kt, vt};
  if (s->define) {
    std::vector<std::pair<Ident*, Object*>> news;
    for (int i = 0; i < 2; ++i) {
      if (lhs[i] == nullptr) continue;
      if (lhs[i]->kind != ExprKind::Ident) {
        error(lhs[i]->pos, fmt::format("non-name {} on left side of :=", expr_string(*lhs[i])));
        continue;
      }
      auto* id = static_cast<Ident*>(lhs[i]);
      Object* o = new_object(ObjKind::Var, id->name, id->pos, ok ? types[i] : nullptr);
      if (fn_ != nullptr) {
        o->owner = fn_->node;
        o->slot = fn_->slots++;
      }
      id->obj = o;
      id->type = o->type;
      id->mode = Mode::Variable;
      news.emplace_back(id, o);
    }
    for (auto& [id, o] : news) {
      if (id->name != "_") {
        scope_->names[id->name] = o;
        locals_.push_back(o);
      }
    }
  } else {
    for (int i = 0; i < 2; ++i) {
      if (lhs[i] == nullptr) continue;
      Operand v;
      v.mode = Mode::Value;
      v.type = types[i];
      v.expr = s->x.get();
      if (!ok) v.mode = Mode::Invalid;
      Expr* u = lhs[i];
      if (u->kind == ExprKind::Ident && static_cast<Ident*>(u)->name == "_") continue;
      Operand l = expr(lhs[i]);
      if (l.invalid() || !ok) continue;
      if (l.mode != Mode::Variable && l.mode != Mode::MapIndex) {
        error(lhs[i]->pos, fmt::format("cannot assign to {}", describe(l)));
        continue;
      }
      if (!assignable(v, l.type, nullptr)) {
        error(lhs[i]->pos,
              fmt::format("cannot use {} (value of type {}) as type {} in range",
                          expr_string(*lhs[i]), type_str(types[i]), type_str(l.type)));  // rare
      }
    }
  }
  targets_.push_back(Target{s, std::exchange(pending_label_, {}), true});
  block(s->body.get());
  targets_.pop_back();
  pop_scope();
}

void Checker::switch_stmt(SwitchStmt* s) {
  push_scope();
  if (s->init) stmt(s->init.get());
  Operand tag;
  if (s->tag) {
    tag = expr(s->tag.get());
    if (single_value(tag)) {
      if (tag.mode == Mode::Nil) {
        error(s->tag->pos, "use of untyped nil in switch expression");
        tag.mode = Mode::Invalid;
      } else {
        default_type(tag);
        finish(tag);
        if (!tag.invalid() && !comparable(tag.type)) {
          error(s->tag->pos, fmt::format("cannot switch on {}", describe(tag)));
          tag.mode = Mode::Invalid;
        }
      }
    }
  }
  targets_.push_back(Target{s, std::exchange(pending_label_, {}), false});
  bool seen_default = false;
  std::map<std::string, Pos> seen_consts;
  for (std::size_t ci = 0; ci < s->cases.size(); ++ci) {
    CaseClause& c = s->cases[ci];
    if (c.is_default) {
      if (seen_default) error(c.pos, "multiple defaults in switch");
      seen_default = true;
    }
    for (auto& e : c.list) {
      if (!s->tag) {
        Operand v = expr(e.get());
        if (single_value(v) && !is_boolean(v.type)) {
          error(e->pos, fmt::format("invalid case {} in switch (mismatched types {} and bool)",
                                    expr_string(*e), type_str(v.type)));
        } else if (!v.invalid() && is_untyped(v.type)) {
          default_type(v);
          finish(v);
        }
        continue;
      }
      Operand v = expr(e.get());
      if (!single_value(v) || tag.invalid()) continue;
      if (is_untyped(v.type)) {
        Operand w = v;
        if (!convert_untyped(w, tag.type, false)) {
          if (v.mode == Mode::Constant && is_numeric(v.type) && is_numeric(tag.type)) {
            error(e->pos, fmt::format("cannot use {} as {} value in switch case (overflows)",
                                      describe(v), type_str(tag.type)));  // rare
          } else {
            error(e->pos, fmt::format("cannot convert {} to {}", describe(v), type_str(tag.type)));
          }
          continue;
        }
        finish(w);
        v = w;
      }
      if (v.mode == Mode::Constant && v.val.known()) {
        const std::string key = type_str(v.type) + "|" + cval_string(v.val);
        auto [it, inserted] = seen_consts.try_emplace(key, e->pos);
        if (!inserted) {
          error(e->pos, fmt::format("duplicate case {} in expression switch\n\t{}: previous case",
                                    describe(v), pos_string(it->second)));
          continue;
        }
      }
      if (!assignable(v, tag.type, nullptr) && !assignable(tag, v.type, nullptr)) {
        error(e->pos, fmt::format("invalid case {} in switch on {} (mismatched types {} and {})",
                                  expr_string(*e), expr_string(*s->tag), type_str(v.type),
                                  type_str(tag.type)));
      }
    }
    push_scope();
    const bool saved = fallthrough_ok_;
    for (std::size_t i = 0; i < c.body.size(); ++i) {
      fallthrough_ok_ = i + 1 == c.body.size() && ci + 1 < s->cases.size();
      stmt(c.body[i].get());
    }
    fallthrough_ok_ = saved;
    pop_scope();
  }
  targets_.pop_back();
  pop_scope();
}

void Checker::type_switch(TypeSwitchStmt* s) {
  push_scope();
  if (s->init) stmt(s->init.get());
  Operand x = expr(s->assert->x.get());
  bool ok = single_value(x);
  if (ok && (!is_interface(x.type) || is_untyped(x.type))) {
    error(s->assert->x->pos, fmt::format("{} is not an interface", describe(x)));
    ok = false;
  }
  s->assert->Expr::type = ok ? x.type : nullptr;
  s->assert->mode = Mode::Value;
  targets_.push_back(Target{s, std::exchange(pending_label_, {}), false});
  std::vector<Object*> bindings;
  bool seen_default = false;
  std::map<TypeRef, Pos> seen_types;
  for (CaseClause& c : s->cases) {
    if (c.is_default) {
      if (seen_default) error(c.pos, "multiple defaults in switch");
      seen_default = true;
    }
    TypeRef single = nullptr;
    for (auto& e : c.list) {
      Operand t = expr_or_type(e.get());
      if (t.invalid()) continue;
      if (t.mode == Mode::Nil) {
        single = nullptr;
        continue;
      }
      if (t.mode != Mode::Type) {
        error(e->pos, fmt::format("{} is not a type", expr_string(*e)));
        continue;
      }
      if (ok && !is_interface(t.type)) {
        std::string reason;
        if (!implements(t.type, x.type, &reason)) {
          error(e->pos, fmt::format("impossible type switch case: {}\n\t{}", describe(x), reason));
          continue;
        }
      }
      auto [seen_it, fresh] = seen_types.try_emplace(t.type, e->pos);
      if (!fresh) {
        error(e->pos, fmt::format("duplicate case {} in type switch\n\t{}: previous case",
                                  type_str(t.type), pos_string(seen_it->second)));
        continue;
      }
      if (c.list.size() == 1) single = t.type;
    }
    push_scope();
    if (s->binding && s->binding->name != "_") {
      TypeRef bt = single != nullptr ? single : (ok ? x.type : nullptr);
      Object* o = new_object(ObjKind::Var, s->binding->name, s->binding->pos, bt);
      if (fn_ != nullptr) {
        o->owner = fn_->node;
        o->slot = fn_->slots++;
      }
      c.obj = o;
      scope_->names[o->name] = o;
      bindings.push_back(o);
    }
    stmt_list(c.body);
    pop_scope();
  }
  if (s->binding && s->binding->name != "_") {
    bool used = false;
    for (Object* o : bindings) used = used || o->used;
    if (!used) error(s->binding->pos, fmt::format("{} declared but not used", s->binding->name));
  }
  targets_.pop_back();
  pop_scope();
}

void Checker::select_stmt(SelectStmt* s) {
  targets_.push_back(Target{s, std::exchange(pending_label_, {}), false});
  bool seen_default = false;
  for (CommClause& c : s->cases) {
    push_scope();
    switch (c.kind) {
      case CommClause::Kind::Default:
        if (seen_default) error(c.pos, "multiple defaults in select");
        seen_default = true;
        break;
      case CommClause::Kind::Send: {
        SendStmt tmp(c.ch->pos);
        tmp.ch = std::move(c.ch);
        tmp.value = std::move(c.value);
        stmt(&tmp);
        c.ch = std::move(tmp.ch);
        c.value = std::move(tmp.value);
        break;
      }
      case CommClause::Kind::Recv: {
        if (c.lhs.empty()) {
          (void)expr(c.recv.get());
          break;
        }
        AssignStmt tmp(c.lhs[0]->pos);
        tmp.tok = c.define ? Tok::Define : Tok::Assign;
        tmp.tok_pos = c.lhs[0]->pos;
        tmp.lhs = std::move(c.lhs);
        tmp.rhs.push_back(std::move(c.recv));
        assign_stmt(&tmp);
        c.lhs = std::move(tmp.lhs);
        c.recv = std::move(tmp.rhs[0]);
        break;
      }
    }
    stmt_list(c.body);
    pop_scope();
  }
  targets_.pop_back();
}

// ---- terminating statements (the spec's rules, as go1.19 applies them)

bool Checker::has_break(const Stmt* s, const Stmt* target, const std::string& label, bool nested) {
  if (s == nullptr) return false;
  switch (s->kind) {
    case StmtKind::Branch: {
      const auto* b = static_cast<const BranchStmt*>(s);
      if (b->tok != Tok::Break) return false;
      if (b->label) return b->label->name == label && !label.empty();
      return !nested;
    }
    case StmtKind::Block:
      for (const auto& c : static_cast<const BlockStmt*>(s)->list) {
        if (has_break(c.get(), target, label, nested)) return true;
      }
      return false;
    case StmtKind::Labeled:
      return has_break(static_cast<const LabeledStmt*>(s)->stmt.get(), target, label, nested);
    case StmtKind::If: {
      const auto* i = static_cast<const IfStmt*>(s);
      return has_break(i->then.get(), target, label, nested) ||
             has_break(i->els.get(), target, label, nested);
    }
    case StmtKind::For:
      return has_break(static_cast<const ForStmt*>(s)->body.get(), target, label, true);
    case StmtKind::Range:
      return has_break(static_cast<const RangeStmt*>(s)->body.get(), target, label, true);
    case StmtKind::Switch:
      for (const auto& c : static_cast<const SwitchStmt*>(s)->cases) {
        for (const auto& b : c.body) {
          if (has_break(b.get(), target, label, true)) return true;
        }
      }
      return false;
    case StmtKind::TypeSwitch:
      for (const auto& c : static_cast<const TypeSwitchStmt*>(s)->cases) {
        for (const auto& b : c.body) {
          if (has_break(b.get(), target, label, true)) return true;
        }
      }
      return false;
    case StmtKind::Select:
      for (const auto& c : static_cast<const SelectStmt*>(s)->cases) {
        for (const auto& b : c.body) {
          if (has_break(b.get(), target, label, true)) return true;
        }
      }
      return false;
    default:
      return false;
  }
}

bool Checker::terminating(const Stmt* s, const std::string& label) {
  if (s == nullptr) return false;
  switch (s->kind) {
    case StmtKind::Return:
      return true;
    case StmtKind::Branch: {
      const Tok t = static_cast<const BranchStmt*>(s)->tok;
      return t == Tok::Goto || t == Tok::Fallthrough;
    }
    case StmtKind::Expr: {
      const Expr* x = static_cast<const ExprStmt*>(s)->x.get();
      while (x->kind == ExprKind::Paren) x = static_cast<const ParenExpr*>(x)->x.get();
      if (x->kind != ExprKind::Call) return false;
      const auto* c = static_cast<const CallExpr*>(x);
      if (c->call_kind == CallKind::Builtin && c->builtin == Builtin::Panic) return true;
      return c->lib == "os.Exit" && false;
    }
    case StmtKind::Block: {
      const auto& l = static_cast<const BlockStmt*>(s)->list;
      // trailing empty statements do not count
      for (auto it = l.rbegin(); it != l.rend(); ++it) {
        if ((*it)->kind == StmtKind::Empty) continue;
        return terminating(it->get(), "");
      }
      return false;
    }
    case StmtKind::Labeled: {
      const auto* l = static_cast<const LabeledStmt*>(s);
      return terminating(l->stmt.get(), l->label->name);
    }
    case StmtKind::If: {
      const auto* i = static_cast<const IfStmt*>(s);
      return i->els && terminating(i->then.get(), "") && terminating(i->els.get(), "");
    }
    case StmtKind::For: {
      const auto* f = static_cast<const ForStmt*>(s);
      return !f->cond && !has_break(f->body.get(), s, label, false);
    }
    case StmtKind::Range:
      return false;
    case StmtKind::Switch:
    case StmtKind::TypeSwitch: {
      const auto& cases = s->kind == StmtKind::Switch
                              ? static_cast<const SwitchStmt*>(s)->cases
                              : static_cast<const TypeSwitchStmt*>(s)->cases;
      bool has_default = false;
      for (const auto& c : cases) {
        if (c.is_default) has_default = true;
        std::size_t n = c.body.size();
        while (n > 0 && c.body[n - 1]->kind == StmtKind::Empty) --n;
        if (n == 0) return false;
        if (!terminating(c.body[n - 1].get(), "")) return false;
        for (const auto& b : c.body) {
          if (has_break(b.get(), s, label, false)) return false;
        }
      }
      return has_default;
    }
    case StmtKind::Select: {
      for (const auto& c : static_cast<const SelectStmt*>(s)->cases) {
        std::size_t n = c.body.size();
        while (n > 0 && c.body[n - 1]->kind == StmtKind::Empty) --n;
        if (n == 0) return false;
        if (!terminating(c.body[n - 1].get(), "")) return false;
        for (const auto& b : c.body) {
          if (has_break(b.get(), s, label, false)) return false;
        }
      }
      return true;
    }
    default:
      return false;
  }
}

// Labels of a function body: declared up front (a label is visible in the whole body).
void Checker::check_labels(BlockStmt* body) {
  std::function<void(Stmt*)> walk = [&](Stmt* s) {
    if (s == nullptr) return;
    switch (s->kind) {
      case StmtKind::Labeled: {
        auto* l = static_cast<LabeledStmt*>(s);
        if (l->label->name != "_") {
          auto [it, inserted] = labels_.try_emplace(l->label->name, l->label->pos, false);
          if (!inserted) {
            error(l->label->pos, fmt::format("label {} already defined\n\t{}: previous definition",
                                             l->label->name,  // rare
                                             pos_string(it->second.first)));
          }
        }
        walk(l->stmt.get());
        break;
      }
      case StmtKind::Block:
        for (auto& c : static_cast<BlockStmt*>(s)->list) walk(c.get());
        break;
      case StmtKind::If: {
        auto* i = static_cast<IfStmt*>(s);
        walk(i->then.get());
        walk(i->els.get());
        break;
      }
      case StmtKind::For:
        walk(static_cast<ForStmt*>(s)->body.get());
        break;
      case StmtKind::Range:
        walk(static_cast<RangeStmt*>(s)->body.get());
        break;
      case StmtKind::Switch:
        for (auto& c : static_cast<SwitchStmt*>(s)->cases) {
          for (auto& b : c.body) walk(b.get());
        }
        break;
      case StmtKind::TypeSwitch:
        for (auto& c : static_cast<TypeSwitchStmt*>(s)->cases) {
          for (auto& b : c.body) walk(b.get());
        }
        break;
      case StmtKind::Select:
        for (auto& c : static_cast<SelectStmt*>(s)->cases) {
          for (auto& b : c.body) walk(b.get());
        }
        break;
      default:
        break;
    }
  };
  walk(body);
}

void Checker::report_unused() {
  for (Object* o : locals_) {
    if (!o->used && o->name != "_" && o->type != nullptr) {
      error(o->pos, fmt::format("{} declared but not used", o->name));
    }
  }
  locals_.clear();
  for (const auto& [name, info] : labels_) {
    if (!info.second) error(info.first, fmt::format("label {} defined and not used", name));
  }
}

// ============================================================ functions and the file

void Checker::check_func_decl(FuncDecl& fd) {
  FuncCtx ctx;
  ctx.node = &fd;
  fn_ = &ctx;
  dep_owner_ = &fd;
  labels_.clear();
  targets_.clear();
  push_scope();
  TypeRef sig = func_sig(*fd.sig, fd.recv.get(), true, &ctx);
  ctx.sig = sig;
  for (auto& r : fd.sig->results.list) {
    if (!r->names.empty()) ctx.named_results = true;
  }
  if (fd.recv) {
    // the receiver is declared first: move its object to the front
    Object* recv = ctx.params.front();
    (void)recv;
  }
  if (sig != nullptr && fd.body) {
    check_labels(fd.body.get());
    block(fd.body.get(), false);
    if (!sig->results.empty() && !terminating(fd.body.get(), ""))
      error(fd.body->rbrace, "missing return");
  }
  pop_scope();
  report_unused();
  fd.num_slots = ctx.slots;
  fd.params = ctx.params;
  fn_ = nullptr;
  dep_owner_ = nullptr;
}

// A method declaration: checks its receiver and adds the method to its named type.
void Checker::attach_method(FuncDecl& fd) {
  if (fd.has_tparams) {
    refuse(fd.name->pos, "generics (type parameters)");
    return;
  }
  if (!lib_mode_ && !fd.body) error(fd.name->pos, "missing function body");
  Expr* rt = fd.recv->type.get();
  bool ptr = false;
  if (rt->kind == ExprKind::Star) {
    ptr = true;
    rt = static_cast<StarExpr*>(rt)->x.get();
  }
  if (rt->kind == ExprKind::Index) {
    refuse(rt->pos, "generics (type parameters)");
    return;
  }
  if (rt->kind != ExprKind::Ident) {
    error(rt->pos, fmt::format("invalid receiver type {}", expr_string(*rt)));
    return;
  }
  auto* rid = static_cast<Ident*>(rt);
  Object* tn = pkg_scope_.names.contains(rid->name) ? pkg_scope_.names[rid->name] : nullptr;
  if (tn == nullptr) {
    error(rid->pos, fmt::format("undefined: {}", rid->name));
    return;
  }
  if (tn->kind != ObjKind::TypeName || tn->type == nullptr || !tn->type->is_named() ||
      tn->type->pkg != pkg_) {
    if (tn->kind == ObjKind::TypeName && tn->type != nullptr) {
      error(rid->pos,
            fmt::format("cannot define new methods on non-local type {}", type_str(tn->type)));
    } else {
      error(rid->pos, fmt::format("{} is not a type", rid->name));
    }
    return;
  }
  auto* named = const_cast<Type*>(tn->type);
  TypeRef u = underlying(named);
  if (u->kind == Kind::Pointer || u->kind == Kind::Interface) {
    error(rid->pos, fmt::format("invalid receiver type {}", rid->name));
    return;
  }
  rid->obj = tn;
  fn_ = nullptr;
  TypeRef sig = func_sig(*fd.sig, nullptr, false, nullptr);
  if (sig == nullptr) return;
  bool dup = false;
  for (const Method& m : named->methods) {
    if (m.name == fd.name->name) dup = true;
  }
  if (u->kind == Kind::Struct) {
    for (const Field& fl : u->fields) {
      if (fl.name == fd.name->name) {
        error(fd.name->pos, fmt::format("field and method with the same name {}", fd.name->name));
        dup = true;
      }
    }
  }
  if (dup) {
    if (!diags.empty() && diags.back().message.starts_with("field and method")) return;
    error(fd.name->pos, fmt::format("method {}.{} already declared", rid->name, fd.name->name));
    return;
  }
  Method m;
  m.name = fd.name->name;
  m.sig = sig;
  m.pointer_recv = ptr;
  m.impl = lib_mode_ ? nullptr : &fd;
  TypeTable::add_method(named, m);
  sig_text_[{named, m.name}] = expr_string(*fd.sig).substr(4);
  fd.recv_type = ptr ? tt_.pointer(named) : named;
}

void Checker::check_file(File& f) {
  file_ = &f;
  if (!lib_mode_ && f.package != "main") {
    error(f.package_pos, fmt::format("package {} is not a main package",
                                     f.package));  // rare; go build words it differently
  }
  collect(f);
  // An import Poolscope cannot run ends the check there, as a missing package ends go build.
  if (refused_import_) return;
  // types first, so that methods can be attached before any body is checked
  for (Object* o : global_order_) {
    if (globals_[o].kind == GlobalDecl::Kind::Type) resolve_global(o);
  }
  // methods
  for (Decl& d : f.decls) {
    if (d.kind == Decl::Kind::Func && d.func->recv) attach_method(*d.func);
  }
  // method pointers are stable from here on (no more add_method on these types)
  for (Decl& d : f.decls) {
    if (d.kind != Decl::Kind::Func || !d.func->recv || d.func->recv_type == nullptr) continue;
    FuncDecl& fd = *d.func;
    TypeRef named = fd.recv_type->kind == Kind::Pointer ? fd.recv_type->elem : fd.recv_type;
    for (const Method& m : named->methods) {
      if (m.name == fd.name->name) fd.method = &m;
    }
  }
  for (Object* o : global_order_) resolve_global(o);
  for (Decl& d : f.decls) {
    if (d.kind == Decl::Kind::Func && !d.func->recv && d.func->obj != nullptr &&
        !d.func->has_tparams) {
      resolve_global(d.func->obj);
      if (d.func->obj->type == nullptr) {
        d.func->obj->type = func_sig(*d.func->sig, nullptr, false, nullptr);
      }
    }
  }
  if (lib_mode_) return;
  for (Decl& d : f.decls) {
    if (d.kind != Decl::Kind::Func) continue;
    FuncDecl& fd = *d.func;
    if ((fd.recv && fd.recv_type == nullptr) || fd.has_tparams) continue;
    check_func_decl(fd);
  }
  if (f.main == nullptr)
    diags.push_back(
        Diagnostic{0, 0, "runtime.main_main·f: function main is undeclared in the main package"});
  for (auto& [spec, lib] : import_specs_) {
    if (!spec->obj->used && (!spec->name || spec->name->name != "_")) {
      if (spec->name && spec->name->name != lib->name) {
        error(spec->pos,
              fmt::format("imported and not used: \"{}\" as {}", lib->path, spec->name->name));
      } else {
        error(spec->pos, fmt::format("imported and not used: \"{}\"", lib->path));
      }
    }
  }
  // package-level vars: slots and initialisation order (dependencies first)
  int slot = 0;
  std::set<const ValueSpec*> done;
  std::set<const void*> visiting;
  std::function<void(const ValueSpec*)> visit_spec;
  std::function<void(const void*, std::set<const ValueSpec*>&)> collect_specs =
      [&](const void* owner, std::set<const ValueSpec*>& out) {
        if (!visiting.insert(owner).second) return;
        auto it = deps_.find(owner);
        if (it != deps_.end()) {
          for (Object* o : it->second) {
            auto g = globals_.find(o);
            if (g == globals_.end()) continue;
            if (g->second.kind == GlobalDecl::Kind::Var) out.insert(g->second.spec);
            if (g->second.kind == GlobalDecl::Kind::Func) collect_specs(g->second.func, out);
          }
        }
        visiting.erase(owner);
      };
  visit_spec = [&](const ValueSpec* spec) {
    if (done.contains(spec)) return;
    done.insert(spec);
    std::set<const ValueSpec*> needs;
    collect_specs(spec, needs);
    for (const ValueSpec* n : needs) {
      if (n != spec) visit_spec(n);
    }
    f.init_order.push_back(spec);
  };
  for (Object* o : global_order_) {
    GlobalDecl& g = globals_[o];
    if (g.kind != GlobalDecl::Kind::Var) continue;
    o->global = true;
    o->slot = slot++;
    o->used = true;
    f.globals.push_back(o);
  }
  f.num_globals = slot;
  for (Object* o : global_order_) {
    GlobalDecl& g = globals_[o];
    if (g.kind == GlobalDecl::Kind::Var) visit_spec(g.spec);
  }
}

// A message quotes the learner's text (a literal, a name), which may be anything: past
// kMaxMessage bytes it is cut and ends with "…", and bytes that are not UTF-8 (a cut
// character too) become U+FFFD.
void bound_message(std::string& m) {
  const bool long_message = m.size() > kMaxMessage;
  if (long_message) m.resize(kMaxMessage);
  std::string_view rest = m;
  std::string out;
  for (std::size_t bad = util::invalid_utf8_at(rest); bad != std::string_view::npos;
       bad = util::invalid_utf8_at(rest)) {
    out.append(rest.substr(0, bad)).append("\xEF\xBF\xBD");
    rest.remove_prefix(bad + 1);
  }
  out.append(rest);
  if (long_message) out += "…";
  m = std::move(out);
}

}  // namespace

// ============================================================ entry points

std::string format_diagnostics(const std::vector<Diagnostic>& diags, std::string_view file_name) {
  std::string out;
  for (const Diagnostic& d : diags) {
    if (d.line == 0) {
      out += d.message + "\n";
    } else {
      out += fmt::format("{}:{}:{}: {}\n", file_name, d.line, d.col, d.message);
    }
  }
  return out;
}

CheckResult check_program(std::string_view source, TypeTable& types) {
  CheckResult r;
  ParseResult parsed = parse_file(source);
  if (parsed.error) {
    Diagnostic d = *parsed.error;
    bound_message(d.message);
    r.diagnostics.push_back(std::move(d));
    return r;
  }
  r.file = std::move(parsed.file);
  // the library packages, checked in dependency order
  std::vector<LibScope> libs;
  std::size_t count = 0;
  const LibraryPackage* pkgs = library_packages(count);
  libs.reserve(count);
  std::vector<std::unique_ptr<File>> lib_files;
  std::unordered_map<const Object*, CVal> lib_consts;
  for (std::size_t i = 0; i < count; ++i) {
    ParseResult lp = parse_file(pkgs[i].source);
    if (lp.error || !lp.file) continue;  // a defect of packages.cpp; tests keep it clean
    Checker lc(types, r.objects, std::string(pkgs[i].name), &libs, true);
    lc.check_file(*lp.file);
    LibScope scope;
    scope.path = pkgs[i].path;
    scope.name = pkgs[i].name;
    scope.members = lc.exported();
    for (auto& [name, obj] : scope.members) {
      if (obj->kind == ObjKind::Const) {
        auto it = lc.consts().find(obj);
        if (it != lc.consts().end()) lib_consts.emplace(obj, it->second);
      }
    }
    libs.push_back(std::move(scope));
    lib_files.push_back(std::move(lp.file));
  }
  Checker c(types, r.objects, "main", &libs, false);
  c.lib_consts_ = std::move(lib_consts);
  c.check_file(*r.file);
  std::vector<Diagnostic> diags = std::move(c.diags);
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.line == 0 || b.line == 0) return a.line != 0 && b.line == 0;
    return Pos{a.line, a.col} < Pos{b.line, b.col};
  });
  if (diags.size() > static_cast<std::size_t>(kMaxErrors)) {
    diags.resize(kMaxErrors);
    Diagnostic last = diags.back();
    last.message = "too many errors";
    diags.push_back(last);
  }
  // A message quotes expressions; an absurdly long one is shortened (gc would print it all),
  // and bytes that are not UTF-8 (in a name the lexer has not reached yet) become U+FFFD.
  for (Diagnostic& d : diags) bound_message(d.message);
  r.diagnostics = std::move(diags);
  r.ok = r.diagnostics.empty();
  return r;
}

}  // namespace poolscope::golang
