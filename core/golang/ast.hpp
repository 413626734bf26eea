#pragma once
// The syntax tree of a Go-subset program (YOUR_CODE.md), as the parser builds it and the
// checker annotates it. The interpreter reads both.
//
// Contract
// - Plain structs: each node has a `kind` and its children as std::unique_ptr. Cast an
//   Expr or Stmt to the struct named after its kind (static_cast, no RTTI needed).
// - Every node has `pos`: where it starts (1-based line, 1-based column in bytes, as gc
//   counts them), which is where gc reports most errors about it. A few nodes keep more
//   positions (an operator, a closing brace) where gc reports there.
// - The parser fills the syntax; the checker fills the fields marked "checker". After a
//   successful check (CheckResult::ok) every annotation below is set as documented:
//     * Expr::type is the type after untyped constants took their context's type (as
//       go/types records it): `var x int64 = 1` gives the literal int64, `fmt.Println(1)`
//       gives it int. An untyped value that stays untyped (a shift count, the operand of
//       a comparison of two untyped constants) keeps its untyped type.
//     * Expr::value is set for constant expressions; then the interpreter need not look
//       at the children.
//     * Idents point to their Object (null for `_` and for the name of a field, method or
//       package member, which the Selector resolves).
// - Variables: each Var object of a function has a slot, numbered per function (a FuncDecl
//   or a FuncLit, each its own frame): first the receiver, then the parameters, then the
//   named results, then the locals in the order they are declared. A FuncLit's slots count
//   only its own variables; those it uses from enclosing functions are listed in its
//   `captures` (and have `captured` set). Package-level vars are numbered separately
//   (`global`). Constants are fully evaluated: their Object holds the value.
// - Library members are named by qualified strings: "fmt.Println", "time.Second",
//   "sync.WaitGroup", methods "(*sync.WaitGroup).Add", "(time.Duration).String",
//   "(context.Context).Done" (an interface's method). The interpreter dispatches on them.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/golang/types.hpp"

namespace poolscope::golang {

struct Pos {
  int line = 0;
  int col = 0;
  friend bool operator==(const Pos&, const Pos&) = default;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Pos&, const Pos&) = default;
};

