#include "core/golang/ast.hpp"

namespace poolscope::golang {

const char* tok_string(Tok t) noexcept {
  switch (t) {
    case Tok::Eof:
      return "EOF";
    case Tok::Illegal:
      return "ILLEGAL";
    case Tok::Ident:
      return "name";
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
    case Tok::Char:
    case Tok::String:
      return "literal";
    case Tok::Add:
      return "+";
    case Tok::Sub:
      return "-";
    case Tok::Mul:
      return "*";
    case Tok::Quo:
      return "/";
    case Tok::Rem:
      return "%";
    case Tok::And:
      return "&";
    case Tok::Or:
      return "|";
    case Tok::Xor:
      return "^";
    case Tok::Shl:
      return "<<";
    case Tok::Shr:
      return ">>";
    case Tok::AndNot:
      return "&^";
    case Tok::AddAssign:
      return "+=";
    case Tok::SubAssign:
      return "-=";
    case Tok::MulAssign:
      return "*=";
    case Tok::QuoAssign:
      return "/=";
    case Tok::RemAssign:
      return "%=";
    case Tok::AndAssign:
      return "&=";
    case Tok::OrAssign:
      return "|=";
    case Tok::XorAssign:
      return "^=";
    case Tok::ShlAssign:
      return "<<=";
    case Tok::ShrAssign:
      return ">>=";
    case Tok::AndNotAssign:
      return "&^=";
    case Tok::LAnd:
      return "&&";
    case Tok::LOr:
      return "||";
    case Tok::Arrow:
      return "<-";
    case Tok::Inc:
      return "++";
    case Tok::Dec:
      return "--";
    case Tok::Eql:
      return "==";
    case Tok::Lss:
      return "<";
    case Tok::Gtr:
      return ">";
    case Tok::Assign:
      return "=";
    case Tok::Not:
      return "!";
    case Tok::Neq:
      return "!=";
    case Tok::Leq:
      return "<=";
    case Tok::Geq:
      return ">=";
    case Tok::Define:
      return ":=";
    case Tok::Ellipsis:
      return "...";
    case Tok::LParen:
      return "(";
    case Tok::LBrack:
      return "[";
    case Tok::LBrace:
      return "{";
    case Tok::Comma:
      return ",";
    case Tok::Period:
      return ".";
    case Tok::RParen:
      return ")";
    case Tok::RBrack:
      return "]";
    case Tok::RBrace:
      return "}";
    case Tok::Semicolon:
      return ";";
    case Tok::Colon:
      return ":";
    case Tok::Tilde:
      return "~";
    case Tok::Break:
      return "break";
    case Tok::Case:
      return "case";
    case Tok::Chan:
      return "chan";
    case Tok::Const:
      return "const";
    case Tok::Continue:
      return "continue";
    case Tok::Default:
      return "default";
    case Tok::Defer:
      return "defer";
    case Tok::Else:
      return "else";
    case Tok::Fallthrough:
      return "fallthrough";
    case Tok::For:
      return "for";
    case Tok::Func:
      return "func";
    case Tok::Go:
      return "go";
    case Tok::Goto:
      return "goto";
    case Tok::If:
      return "if";
    case Tok::Import:
      return "import";
    case Tok::Interface:
      return "interface";
    case Tok::Map:
      return "map";
    case Tok::Package:
      return "package";
    case Tok::Range:
      return "range";
    case Tok::Return:
      return "return";
    case Tok::Select:
      return "select";
    case Tok::Struct:
      return "struct";
    case Tok::Switch:
      return "switch";
    case Tok::Type:
      return "type";
    case Tok::Var:
      return "var";
  }
  return "?";
}

}  // namespace poolscope::golang

