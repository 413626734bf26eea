#include "core/golang/parser.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include "core/golang/lexer.hpp"

namespace poolscope::golang {

std::string subset_message(std::string_view construct) {
  return fmt::format(
      "Poolscope does not run {} (the supported subset: see the Go subset in Poolscope's "
      "documentation)",
      construct);
}

namespace {

struct ParseError {
  Diagnostic diag;
};

template <class T>
std::unique_ptr<T> make(Pos p) {
  return std::make_unique<T>(p);
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : toks_(std::move(tokens)) {}

  std::unique_ptr<File> file() {
    auto f = std::make_unique<File>();
    f->pos = cur().pos;
    if (tok() != Tok::Package) syntax_error_plain(cur().pos, "package statement must be first");
    next();
    f->package_pos = cur().pos;
    f->package = name()->name;
    want_semi_after_top();
    while (tok() == Tok::Import) {
      next();
      if (tok() == Tok::LParen) {
        next();
        while (tok() != Tok::RParen && tok() != Tok::Eof) {
          f->imports.push_back(import_spec());
          if (!got(Tok::Semicolon) && tok() != Tok::RParen) {
            syntax_error("after import spec; possibly missing semicolon or newline or )");
          }
        }
        want(Tok::RParen);
      } else {
        f->imports.push_back(import_spec());
      }
      want_semi_after_top();
    }
    while (tok() != Tok::Eof) {
      Decl d;
      switch (tok()) {
        case Tok::Const:
        case Tok::Var:
        case Tok::Type:
          d.kind = Decl::Kind::Gen;
          d.gen = gen_decl();
          break;
        case Tok::Func:
          d.kind = Decl::Kind::Func;
          d.func = func_decl();
          break;
        case Tok::Import:
          syntax_error_plain(cur().pos, "imports must appear before other declarations");
          break;
        case Tok::Semicolon:
          next();
          continue;
        default:
          syntax_error_plain(cur().pos, "non-declaration statement outside function body");
      }
      f->decls.push_back(std::move(d));
      want_semi_after_top();
    }
    return f;
  }

 private:
  // --- tokens
  const Token& cur() const { return toks_[i_]; }
  Tok tok() const { return toks_[i_].tok; }
  Tok peek_tok(std::size_t k) const { return i_ + k < toks_.size() ? toks_[i_ + k].tok : Tok::Eof; }
  void next() {
    if (i_ + 1 < toks_.size()) {
      prev_end_ = toks_[i_].end;
      ++i_;
    }
  }
  bool got(Tok t) {
    if (tok() == t) {
      next();
      return true;
    }
    return false;
  }
  void want(Tok t) {
    if (!got(t)) syntax_error(std::string("expecting ") + tokstring(t));
  }
  static const char* tokstring(Tok t) {
    if (t == Tok::Comma) return "comma";
    if (t == Tok::Semicolon) return "semicolon or newline";
    if (t == Tok::Ident) return "name";
    return tok_string(t);
  }
  void want_semi_after_top() {
    if (tok() != Tok::Eof && !got(Tok::Semicolon)) syntax_error("after top level declaration");
  }

  // --- errors (the first one ends the parse)
  [[noreturn]] void fail(Pos p, std::string msg) {
    throw ParseError{Diagnostic{p.line, p.col, std::move(msg)}};
  }
  [[noreturn]] void syntax_error_plain(Pos p, std::string_view msg) {
    fail(p, fmt::format("syntax error: {}", msg));
  }
  std::string unexpected_text() const {
    const Token& t = cur();
    switch (t.tok) {
      case Tok::Eof:
        return "EOF";
      case Tok::Semicolon:
        return t.text == ";" ? "semicolon" : std::string(t.text);
      case Tok::Ident:
        return std::string(t.text);
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String:
        return "literal " + std::string(t.text);
      case Tok::Comma:
        return "comma";
      default:
        return tok_string(t.tok);
    }
  }
  // gc's syntaxErrorAt: "in ...", "at ...", "after ..." follow the token; "expecting ..."
  // follows a comma; anything else is a plain message.
  [[noreturn]] void syntax_error_at(Pos p, std::string_view msg) {
    std::string m;
    if (msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ")) {
      m = " " + std::string(msg);
    } else if (msg.starts_with("expecting ")) {
      m = ", " + std::string(msg);
    } else if (!msg.empty()) {
      syntax_error_plain(p, msg);
    }
    fail(p, fmt::format("syntax error: unexpected {}{}", unexpected_text(), m));
  }
  [[noreturn]] void syntax_error(std::string_view msg) { syntax_error_at(cur().pos, msg); }

  struct Nest {
    explicit Nest(Parser& p) : p_(p) {
      if (++p_.depth_ > kMaxNesting) {
        p_.fail(p_.cur().pos,
                subset_message(fmt::format("code nested more than {} levels deep", kMaxNesting)));
      }
    }
    ~Nest() { --p_.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    Parser& p_;
  };

  // --- declarations
  std::unique_ptr<Ident> name() {
    if (tok() != Tok::Ident) syntax_error("expecting name");
    auto id = std::make_unique<Ident>(cur().pos, std::string(cur().text));
    next();
    return id;
  }

  ImportSpec import_spec() {
    ImportSpec s;
    s.pos = cur().pos;
    if (tok() == Tok::Ident) {
      s.name = name();
    } else if (tok() == Tok::Period) {
      s.name = std::make_unique<Ident>(cur().pos, ".");
      next();
    }
    if (tok() != Tok::String) {
      syntax_error_plain(cur().pos, "missing import path; require quoted string");
    }
    s.path_pos = cur().pos;
    auto path = unquote_string(cur().text);
    s.path = path ? *path : std::string();
    next();
    return s;
  }

  std::unique_ptr<GenDecl> gen_decl() {
    auto d = std::make_unique<GenDecl>();
    d->pos = cur().pos;
    d->tok = tok();
    next();
    if (tok() == Tok::LParen) {
      d->grouped = true;
      next();
      int index = 0;
      while (tok() != Tok::RParen && tok() != Tok::Eof) {
        spec(*d, index++);
        if (!got(Tok::Semicolon) && tok() != Tok::RParen) {
          syntax_error("after top level declaration");  // reworded below by gc; rare
        }
      }
      want(Tok::RParen);
    } else {
      spec(*d, 0);
    }
    return d;
  }

  void spec(GenDecl& d, int index) {
    if (d.tok == Tok::Type) {
      TypeSpec t;
      t.pos = cur().pos;
      t.name = name();
      if (tok() == Tok::LBrack && is_tparams()) {
        t.has_tparams = true;
        skip_brackets();
      }
      if (got(Tok::Assign)) t.alias = true;
      t.type = type_or_null();
      if (!t.type) syntax_error("in type declaration");
      d.types.push_back(std::move(t));
      return;
    }
    ValueSpec v;
    v.pos = cur().pos;
    v.iota = index;
    v.names.push_back(name());
    while (got(Tok::Comma)) v.names.push_back(name());
    if (d.tok == Tok::Var) {
      if (got_assign()) {
        value_list(v);
      } else {
        v.type = type();
        if (got_assign()) value_list(v);
      }
    } else {
      if (tok() != Tok::Semicolon && tok() != Tok::RParen) {
        if (tok() != Tok::Assign && tok() != Tok::Define) v.type = type();
        if (got_assign()) value_list(v);
      }
    }
    d.values.push_back(std::move(v));
  }

  bool got_assign() {
    if (tok() == Tok::Define) syntax_error("expecting =");
    return got(Tok::Assign);
  }

  void value_list(ValueSpec& v) {
    while (true) {
      const std::size_t begin = cur().begin;
      v.values.push_back(expr());
      v.value_ranges.emplace_back(begin, prev_end_);
      if (!got(Tok::Comma)) break;
    }
  }

  // `[` at a type or func name: type parameters if it reads `[P any]`, `[P, Q ...]`,
  // `[P interface{...}]`, `[P ~int]`, `[P *T]`... rather than an array length.
  bool is_tparams() const {
    if (peek_tok(1) != Tok::Ident) return false;
    const Tok t2 = peek_tok(2);
    return t2 == Tok::Ident || t2 == Tok::Comma || t2 == Tok::Interface || t2 == Tok::Tilde ||
           t2 == Tok::LBrack || t2 == Tok::Func || t2 == Tok::Map || t2 == Tok::Chan;
  }
  void skip_brackets() {
    int level = 0;
    do {
      if (tok() == Tok::LBrack) ++level;
      if (tok() == Tok::RBrack) --level;
      if (tok() == Tok::Eof) syntax_error("expecting ]");
      next();
    } while (level > 0);
  }

  std::unique_ptr<FuncDecl> func_decl() {
    auto f = std::make_unique<FuncDecl>();
    f->pos = cur().pos;
    next();
    if (tok() == Tok::LParen) {
      const Pos p = cur().pos;
      FieldList recv = param_list();
      if (recv.list.size() != 1) {
        fail(p, recv.list.empty() ? "method has no receiver" : "method has multiple receivers");
      }
      f->recv = std::move(recv.list[0]);
    }
    if (tok() != Tok::Ident) {
      if (tok() == Tok::LParen) {
        syntax_error_plain(cur().pos, "function declaration without name");  // rare
      }
      syntax_error("expecting name or (");
    }
    f->name = name();
    if (tok() == Tok::LBrack) {
      f->has_tparams = true;
      skip_brackets();
    }
    f->sig = func_type(f->pos);
    if (tok() == Tok::LBrace) {
      f->body = block(nullptr);
    }
    return f;
  }

  // --- types
  ExprPtr type() {
    ExprPtr t = type_or_null();
    if (!t) syntax_error("expecting type");
    return t;
  }

  ExprPtr type_or_null() {
    Nest nest(*this);
    const Pos p = cur().pos;
    switch (tok()) {
      case Tok::Mul: {
        next();
        auto s = make<StarExpr>(p);
        s->x = type();
        return s;
      }
      case Tok::Arrow: {
        next();
        if (tok() != Tok::Chan) syntax_error("expecting chan");
        next();
        auto c = make<ChanTypeExpr>(p);
        c->dir = ChanDir::Recv;
        c->elem = chan_elem();
        return c;
      }
      case Tok::Func:
        next();
        return func_type(p);
      case Tok::LBrack: {
        next();
        if (got(Tok::RBrack)) {
          auto s = make<SliceTypeExpr>(p);
          s->elem = type();
          return s;
        }
        auto a = make<ArrayTypeExpr>(p);
        if (tok() == Tok::Ellipsis) {
          next();
        } else {
          ++xnest_;
          a->len = expr();
          --xnest_;
        }
        want(Tok::RBrack);
        a->elem = type();
        return a;
      }
      case Tok::Chan: {
        next();
        auto c = make<ChanTypeExpr>(p);
        if (got(Tok::Arrow)) c->dir = ChanDir::Send;
        c->elem = chan_elem();
        return c;
      }
      case Tok::Map: {
        next();
        auto m = make<MapTypeExpr>(p);
        want(Tok::LBrack);
        m->key = type();
        want(Tok::RBrack);
        m->value = type();
        return m;
      }
      case Tok::Struct:
        return struct_type();
      case Tok::Interface:
        return interface_type();
      case Tok::Ident:
        return qualified_name();
      case Tok::LParen: {
        next();
        auto par = make<ParenExpr>(p);
        par->x = type();
        want(Tok::RParen);
        return par;
      }
      default:
        return nullptr;
    }
  }

  ExprPtr chan_elem() {
    ExprPtr t = type_or_null();
    if (!t) syntax_error("missing channel element type");
    return t;
  }

  ExprPtr qualified_name() {
    ExprPtr x = name();
    if (tok() == Tok::Period) {
      const Pos dot = cur().pos;
      next();
      auto s = make<SelectorExpr>(x->pos);
      s->dot = dot;
      s->x = std::move(x);
      s->sel = name();
      x = std::move(s);
    }
    if (tok() == Tok::LBrack) {
      // A generic type's instantiation T[int]: kept as an index the checker refuses.
      auto ix = make<IndexExpr>(x->pos);
      ix->lbrack = cur().pos;
      next();
      ix->x = std::move(x);
      ix->index = type();
      while (got(Tok::Comma)) (void)type();
      want(Tok::RBrack);
      x = std::move(ix);
    }
    return x;
  }

  std::unique_ptr<StructTypeExpr> struct_type() {
    auto s = make<StructTypeExpr>(cur().pos);
    next();
    s->fields.open = cur().pos;
    want(Tok::LBrace);
    while (tok() != Tok::RBrace && tok() != Tok::Eof) {
      auto f = std::make_unique<FieldDecl>();
      f->pos = cur().pos;
      if (tok() == Tok::Mul) {
        f->type = type();  // embedded *T
      } else if (tok() == Tok::Ident &&
                 (peek_tok(1) == Tok::Semicolon || peek_tok(1) == Tok::RBrace ||
                  peek_tok(1) == Tok::String || peek_tok(1) == Tok::Period)) {
        f->type = qualified_name();  // embedded T or pkg.T
      } else {
        f->names.push_back(name());
        while (got(Tok::Comma)) f->names.push_back(name());
        f->type = type();
      }
      if (tok() == Tok::String) {
        f->tag = std::make_unique<BasicLit>(cur().pos, Tok::String, std::string(cur().text));
        next();
      }
      s->fields.list.push_back(std::move(f));
      if (!got(Tok::Semicolon) && tok() != Tok::RBrace) {
        syntax_error("in struct type; possibly missing semicolon or newline or }");
      }
    }
    s->fields.close = cur().pos;
    want(Tok::RBrace);
    return s;
  }

  std::unique_ptr<InterfaceTypeExpr> interface_type() {
    auto it = make<InterfaceTypeExpr>(cur().pos);
    next();
    it->methods.open = cur().pos;
    want(Tok::LBrace);
    while (tok() != Tok::RBrace && tok() != Tok::Eof) {
      auto f = std::make_unique<FieldDecl>();
      f->pos = cur().pos;
      if (tok() == Tok::Ident && peek_tok(1) == Tok::LParen) {
        f->names.push_back(name());
        f->type = func_type(f->pos);
      } else {
        if (tok() == Tok::Tilde) {
          it->has_constraints = true;
          next();
        }
        f->type = type();
        while (tok() == Tok::Or) {
          it->has_constraints = true;
          next();
          got(Tok::Tilde);
          (void)type();
        }
      }
      it->methods.list.push_back(std::move(f));
      if (!got(Tok::Semicolon) && tok() != Tok::RBrace) {
        syntax_error("in interface type; possibly missing semicolon or newline or }");
      }
    }
    it->methods.close = cur().pos;
    want(Tok::RBrace);
    return it;
  }

  std::unique_ptr<FuncTypeExpr> func_type(Pos p) {
    auto f = make<FuncTypeExpr>(p);
    if (tok() != Tok::LParen) syntax_error("expecting (");
    f->params = param_list();
    if (tok() == Tok::LParen) {
      f->results = param_list();
    } else if (ExprPtr t = type_or_null()) {
      auto fd = std::make_unique<FieldDecl>();
      fd->pos = t->pos;
      fd->type = std::move(t);
      f->results.list.push_back(std::move(fd));
    }
    return f;
  }

  // ( [name] [...]Type, ... ) with Go's grouping: `a, b int, c string`.
  FieldList param_list() {
    FieldList fl;
    fl.open = cur().pos;
    want(Tok::LParen);
    struct Entry {
      Pos pos;
      std::unique_ptr<Ident> name;
      ExprPtr type;
    };
    std::vector<Entry> entries;
    bool named = false;
    while (tok() != Tok::RParen && tok() != Tok::Eof) {
      Entry e;
      e.pos = cur().pos;
      if (tok() == Tok::Ident) {
        auto id = name();
        // NOLINTBEGIN(bugprone-branch-clone): gc's cases, each with its reason
        if (tok() == Tok::Period) {
          // pkg.T
          const Pos dot = cur().pos;
          next();
          auto s = make<SelectorExpr>(id->pos);
          s->dot = dot;
          s->x = std::move(id);
          s->sel = name();
          e.type = std::move(s);
        } else if (tok() == Tok::Comma || tok() == Tok::RParen) {
          e.type = std::move(id);  // a type, or a name whose type follows
        } else if (tok() == Tok::LBrack && peek_tok(1) != Tok::RBrack) {
          // a generic instantiation T[int] as a type
          auto ix = make<IndexExpr>(id->pos);
          ix->lbrack = cur().pos;
          next();
          ix->x = std::move(id);
          ix->index = type();
          want(Tok::RBrack);
          e.type = std::move(ix);
        } else if (starts_type(tok())) {
          e.name = std::move(id);
          named = true;
          e.type = param_type();
        } else {
          e.type = std::move(id);  // the list reports the stray token, as gc does
        }
        // NOLINTEND(bugprone-branch-clone)
      } else {
        e.type = param_type();
      }
      entries.push_back(std::move(e));
      if (!got(Tok::Comma) && tok() != Tok::RParen) {
        syntax_error("in parameter list; possibly missing comma or )");
      }
    }
    fl.close = cur().pos;
    want(Tok::RParen);
    if (!named) {
      for (Entry& e : entries) {
        auto fd = std::make_unique<FieldDecl>();
        fd->pos = e.pos;
        fd->type = std::move(e.type);
        fl.list.push_back(std::move(fd));
      }
      return fl;
    }
    // Named: each entry with only a name takes the type of the next named one.
    std::vector<std::unique_ptr<Ident>> pending;
    Pos pending_pos;
    for (Entry& e : entries) {
      if (!e.name) {
        if (e.type->kind != ExprKind::Ident) {
          fail(e.pos, "syntax error: mixed named and unnamed parameters");
        }
        if (pending.empty()) pending_pos = e.pos;
        pending.emplace_back(static_cast<Ident*>(e.type.release()));
        continue;
      }
      auto fd = std::make_unique<FieldDecl>();
      fd->pos = pending.empty() ? e.pos : pending_pos;
      for (auto& n : pending) fd->names.push_back(std::move(n));
      pending.clear();
      fd->names.push_back(std::move(e.name));
      fd->type = std::move(e.type);
      fl.list.push_back(std::move(fd));
    }
    if (!pending.empty()) fail(pending_pos, "syntax error: mixed named and unnamed parameters");
    return fl;
  }

  static bool starts_type(Tok t) {
    switch (t) {
      case Tok::Ident:
      case Tok::Mul:
      case Tok::Arrow:
      case Tok::Func:
      case Tok::LBrack:
      case Tok::Chan:
      case Tok::Map:
      case Tok::Struct:
      case Tok::Interface:
      case Tok::LParen:
      case Tok::Ellipsis:
        return true;
      default:
        return false;
    }
  }

  ExprPtr param_type() {
    if (tok() == Tok::Ellipsis) {
      auto e = make<EllipsisExpr>(cur().pos);
      next();
      e->elem = type();
      return e;
    }
    return type();
  }

  // --- expressions
  std::vector<ExprPtr> expr_list() {
    std::vector<ExprPtr> l;
    l.push_back(expr());
    while (got(Tok::Comma)) l.push_back(expr());
    return l;
  }

  static int precedence(Tok t) {
    switch (t) {
      case Tok::LOr:
        return 1;
      case Tok::LAnd:
        return 2;
      case Tok::Eql:
      case Tok::Neq:
      case Tok::Lss:
      case Tok::Leq:
      case Tok::Gtr:
      case Tok::Geq:
        return 3;
      case Tok::Add:
      case Tok::Sub:
      case Tok::Or:
      case Tok::Xor:
        return 4;
      case Tok::Mul:
      case Tok::Quo:
      case Tok::Rem:
      case Tok::Shl:
      case Tok::Shr:
      case Tok::And:
      case Tok::AndNot:
        return 5;
      default:
        return 0;
    }
  }

  ExprPtr expr() { return binary_expr(1); }

  ExprPtr binary_expr(int prec) {
    Nest nest(*this);
    ExprPtr x = unary_expr();
    while (true) {
      const int p = precedence(tok());
      if (p < prec) return x;
      auto b = make<BinaryExpr>(x->pos);
      b->op = tok();
      b->op_pos = cur().pos;
      next();
      b->x = std::move(x);
      b->y = binary_expr(p + 1);
      x = std::move(b);
    }
  }

  ExprPtr unary_expr() {
    Nest nest(*this);
    const Pos p = cur().pos;
    switch (tok()) {
      case Tok::Add:
      case Tok::Sub:
      case Tok::Not:
      case Tok::Xor:
      case Tok::And: {
        auto u = make<UnaryExpr>(p);
        u->op = tok();
        next();
        u->x = unary_expr();
        return u;
      }
      case Tok::Mul: {
        next();
        auto s = make<StarExpr>(p);
        s->x = unary_expr();
        return s;
      }
      case Tok::Arrow: {
        next();
        ExprPtr x = unary_expr();
        if (x->kind == ExprKind::ChanType) {
          // <-chan T: a receive-only channel type (<-chan chan T binds to the first).
          auto* c = static_cast<ChanTypeExpr*>(x.get());
          if (c->dir == ChanDir::Send) syntax_error_plain(p, "unexpected <-, expecting chan");
          c->dir = ChanDir::Recv;
          c->pos = p;
          return x;
        }
        auto u = make<UnaryExpr>(p);
        u->op = Tok::Arrow;
        u->x = std::move(x);
        return u;
      }
      default:
        return primary_expr();
    }
  }

  ExprPtr operand() {
    const Pos p = cur().pos;
    switch (tok()) {
      case Tok::Ident:
        return name();
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String: {
        auto lit = std::make_unique<BasicLit>(p, tok(), std::string(cur().text));
        next();
        return lit;
      }
      case Tok::LParen: {
        next();
        ++xnest_;
        auto par = make<ParenExpr>(p);
        par->x = expr_or_type();
        --xnest_;
        want(Tok::RParen);
        return par;
      }
      case Tok::Func: {
        next();
        auto sig = func_type(p);
        if (tok() == Tok::LBrace) {
          ++xnest_;
          auto f = make<FuncLit>(p);
          f->sig = std::move(sig);
          f->body = block(nullptr);
          --xnest_;
          return f;
        }
        return sig;
      }
      case Tok::LBrack:
      case Tok::Chan:
      case Tok::Map:
      case Tok::Struct:
      case Tok::Interface:
      case Tok::Mul:
      case Tok::Arrow:
        return type();
      default:
        syntax_error("expecting expression");
    }
  }

  // Inside parentheses a type like *T or []T may stand where an expression does.
  ExprPtr expr_or_type() { return expr(); }

  static const Expr* unparen(const Expr* x) {
    while (x->kind == ExprKind::Paren) x = static_cast<const ParenExpr*>(x)->x.get();
    return x;
  }

  ExprPtr primary_expr() {
    Nest nest(*this);
    ExprPtr x = operand();
    while (true) {
      const Pos p = cur().pos;
      switch (tok()) {
        case Tok::Period: {
          next();
          if (tok() == Tok::Ident) {
            auto s = make<SelectorExpr>(x->pos);
            s->dot = p;
            s->x = std::move(x);
            s->sel = name();
            x = std::move(s);
          } else if (tok() == Tok::LParen) {
            next();
            auto ta = make<TypeAssertExpr>(x->pos);
            ta->x = std::move(x);
            if (!got(Tok::Type)) ta->type = type();
            want(Tok::RParen);
            x = std::move(ta);
          } else {
            syntax_error("expecting name or (");
          }
          break;
        }
        case Tok::LBrack: {
          next();
          ++xnest_;
          ExprPtr lo;
          if (tok() != Tok::Colon) {
            lo = expr();
            if (got(Tok::RBrack)) {
              auto ix = make<IndexExpr>(x->pos);
              ix->lbrack = p;
              ix->x = std::move(x);
              ix->index = std::move(lo);
              --xnest_;
              x = std::move(ix);
              break;
            }
            if (tok() == Tok::Comma) {
              // f[int, string]: a generic instantiation, refused by the checker.
              auto ix = make<IndexExpr>(x->pos);
              ix->lbrack = p;
              ix->x = std::move(x);
              ix->index = std::move(lo);
              while (got(Tok::Comma)) {
                if (tok() == Tok::RBrack) break;
                (void)expr();
              }
              want(Tok::RBrack);
              --xnest_;
              x = std::move(ix);
              break;
            }
          }
          auto sl = make<SliceExpr>(x->pos);
          sl->lbrack = p;
          sl->x = std::move(x);
          sl->lo = std::move(lo);
          if (tok() != Tok::Colon) syntax_error("expecting comma, : or ]");
          next();
          if (tok() != Tok::Colon && tok() != Tok::RBrack) sl->hi = expr();
          if (tok() == Tok::Colon) {
            sl->slice3 = true;
            next();
            if (!sl->hi) fail(cur().pos, "middle index required in 3-index slice");
            if (tok() == Tok::RBrack) fail(cur().pos, "final index required in 3-index slice");
            sl->max = expr();
          }
          want(Tok::RBrack);
          --xnest_;
          x = std::move(sl);
          break;
        }
        case Tok::LParen: {
          auto c = make<CallExpr>(x->pos);
          c->lparen = p;
          next();
          ++xnest_;
          c->fun = std::move(x);
          while (tok() != Tok::RParen && tok() != Tok::Eof) {
            c->args.push_back(expr_or_type());
            if (tok() == Tok::Ellipsis) {
              c->has_ellipsis = true;
              next();
            }
            if (!got(Tok::Comma) && tok() != Tok::RParen) {
              syntax_error("in argument list; possibly missing comma or )");
            }
          }
          --xnest_;
          c->rparen = cur().pos;
          want(Tok::RParen);
          x = std::move(c);
          break;
        }
        case Tok::LBrace: {
          const Expr* t = unparen(x.get());
          bool ok = false;
          switch (t->kind) {
            case ExprKind::Ident:
            case ExprKind::Selector:
            case ExprKind::Index:
              ok = xnest_ >= 0;
              break;
            case ExprKind::ArrayType:
            case ExprKind::SliceType:
            case ExprKind::StructType:
            case ExprKind::MapType:
              ok = true;
              break;
            default:
              break;
          }
          if (!ok) return x;
          x = composite_lit(std::move(x));
          break;
        }
        default:
          return x;
      }
    }
  }

  ExprPtr composite_lit(ExprPtr type) {
    Nest nest(*this);
    auto c = make<CompositeLit>(type ? type->pos : cur().pos);
    c->type = std::move(type);
    want(Tok::LBrace);
    ++xnest_;
    while (tok() != Tok::RBrace && tok() != Tok::Eof) {
      ExprPtr e = element();
      if (got(Tok::Colon)) {
        auto kv = make<KeyValueExpr>(e->pos);
        kv->key = std::move(e);
        kv->value = element();
        e = std::move(kv);
      }
      c->elts.push_back(std::move(e));
      if (!got(Tok::Comma) && tok() != Tok::RBrace) {
        syntax_error("in composite literal; possibly missing comma or }");
      }
    }
    --xnest_;
    c->rbrace = cur().pos;
    want(Tok::RBrace);
    return c;
  }

  ExprPtr element() {
    if (tok() == Tok::LBrace) return composite_lit(nullptr);
    return expr();
  }

  // --- statements
  std::unique_ptr<BlockStmt> block(const char* context) {
    Nest nest(*this);
    auto b = make<BlockStmt>(cur().pos);
    if (!got(Tok::LBrace)) {
      if (context != nullptr) syntax_error(std::string("expecting { after ") + context);
      syntax_error("expecting {");
    }
    b->list = stmt_list();
    b->rbrace = cur().pos;
    want(Tok::RBrace);
    return b;
  }

  std::vector<StmtPtr> stmt_list() {
    std::vector<StmtPtr> l;
    while (tok() != Tok::Eof && tok() != Tok::RBrace && tok() != Tok::Case &&
           tok() != Tok::Default) {
      StmtPtr s = stmt_or_null();
      if (!s) break;
      const bool empty = s->kind == StmtKind::Empty;
      l.push_back(std::move(s));
      if (empty) continue;  // the empty statement consumed its semicolon
      if (!got(Tok::Semicolon) && tok() != Tok::RBrace) syntax_error("at end of statement");
    }
    return l;
  }

  StmtPtr stmt_or_null() {
    Nest nest(*this);
    const Pos p = cur().pos;
    if (tok() == Tok::Ident) {
      if (peek_tok(1) == Tok::Colon) {
        auto l = make<LabeledStmt>(p);
        l->label = name();
        next();  // :
        if (tok() == Tok::RBrace) {
          l->stmt = make<EmptyStmt>(cur().pos);
          return l;
        }
        l->stmt = stmt_or_null();
        if (!l->stmt) syntax_error("at end of statement");
        return l;
      }
      return simple_stmt(Tok::Eof);
    }
    switch (tok()) {
      case Tok::Var:
        return decl_stmt(StmtKind::VarDecl);
      case Tok::Const:
        return decl_stmt(StmtKind::ConstDecl);
      case Tok::Type:
        return decl_stmt(StmtKind::TypeDecl);
      case Tok::LBrace:
        return block(nullptr);
      case Tok::Add:
      case Tok::Sub:
      case Tok::Mul:
      case Tok::And:
      case Tok::Xor:
      case Tok::Not:
      case Tok::Int:
      case Tok::Float:
      case Tok::Imag:
      case Tok::Char:
      case Tok::String:
      case Tok::Func:
      case Tok::LParen:
      case Tok::LBrack:
      case Tok::Struct:
      case Tok::Map:
      case Tok::Chan:
      case Tok::Interface:
      case Tok::Arrow:
        return simple_stmt(Tok::Eof);
      case Tok::For:
        return for_stmt();
      case Tok::Switch:
        return switch_stmt();
      case Tok::Select:
        return select_stmt();
      case Tok::If:
        return if_stmt();
      case Tok::Fallthrough:
      case Tok::Break:
      case Tok::Continue:
      case Tok::Goto: {
        auto b = make<BranchStmt>(p);
        b->tok = tok();
        next();
        if (b->tok != Tok::Fallthrough && tok() == Tok::Ident) b->label = name();
        if (b->tok == Tok::Goto && !b->label) syntax_error("expecting name");
        return b;
      }
      case Tok::Go:
      case Tok::Defer:
        return call_stmt();
      case Tok::Return: {
        auto r = make<ReturnStmt>(p);
        next();
        if (tok() != Tok::Semicolon && tok() != Tok::RBrace) r->results = expr_list();
        return r;
      }
      case Tok::Semicolon: {
        auto e = make<EmptyStmt>(p);
        next();
        return e;
      }
      default:
        return nullptr;
    }
  }

  StmtPtr decl_stmt(StmtKind k) {
    auto d = std::make_unique<DeclStmt>(k, cur().pos);
    d->decl = gen_decl();
    return d;
  }

  StmtPtr call_stmt() {
    const Pos p = cur().pos;
    const bool is_go = tok() == Tok::Go;
    next();
    ExprPtr x = primary_expr_keep_parens();
    if (x->kind == ExprKind::Paren) {
      fail(x->pos, fmt::format("syntax error: expression in {} must not be parenthesized",
                               is_go ? "go" : "defer"));
    }
    std::unique_ptr<CallExpr> call;
    if (x->kind == ExprKind::Call) call.reset(static_cast<CallExpr*>(x.release()));
    if (is_go) {
      auto g = make<GoStmt>(p);
      g->call = std::move(call);
      g->bad = std::move(x);
      return g;
    }
    auto d = make<DeferStmt>(p);
    d->call = std::move(call);
    d->bad = std::move(x);
    return d;
  }
  ExprPtr primary_expr_keep_parens() { return unary_expr(); }

  // gc's simpleStmt; `keyword` is For when a range clause may follow, Switch when a type
  // switch guard may, Eof otherwise.
  StmtPtr simple_stmt(Tok keyword) {
    const Pos p = cur().pos;
    if (keyword == Tok::For && tok() == Tok::Range) {
      auto r = make<RangeStmt>(p);
      r->tok_pos = p;
      next();
      r->x = expr();
      return r;
    }
    std::vector<ExprPtr> lhs = expr_list();
    if (lhs.size() == 1 && tok() != Tok::Assign && tok() != Tok::Define) {
      switch (tok()) {
        case Tok::AddAssign:
        case Tok::SubAssign:
        case Tok::MulAssign:
        case Tok::QuoAssign:
        case Tok::RemAssign:
        case Tok::AndAssign:
        case Tok::OrAssign:
        case Tok::XorAssign:
        case Tok::ShlAssign:
        case Tok::ShrAssign:
        case Tok::AndNotAssign: {
          auto a = make<AssignStmt>(p);
          a->tok = tok();
          a->tok_pos = cur().pos;
          next();
          a->lhs = std::move(lhs);
          a->rhs.push_back(expr());
          return a;
        }
        case Tok::Inc:
        case Tok::Dec: {
          auto s = make<IncDecStmt>(p);
          s->inc = tok() == Tok::Inc;
          next();
          s->x = std::move(lhs[0]);
          return s;
        }
        case Tok::Arrow: {
          auto s = make<SendStmt>(p);
          s->arrow = cur().pos;
          next();
          s->ch = std::move(lhs[0]);
          s->value = expr();
          return s;
        }
        default: {
          auto s = make<ExprStmt>(p);
          s->x = std::move(lhs[0]);
          return s;
        }
      }
    }
    if (tok() == Tok::Assign || tok() == Tok::Define) {
      const Tok op = tok();
      const Pos op_pos = cur().pos;
      next();
      if (keyword == Tok::For && tok() == Tok::Range) {
        auto r = make<RangeStmt>(p);
        r->tok_pos = op_pos;
        r->define = op == Tok::Define;
        next();
        r->x = expr();
        if (lhs.size() > 2)
          fail(lhs[0]->pos, "range clause permits at most two iteration variables");
        r->key = std::move(lhs[0]);
        if (lhs.size() > 1) r->value = std::move(lhs[1]);
        return r;
      }
      auto a = make<AssignStmt>(p);
      a->tok = op;
      a->tok_pos = op_pos;
      a->lhs = std::move(lhs);
      a->rhs = expr_list();
      return a;
    }
    syntax_error("expecting := or = or comma");
  }

  struct Header {
    StmtPtr init;
    ExprPtr cond;
    StmtPtr post;
    StmtPtr cond_stmt;  // a switch's `v := x.(type)`
  };

  Header header(Tok keyword) {
    Header h;
    next();
    if (tok() == Tok::LBrace) {
      if (keyword == Tok::If) syntax_error_plain(cur().pos, "missing condition in if statement");
      return h;
    }
    const int outer = xnest_;
    xnest_ = -1;
    if (tok() != Tok::Semicolon) {
      if (tok() == Tok::Var) {
        syntax_error(
            fmt::format("var declaration not allowed in {} initializer", tok_string(keyword)));
      }
      h.init = simple_stmt(keyword);
      if (h.init->kind == StmtKind::Range) {
        xnest_ = outer;
        return h;
      }
    }
    StmtPtr cond_stmt;
    bool semi = false;
    Pos semi_pos;
    std::string_view semi_text;
    if (tok() != Tok::LBrace) {
      if (tok() == Tok::Semicolon) {
        semi = true;
        semi_pos = cur().pos;
        semi_text = cur().text;
        next();
      } else {
        want(Tok::LBrace);
      }
      if (keyword == Tok::For) {
        if (tok() != Tok::Semicolon) {
          if (tok() == Tok::LBrace) syntax_error("expecting for loop condition");
          cond_stmt = simple_stmt(Tok::Eof);
        }
        want(Tok::Semicolon);
        if (tok() != Tok::LBrace) {
          h.post = simple_stmt(Tok::Eof);
          if (h.post->kind == StmtKind::Assign &&
              static_cast<AssignStmt*>(h.post.get())->tok == Tok::Define) {
            fail(static_cast<AssignStmt*>(h.post.get())->tok_pos,
                 "syntax error: cannot declare in post statement of for loop");
          }
        }
      } else if (tok() != Tok::LBrace) {
        cond_stmt = simple_stmt(keyword);
      }
    } else {
      cond_stmt = std::move(h.init);
    }
    if (!cond_stmt) {
      if (keyword == Tok::If && semi) {
        if (semi_text == ";") syntax_error_plain(semi_pos, "missing condition in if statement");
        fail(semi_pos, "syntax error: unexpected newline, expecting { after if clause");
      }
    } else if (cond_stmt->kind == StmtKind::Expr) {
      h.cond = std::move(static_cast<ExprStmt*>(cond_stmt.get())->x);
    } else if (keyword == Tok::Switch && is_type_switch_guard(*cond_stmt)) {
      h.cond_stmt = std::move(cond_stmt);
    } else {
      Pos at = cond_stmt->pos;
      std::string what = "statement";
      if (cond_stmt->kind == StmtKind::Assign) {
        const auto* a = static_cast<const AssignStmt*>(cond_stmt.get());
        at = a->tok_pos;
        const std::string l = list_string(a->lhs);
        const std::string r = list_string(a->rhs);
        what = a->tok == Tok::Assign ? fmt::format("assignment ({}) = ({})", l, r)
                                     : fmt::format("{} {} {}", l, tok_string(a->tok), r);
      } else if (cond_stmt->kind == StmtKind::IncDec) {
        const auto* s = static_cast<const IncDecStmt*>(cond_stmt.get());
        what = expr_string(*s->x) + (s->inc ? "++" : "--");
      } else if (cond_stmt->kind == StmtKind::Send) {
        const auto* s = static_cast<const SendStmt*>(cond_stmt.get());
        what = expr_string(*s->ch) + " <- " + expr_string(*s->value);
      }
      fail(at, fmt::format("syntax error: cannot use {} as value", what));
    }
    xnest_ = outer;
    return h;
  }

  static std::string list_string(const std::vector<ExprPtr>& l) {
    std::string out;
    for (const ExprPtr& e : l) {
      if (!out.empty()) out += ", ";
      out += expr_string(*e);
    }
    return out;
  }

  static bool is_type_switch_guard(const Stmt& s) {
    if (s.kind != StmtKind::Assign) return false;
    const auto& a = static_cast<const AssignStmt&>(s);
    return a.tok == Tok::Define && a.lhs.size() == 1 && a.rhs.size() == 1 &&
           a.lhs[0]->kind == ExprKind::Ident && a.rhs[0]->kind == ExprKind::TypeAssert &&
           !static_cast<const TypeAssertExpr*>(a.rhs[0].get())->type;
  }

  StmtPtr if_stmt() {
    auto s = make<IfStmt>(cur().pos);
    Header h = header(Tok::If);
    s->init = std::move(h.init);
    s->cond = std::move(h.cond);
    s->then = block("if clause");
    if (got(Tok::Else)) {
      if (tok() == Tok::If) {
        s->els = if_stmt();
      } else if (tok() == Tok::LBrace) {
        s->els = block(nullptr);
      } else {
        syntax_error_plain(cur().pos, "else must be followed by if or statement block");
      }
    }
    return s;
  }

  StmtPtr for_stmt() {
    const Pos p = cur().pos;
    Header h = header(Tok::For);
    if (h.init && h.init->kind == StmtKind::Range) {
      auto r = std::unique_ptr<RangeStmt>(static_cast<RangeStmt*>(h.init.release()));
      r->pos = p;
      r->body = block("for clause");
      return r;
    }
    auto f = make<ForStmt>(p);
    f->init = std::move(h.init);
    f->cond = std::move(h.cond);
    f->post = std::move(h.post);
    f->body = block("for clause");
    return f;
  }

  StmtPtr switch_stmt() {
    const Pos p = cur().pos;
    Header h = header(Tok::Switch);
    std::unique_ptr<TypeAssertExpr> guard;
    std::unique_ptr<Ident> binding;
    if (h.cond_stmt) {
      auto* a = static_cast<AssignStmt*>(h.cond_stmt.get());
      binding.reset(static_cast<Ident*>(a->lhs[0].release()));
      guard.reset(static_cast<TypeAssertExpr*>(a->rhs[0].release()));
    } else if (h.cond && h.cond->kind == ExprKind::TypeAssert &&
               !static_cast<TypeAssertExpr*>(h.cond.get())->type) {
      guard.reset(static_cast<TypeAssertExpr*>(h.cond.release()));
    }
    if (!got(Tok::LBrace)) syntax_error("missing { after switch clause");
    std::vector<CaseClause> cases;
    while (tok() == Tok::Case || tok() == Tok::Default) {
      CaseClause c;
      c.pos = cur().pos;
      if (got(Tok::Default)) {
        c.is_default = true;
      } else {
        next();
        c.list = expr_list();
      }
      c.colon = cur().pos;
      want(Tok::Colon);
      c.body = stmt_list();
      cases.push_back(std::move(c));
    }
    const Pos rbrace = cur().pos;
    if (tok() != Tok::RBrace) syntax_error("expecting case or default or }");
    next();
    if (guard) {
      auto s = make<TypeSwitchStmt>(p);
      s->init = std::move(h.init);
      s->binding = std::move(binding);
      s->assert = std::move(guard);
      s->cases = std::move(cases);
      s->rbrace = rbrace;
      return s;
    }
    auto s = make<SwitchStmt>(p);
    s->init = std::move(h.init);
    s->tag = std::move(h.cond);
    s->cases = std::move(cases);
    s->rbrace = rbrace;
    return s;
  }

  StmtPtr select_stmt() {
    auto s = make<SelectStmt>(cur().pos);
    next();
    if (!got(Tok::LBrace)) syntax_error("expecting {");  // rare
    while (tok() == Tok::Case || tok() == Tok::Default) {
      CommClause c;
      c.pos = cur().pos;
      if (got(Tok::Default)) {
        c.kind = CommClause::Kind::Default;
      } else {
        next();
        StmtPtr comm = simple_stmt(Tok::Eof);
        if (comm->kind == StmtKind::Send) {
          auto* send = static_cast<SendStmt*>(comm.get());
          c.kind = CommClause::Kind::Send;
          c.ch = std::move(send->ch);
          c.value = std::move(send->value);
        } else if (comm->kind == StmtKind::Expr &&
                   is_recv(static_cast<ExprStmt*>(comm.get())->x.get())) {
          c.kind = CommClause::Kind::Recv;
          c.recv = std::move(static_cast<ExprStmt*>(comm.get())->x);
        } else if (comm->kind == StmtKind::Assign) {
          auto* a = static_cast<AssignStmt*>(comm.get());
          if ((a->tok != Tok::Assign && a->tok != Tok::Define) || a->rhs.size() != 1 ||
              a->lhs.size() > 2 || !is_recv(a->rhs[0].get())) {
            fail(comm->pos, "select case must be receive, send or assign recv");
          }
          c.kind = CommClause::Kind::Recv;
          c.define = a->tok == Tok::Define;
          c.lhs = std::move(a->lhs);
          c.recv = std::move(a->rhs[0]);
        } else {
          fail(comm->pos, "select case must be receive, send or assign recv");
        }
      }
      c.colon = cur().pos;
      want(Tok::Colon);
      c.body = stmt_list();
      s->cases.push_back(std::move(c));
    }
    s->rbrace = cur().pos;
    if (tok() != Tok::RBrace) syntax_error("expecting case or default or }");
    next();
    return s;
  }

  static bool is_recv(const Expr* x) {
    x = unparen(x);
    return x->kind == ExprKind::Unary && static_cast<const UnaryExpr*>(x)->op == Tok::Arrow;
  }

  std::vector<Token> toks_;
  std::size_t i_ = 0;
  std::size_t prev_end_ = 0;
  int xnest_ = 0;
  int depth_ = 0;
};

}  // namespace

ParseResult parse_file(std::string_view source) {
  ParseResult r;
  LexResult lexed = lex(source);
  std::optional<Diagnostic> lex_error = std::move(lexed.error);
  try {
    Parser p(std::move(lexed.tokens));
    r.file = p.file();
  } catch (const ParseError& e) {
    r.error = e.diag;
  }
  // The lexer's error comes first when it is earlier (gc reports both in order).
  if (lex_error &&
      (!r.error || Pos{lex_error->line, lex_error->col} <= Pos{r.error->line, r.error->col})) {
    r.error = lex_error;
  }
  if (r.error) r.file.reset();
  return r;
}

}  // namespace poolscope::golang