// A compile error (or a refusal), as gc positions it.
struct Diagnostic {
  int line = 0;
  int col = 0;
  std::string message;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// Tokens: the lexer's output, and the operators of expressions and statements.
enum class Tok : std::uint8_t {
  Eof,
  Illegal,
  Ident,
  Int,
  Float,
  Imag,
  Char,
  String,
  // operators
  Add,     // +
  Sub,     // -
  Mul,     // *
  Quo,     // /
  Rem,     // %
  And,     // &
  Or,      // |
  Xor,     // ^
  Shl,     // <<
  Shr,     // >>
  AndNot,  // &^
  AddAssign,
  SubAssign,
  MulAssign,
  QuoAssign,
  RemAssign,
  AndAssign,
  OrAssign,
  XorAssign,
  ShlAssign,
  ShrAssign,
  AndNotAssign,
  LAnd,    // &&
  LOr,     // ||
  Arrow,   // <-
  Inc,     // ++
  Dec,     // --
  Eql,     // ==
  Lss,     // <
  Gtr,     // >
  Assign,  // =
  Not,     // !
  Neq,     // !=
  Leq,     // <=
  Geq,     // >=
  Define,  // :=
  Ellipsis,
  LParen,
  LBrack,
  LBrace,
  Comma,
  Period,
  RParen,
  RBrack,
  RBrace,
  Semicolon,
  Colon,
  Tilde,
  // keywords
  Break,
  Case,
  Chan,
  Const,
  Continue,
  Default,
  Defer,
  Else,
  Fallthrough,
  For,
  Func,
  Go,
  Goto,
  If,
  Import,
  Interface,
  Map,
  Package,
  Range,
  Return,
  Select,
  Struct,
  Switch,
  Type,
  Var,
};

// Go's spelling of a token ("+", "<-", "func", ...).
[[nodiscard]] const char* tok_string(Tok t) noexcept;

// ---------------------------------------------------------------------------------------
// Checker annotations

// A constant value. Ints are kept as the two's-complement bits of the value in its type's
// width (a uint64 constant above MaxInt64 is negative here), as Value::i holds them.
struct Constant {
  enum class Kind : std::uint8_t { Bool, Int, Float, String };
  Kind kind = Kind::Int;
  bool b = false;
  std::int64_t i = 0;
  double f = 0;
  std::string s;
};

enum class ObjKind : std::uint8_t { Var, Const, TypeName, Func, Package, Builtin, Nil };

enum class Builtin : std::uint8_t {
  None,
  Len,
  Cap,
  Append,
  Make,
  New,
  Delete,
  Close,
  Panic,
  Recover,
  Print,
  Println,
  Copy,
};

struct FuncDecl;
struct FuncLit;

// A declared name (checker). Owned by the checker's result (CheckResult), stable.
struct Object {
  ObjKind kind = ObjKind::Var;
  std::string name;
  Pos pos;                          // of its declaration (none for universe objects)
  TypeRef type = nullptr;           // Var, Const, TypeName (the type itself), Func (its signature)
  std::optional<Constant> value;    // Const
  Builtin builtin = Builtin::None;  // Builtin
  // Library member: "fmt.Println", "time.Second", "os.Args"; Package: its import path.
  std::string qualified;
  const FuncDecl* decl = nullptr;  // Func of package main
  // Var
  int slot = -1;
  bool global = false;          // package-level var (slot numbers package-level vars)
  bool captured = false;        // used by a FuncLit other than the one declaring it
  bool addressed = false;       // &x taken, or a method with a pointer receiver called on x
  bool is_param = false;        // receiver, parameter or named result
  const void* owner = nullptr;  // the FuncDecl or FuncLit declaring it; null if global
  bool used = false;
};

// What an expression denotes (checker).
enum class Mode : std::uint8_t {
  Invalid,
  NoValue,   // a call without results
  Value,     // a value that is not addressable
  Variable,  // addressable
  MapIndex,  // m[k]: assignable, not addressable
  Constant,
  Type,
  Builtin,
  Package,
  Nil,
};

// ---------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : std::uint8_t {
  Bad,
  Ident,
  BasicLit,
  CompositeLit,
  FuncLit,
  Paren,
  Selector,
  Index,
  Slice,
  TypeAssert,
  Call,
  Star,
  Unary,
  Binary,
  KeyValue,
  ArrayType,  // [N]T, [...]T
  SliceType,  // []T
  MapType,
  ChanType,
  FuncType,
  StructType,
  InterfaceType,
  Ellipsis,  // ...T of a variadic parameter
};

struct Expr {
  explicit Expr(ExprKind k, Pos p) : kind(k), pos(p) {}
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
  virtual ~Expr() = default;

  ExprKind kind;
  Pos pos;
  // checker. CompositeLit and TypeAssertExpr have a member `type` of their own (the
  // type as written); their checked type is Expr::type (or checked_type()).
  TypeRef type = nullptr;
  std::optional<Constant> value;
  [[nodiscard]] TypeRef checked_type() const noexcept { return type; }
  Mode mode = Mode::Invalid;
  // m[k], x.(T), <-ch used in a two-value context (v, ok := ...): the expression then
  // yields (type, bool); `type` stays the first value's type.
  bool comma_ok = false;
  // interpreter (interp_prepare): whether evaluating it may block or call Go code, and a
  // number of its own (an Ident's capture index, a library call's handler)
  bool blocks = false;
  int interp = -1;
};
using ExprPtr = std::unique_ptr<Expr>;

struct BadExpr final : Expr {
  explicit BadExpr(Pos p) : Expr(ExprKind::Bad, p) {}
};

struct Ident final : Expr {
  Ident(Pos p, std::string n) : Expr(ExprKind::Ident, p), name(std::move(n)) {}
  std::string name;
  Object* obj = nullptr;  // checker
};

struct BasicLit final : Expr {
  BasicLit(Pos p, Tok t, std::string lit)
      : Expr(ExprKind::BasicLit, p), tok(t), text(std::move(lit)) {}
  Tok tok;           // Int, Float, Imag, Char, String
  std::string text;  // as written (quotes included)
};

struct FieldDecl;
struct FieldList {
  Pos open;  // ( or {
  std::vector<std::unique_ptr<FieldDecl>> list;
  Pos close;
};