namespace poolscope::golang {

namespace {

void write_fields(std::string& out, const FieldList& fl, const char* sep) {
  bool first = true;
  for (const auto& f : fl.list) {
    if (!first) out += sep;
    first = false;
    for (std::size_t i = 0; i < f->names.size(); ++i) {
      if (i > 0) out += ", ";
      out += f->names[i]->name;
    }
    if (!f->names.empty()) out += ' ';
    out += expr_string(*f->type);
  }
}

void write_sig(std::string& out, const FuncTypeExpr& f) {
  out += '(';
  write_fields(out, f.params, ", ");
  out += ')';
  if (f.results.list.empty()) return;
  out += ' ';
  const bool paren = f.results.list.size() > 1 || !f.results.list[0]->names.empty();
  if (paren) out += '(';
  write_fields(out, f.results, ", ");
  if (paren) out += ')';
}

}  // namespace

std::string expr_string(const Expr& x) {
  switch (x.kind) {
    case ExprKind::Bad:
      return "_";
    case ExprKind::Ident:
      return static_cast<const Ident&>(x).name;
    case ExprKind::BasicLit:
      return static_cast<const BasicLit&>(x).text;
    case ExprKind::CompositeLit: {
      const auto& c = static_cast<const CompositeLit&>(x);
      return (c.type ? expr_string(*c.type) : std::string()) + (c.elts.empty() ? "{}" : "{…}");
    }
    case ExprKind::FuncLit: {
      std::string out = "(func";
      write_sig(out, *static_cast<const FuncLit&>(x).sig);
      return out + " literal)";
    }
    case ExprKind::Paren:
      return "(" + expr_string(*static_cast<const ParenExpr&>(x).x) + ")";
    case ExprKind::Selector: {
      const auto& s = static_cast<const SelectorExpr&>(x);
      return expr_string(*s.x) + "." + s.sel->name;
    }
    case ExprKind::Index: {
      const auto& s = static_cast<const IndexExpr&>(x);
      return expr_string(*s.x) + "[" + expr_string(*s.index) + "]";
    }
    case ExprKind::Slice: {
      const auto& s = static_cast<const SliceExpr&>(x);
      std::string out = expr_string(*s.x) + "[";
      if (s.lo) out += expr_string(*s.lo);
      out += ':';
      if (s.hi) out += expr_string(*s.hi);
      if (s.slice3) {
        out += ':';
        if (s.max) out += expr_string(*s.max);
      }
      return out + "]";
    }
    case ExprKind::TypeAssert: {
      const auto& s = static_cast<const TypeAssertExpr&>(x);
      return expr_string(*s.x) + ".(" + (s.type ? expr_string(*s.type) : "type") + ")";
    }
    case ExprKind::Call: {
      const auto& c = static_cast<const CallExpr&>(x);
      std::string out = expr_string(*c.fun) + "(";
      for (std::size_t i = 0; i < c.args.size(); ++i) {
        if (i > 0) out += ", ";
        out += expr_string(*c.args[i]);
      }
      if (c.has_ellipsis) out += "...";
      return out + ")";
    }
    case ExprKind::Star:
      return "*" + expr_string(*static_cast<const StarExpr&>(x).x);
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(x);
      return std::string(tok_string(u.op)) + expr_string(*u.x);
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(x);
      return expr_string(*b.x) + " " + tok_string(b.op) + " " + expr_string(*b.y);
    }
    case ExprKind::KeyValue: {
      const auto& kv = static_cast<const KeyValueExpr&>(x);
      return expr_string(*kv.key) + ": " + expr_string(*kv.value);
    }
    case ExprKind::ArrayType: {
      const auto& a = static_cast<const ArrayTypeExpr&>(x);
      return "[" + (a.len ? expr_string(*a.len) : std::string("...")) + "]" + expr_string(*a.elem);
    }
    case ExprKind::SliceType:
      return "[]" + expr_string(*static_cast<const SliceTypeExpr&>(x).elem);
    case ExprKind::MapType: {
      const auto& m = static_cast<const MapTypeExpr&>(x);
      return "map[" + expr_string(*m.key) + "]" + expr_string(*m.value);
    }
    case ExprKind::ChanType: {
      const auto& c = static_cast<const ChanTypeExpr&>(x);
      const char* p = c.dir == ChanDir::Send   ? "chan<- "
                      : c.dir == ChanDir::Recv ? "<-chan "
                                               : "chan ";
      return p + expr_string(*c.elem);
    }
    case ExprKind::FuncType: {
      std::string out = "func";
      write_sig(out, static_cast<const FuncTypeExpr&>(x));
      return out;
    }
    case ExprKind::StructType: {
      std::string out = "struct{";
      write_fields(out, static_cast<const StructTypeExpr&>(x).fields, "; ");
      return out + "}";
    }
    case ExprKind::InterfaceType: {
      const auto& it = static_cast<const InterfaceTypeExpr&>(x);
      std::string out = "interface{";
      bool first = true;
      for (const auto& f : it.methods.list) {
        if (!first) out += "; ";
        first = false;
        if (!f->names.empty()) {
          out += f->names[0]->name;
          write_sig(out, static_cast<const FuncTypeExpr&>(*f->type));
        } else {
          out += expr_string(*f->type);
        }
      }
      return out + "}";
    }
    case ExprKind::Ellipsis:
      return "..." + expr_string(*static_cast<const EllipsisExpr&>(x).elem);
  }
  return "?";
}

}  // namespace poolscope::golang