// Type expressions.
struct ArrayTypeExpr final : Expr {
  explicit ArrayTypeExpr(Pos p) : Expr(ExprKind::ArrayType, p) {}
  ExprPtr len;  // null for [...]T (in a composite literal)
  ExprPtr elem;
};
struct SliceTypeExpr final : Expr {
  explicit SliceTypeExpr(Pos p) : Expr(ExprKind::SliceType, p) {}
  ExprPtr elem;
};
struct MapTypeExpr final : Expr {
  explicit MapTypeExpr(Pos p) : Expr(ExprKind::MapType, p) {}
  ExprPtr key;
  ExprPtr value;
};
struct ChanTypeExpr final : Expr {
  explicit ChanTypeExpr(Pos p) : Expr(ExprKind::ChanType, p) {}
  ChanDir dir = ChanDir::Both;
  ExprPtr elem;
};
struct FuncTypeExpr final : Expr {
  explicit FuncTypeExpr(Pos p) : Expr(ExprKind::FuncType, p) {}
  FieldList params;
  FieldList results;  // no parens for one unnamed result: open/close stay {0,0}
};
struct StructTypeExpr final : Expr {
  explicit StructTypeExpr(Pos p) : Expr(ExprKind::StructType, p) {}
  FieldList fields;
};
struct InterfaceTypeExpr final : Expr {
  explicit InterfaceTypeExpr(Pos p) : Expr(ExprKind::InterfaceType, p) {}
  FieldList methods;             // a method: one name and a FuncTypeExpr; an embedded one: no names
  bool has_constraints = false;  // ~T or A | B elements (type constraints): refused
};
struct EllipsisExpr final : Expr {
  explicit EllipsisExpr(Pos p) : Expr(ExprKind::Ellipsis, p) {}
  ExprPtr elem;
};

// A field of a struct, a parameter group, a method of an interface.
struct FieldDecl {
  Pos pos;
  std::vector<std::unique_ptr<Ident>> names;  // empty: an embedded field / unnamed param
  ExprPtr type;
  std::unique_ptr<BasicLit> tag;
};

struct Stmt;
struct BlockStmt;

struct CompositeLit final : Expr {
  explicit CompositeLit(Pos p) : Expr(ExprKind::CompositeLit, p) {}
  // null when elided inside another composite literal; then, if the element type is a
  // pointer *T, the literal stands for &T{...} and its checked type is *T.
  ExprPtr type;
  std::vector<ExprPtr> elts;  // KeyValue for keyed elements
  Pos rbrace;
  // checker: for a struct literal, each element's field index (in elts order).
  std::vector<int> field_index;
};

struct FuncLit final : Expr {
  explicit FuncLit(Pos p) : Expr(ExprKind::FuncLit, p) {}
  std::unique_ptr<FuncTypeExpr> sig;
  std::unique_ptr<BlockStmt> body;
  // checker
  int num_slots = 0;
  std::vector<Object*> params;    // params then named results, in slot order
  std::vector<Object*> captures;  // variables of enclosing functions it uses, first use order
  const void* outer = nullptr;    // the enclosing FuncDecl or FuncLit
};

struct ParenExpr final : Expr {
  explicit ParenExpr(Pos p) : Expr(ExprKind::Paren, p) {}
  ExprPtr x;
};

enum class SelKind : std::uint8_t {
  None,
  Field,            // x.f (through `path` for promoted fields)
  Method,           // x.m of a method of package main (a call or a method value)
  InterfaceMethod,  // x.m with x an interface: dynamic dispatch
  LibMethod,        // x.m of a library type: `lib`
  PackageMember,    // pkg.Name: `lib`
};

struct SelectorExpr final : Expr {
  explicit SelectorExpr(Pos p) : Expr(ExprKind::Selector, p) {}
  ExprPtr x;
  std::unique_ptr<Ident> sel;
  Pos dot;  // gc's own position of the node, where its syntax errors point
  // checker
  SelKind sel_kind = SelKind::None;
  // Field: the field indices from x's struct down to the field (one item without
  // embedding; more for promoted fields, each step through an embedded field, which may
  // be a pointer to be dereferenced).
  std::vector<int> path;
  const Method* method = nullptr;  // Method, InterfaceMethod, LibMethod
  bool auto_addr = false;          // x is a variable and the method wants *T: (&x).m
  bool auto_deref = false;         // x is a pointer and the method/field wants T: (*x).m
  std::string lib;                 // "fmt.Println", "(*sync.WaitGroup).Add"
};

struct IndexExpr final : Expr {
  explicit IndexExpr(Pos p) : Expr(ExprKind::Index, p) {}
  ExprPtr x;
  ExprPtr index;
  Pos lbrack;
};

struct SliceExpr final : Expr {
  explicit SliceExpr(Pos p) : Expr(ExprKind::Slice, p) {}
  ExprPtr x;
  ExprPtr lo, hi, max;  // each may be null
  bool slice3 = false;
  Pos lbrack;
};

struct TypeAssertExpr final : Expr {
  explicit TypeAssertExpr(Pos p) : Expr(ExprKind::TypeAssert, p) {}
  ExprPtr x;
  ExprPtr type;  // null for x.(type) in a type switch
};

enum class CallKind : std::uint8_t {
  Func,        // a function of package main, a closure or a func value
  Method,      // a method of package main: SelectorExpr::method, receiver x
  Interface,   // dynamic dispatch on an interface value
  Builtin,     // `builtin`
  Conversion,  // T(x): `type` is T
  Library,     // a library function or method: `lib` (from the SelectorExpr)
};

struct CallExpr final : Expr {
  explicit CallExpr(Pos p) : Expr(ExprKind::Call, p) {}
  ExprPtr fun;
  std::vector<ExprPtr> args;
  bool has_ellipsis = false;  // f(xs...)
  Pos lparen, rparen;
  // checker
  CallKind call_kind = CallKind::Func;
  Builtin builtin = Builtin::None;
  std::string lib;
  bool spread = false;    // f(g()) with g returning several values
  TypeRef sig = nullptr;  // the callee's signature (Func, Method, Interface, Library)
};

struct StarExpr final : Expr {  // *x (a dereference) or *T (a pointer type)
  explicit StarExpr(Pos p) : Expr(ExprKind::Star, p) {}
  ExprPtr x;
};

struct UnaryExpr final : Expr {  // + - ! ^ & <-
  explicit UnaryExpr(Pos p) : Expr(ExprKind::Unary, p) {}
  Tok op = Tok::Add;
  ExprPtr x;
};

struct BinaryExpr final : Expr {
  explicit BinaryExpr(Pos p) : Expr(ExprKind::Binary, p) {}
  Tok op = Tok::Add;
  Pos op_pos;
  ExprPtr x, y;
};

struct KeyValueExpr final : Expr {
  explicit KeyValueExpr(Pos p) : Expr(ExprKind::KeyValue, p) {}
  ExprPtr key, value;
};

// ---------------------------------------------------------------------------------------
// Declarations

struct ValueSpec {  // one line of a var or const declaration
  Pos pos;
  std::vector<std::unique_ptr<Ident>> names;
  ExprPtr type;                 // may be null
  std::vector<ExprPtr> values;  // empty for `var x T`, and for a const repeating the previous
  int iota = 0;                 // const: the index of the spec in its group
  // byte range [begin, end) of each value expression in the source
  std::vector<std::pair<std::size_t, std::size_t>> value_ranges;
  // checker: for a const spec without values, the spec whose values it repeats
  const ValueSpec* implicit_from = nullptr;
};

struct TypeSpec {
  Pos pos;
  std::unique_ptr<Ident> name;
  bool alias = false;  // type A = B
  ExprPtr type;
  bool has_tparams = false;  // type T[P any] ...: refused
};

struct GenDecl {
  Pos pos;
  Tok tok = Tok::Var;  // Var, Const, Type
  bool grouped = false;
  std::vector<ValueSpec> values;  // Var, Const
  std::vector<TypeSpec> types;    // Type
};

struct FuncDecl {
  Pos pos;                          // of `func`
  std::unique_ptr<FieldDecl> recv;  // null for a function
  std::unique_ptr<Ident> name;
  std::unique_ptr<FuncTypeExpr> sig;
  std::unique_ptr<BlockStmt> body;  // null: a declaration without body
  bool has_tparams = false;         // func f[T any](): refused
  // checker
  Object* obj = nullptr;           // the function (null for a method)
  TypeRef recv_type = nullptr;     // the receiver's type (T or *T)
  const Method* method = nullptr;  // the method of the receiver's named type
  int num_slots = 0;
  std::vector<Object*> params;  // receiver, params, named results, in slot order
};

struct ImportSpec {
  Pos pos;
  std::unique_ptr<Ident> name;  // null, or `.`/`_`/a rename
  std::string path;             // unquoted
  Pos path_pos;
  Object* obj = nullptr;  // checker: the package
};

struct Decl {
  enum class Kind : std::uint8_t { Gen, Func };
  Kind kind = Kind::Gen;
  std::unique_ptr<GenDecl> gen;
  std::unique_ptr<FuncDecl> func;
};

struct File {
  Pos pos;
  std::string package;
  Pos package_pos;
  std::vector<ImportSpec> imports;
  std::vector<Decl> decls;
  // checker
  int num_globals = 0;           // package-level var slots
  std::vector<Object*> globals;  // package-level vars, by slot
  // Package-level var declarations in Go's initialisation order (dependencies first).
  std::vector<const ValueSpec*> init_order;
  const FuncDecl* main = nullptr;
  std::vector<const FuncDecl*> inits;  // func init() in source order
};

// ---------------------------------------------------------------------------------------
// Statements

enum class StmtKind : std::uint8_t {
  Bad,
  Empty,
  Block,
  Expr,
  Send,
  IncDec,
  Assign,     // =, :=, op=
  VarDecl,    // DeclStmt with a var GenDecl
  ConstDecl,  // DeclStmt with a const GenDecl
  TypeDecl,   // DeclStmt with a type GenDecl
  Go,
  Defer,
  Return,
  Branch,  // break, continue, goto, fallthrough
  Labeled,
  If,
  Switch,
  TypeSwitch,
  Select,
  For,
  Range,
};

struct Stmt {
  explicit Stmt(StmtKind k, Pos p) : kind(k), pos(p) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  virtual ~Stmt() = default;
  StmtKind kind;
  Pos pos;
  bool blocks = false;  // interpreter: whether running it may block or call Go code
};
using StmtPtr = std::unique_ptr<Stmt>;

struct BadStmt final : Stmt {
  explicit BadStmt(Pos p) : Stmt(StmtKind::Bad, p) {}
};
struct EmptyStmt final : Stmt {
  explicit EmptyStmt(Pos p) : Stmt(StmtKind::Empty, p) {}
};

struct BlockStmt final : Stmt {
  explicit BlockStmt(Pos p) : Stmt(StmtKind::Block, p) {}
  std::vector<StmtPtr> list;
  Pos rbrace;
};

struct ExprStmt final : Stmt {
  explicit ExprStmt(Pos p) : Stmt(StmtKind::Expr, p) {}
  ExprPtr x;
};

struct SendStmt final : Stmt {
  explicit SendStmt(Pos p) : Stmt(StmtKind::Send, p) {}
  ExprPtr ch, value;
  Pos arrow;
};

struct IncDecStmt final : Stmt {
  explicit IncDecStmt(Pos p) : Stmt(StmtKind::IncDec, p) {}
  ExprPtr x;
  bool inc = true;
};

struct AssignStmt final : Stmt {
  explicit AssignStmt(Pos p) : Stmt(StmtKind::Assign, p) {}
  std::vector<ExprPtr> lhs;
  Tok tok = Tok::Assign;  // Assign, Define, AddAssign, ...
  Pos tok_pos;
  std::vector<ExprPtr> rhs;
  // checker, for :=: which lhs idents declare a new variable (others are assigned)
  std::vector<bool> is_new;
};

struct DeclStmt final : Stmt {  // kind VarDecl, ConstDecl or TypeDecl
  DeclStmt(StmtKind k, Pos p) : Stmt(k, p) {}
  std::unique_ptr<GenDecl> decl;
};

struct GoStmt final : Stmt {
  explicit GoStmt(Pos p) : Stmt(StmtKind::Go, p) {}
  std::unique_ptr<CallExpr> call;  // null if the operand was not a call (an error)
  ExprPtr bad;                     // the operand when it is not a call
};

struct DeferStmt final : Stmt {
  explicit DeferStmt(Pos p) : Stmt(StmtKind::Defer, p) {}
  std::unique_ptr<CallExpr> call;
  ExprPtr bad;
};

struct ReturnStmt final : Stmt {
  explicit ReturnStmt(Pos p) : Stmt(StmtKind::Return, p) {}
  std::vector<ExprPtr> results;
  bool spread = false;  // checker: return f() with f returning several values
};

struct BranchStmt final : Stmt {
  explicit BranchStmt(Pos p) : Stmt(StmtKind::Branch, p) {}
  Tok tok = Tok::Break;  // Break, Continue, Goto, Fallthrough
  std::unique_ptr<Ident> label;
  const Stmt* target = nullptr;  // checker: the for/switch/select it leaves or continues
};

struct LabeledStmt final : Stmt {
  explicit LabeledStmt(Pos p) : Stmt(StmtKind::Labeled, p) {}
  std::unique_ptr<Ident> label;
  StmtPtr stmt;
};

struct IfStmt final : Stmt {
  explicit IfStmt(Pos p) : Stmt(StmtKind::If, p) {}
  StmtPtr init;
  ExprPtr cond;
  std::unique_ptr<BlockStmt> then;
  StmtPtr els;  // null, an IfStmt or a BlockStmt
};

struct CaseClause {
  Pos pos;
  std::vector<ExprPtr> list;  // empty for default (expressions, or types in a type switch)
  bool is_default = false;
  Pos colon;
  std::vector<StmtPtr> body;
  Object* obj = nullptr;  // checker, type switch with a binding: this clause's variable
};

struct SwitchStmt final : Stmt {
  explicit SwitchStmt(Pos p) : Stmt(StmtKind::Switch, p) {}
  StmtPtr init;
  ExprPtr tag;  // null: switch { case cond: }
  std::vector<CaseClause> cases;
  Pos rbrace;
};

struct TypeSwitchStmt final : Stmt {
  explicit TypeSwitchStmt(Pos p) : Stmt(StmtKind::TypeSwitch, p) {}
  StmtPtr init;
  std::unique_ptr<Ident> binding;          // v in `switch v := x.(type)`, or null
  std::unique_ptr<TypeAssertExpr> assert;  // x.(type)
  std::vector<CaseClause> cases;           // list items are types, or the Ident nil
  Pos rbrace;
};

struct CommClause {
  enum class Kind : std::uint8_t { Send, Recv, Default };
  Pos pos;
  Kind kind = Kind::Default;
  // Send: ch <- value
  ExprPtr ch, value;
  // Recv: [lhs... (= | :=)] recv, recv being the UnaryExpr <-ch (its comma_ok set for two lhs)
  ExprPtr recv;
  std::vector<ExprPtr> lhs;  // 0, 1 or 2
  bool define = false;
  Pos colon;
  std::vector<StmtPtr> body;
};

struct SelectStmt final : Stmt {
  explicit SelectStmt(Pos p) : Stmt(StmtKind::Select, p) {}
  std::vector<CommClause> cases;
  Pos rbrace;
};

struct ForStmt final : Stmt {
  explicit ForStmt(Pos p) : Stmt(StmtKind::For, p) {}
  StmtPtr init;
  ExprPtr cond;  // null: forever
  StmtPtr post;
  std::unique_ptr<BlockStmt> body;
};

struct RangeStmt final : Stmt {
  explicit RangeStmt(Pos p) : Stmt(StmtKind::Range, p) {}
  ExprPtr key, value;  // each may be null
  bool define = false;
  Pos tok_pos;
  ExprPtr x;
  std::unique_ptr<BlockStmt> body;
  // checker: what is ranged over (underlying type of x: array, pointer to array, slice,
  // string, map, chan, or an integer (Go 1.22: refused))
  TypeRef range_type = nullptr;
};

// An expression as gc's messages quote it: `x + y`, `f(a, b)`, `T{…}`, `(func() literal)`.
[[nodiscard]] std::string expr_string(const Expr& x);

}  // namespace poolscope::golang
