#pragma once
// The interpreter's insides, shared by interp*.cpp and the library files (lib_*.cpp).
// Not API: callers use interp.hpp.
//
// Index
//   [SECTION] Run-time objects: functions, channels, panics
//   [SECTION] Program: a checked file, prepared to run
//   [SECTION] Frames and control flow
//   [SECTION] Library calls
//   [SECTION] Machine
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/golang/ast.hpp"
#include "core/golang/check.hpp"
#include "core/golang/interp.hpp"
#include "core/golang/lib_fmt.hpp"
#include "core/golang/task.hpp"
#include "core/golang/types.hpp"
#include "core/golang/value.hpp"
#include "core/sim/rng.hpp"
#include "core/sim/runtime.hpp"

namespace poolscope::golang {

// [SECTION] Run-time objects ---------------------------------------------------------

// A function value: a function of package main, a closure (with the cells of the
// variables it captured), a method value bound to its receiver, or a library function.
struct FuncObj final : HeapObject {
  const FuncDecl* decl = nullptr;
  const FuncLit* lit = nullptr;
  std::vector<Ref<AggregateObj>> cells;  // lit: its captures, in FuncInfo order
  bool bound = false;                    // a method value: recv is the receiver
  Value recv;
  std::string lib;  // a library function or method value
  void drop_refs() noexcept override {
    std::vector<Ref<AggregateObj>>().swap(cells);
    recv = Value{};
  }
};

struct ChanObj final : HeapObject {
  ChanObj(sim::Chan c, TypeRef e) : ch(c), elem(e) {}
  sim::Chan ch;
  TypeRef elem;
  bool closed = false;
};

// A Go panic travelling up a goroutine's stack (thrown as a C++ exception).
struct GoPanic {
  TypeRef type = nullptr;  // the panic value's dynamic type (null: panic(nil))
  Value value;
  bool runtime_error = false;     // a runtime.Error (index out of range, nil map, ...)
  std::string earlier;            // "panic: first [recovered]\n\t" chains, as Go prints them
  bool recovered_marker = false;  // re-panicked with the value recovered: " [recovered]"
  int line = 0;                   // where it was raised
  std::string func = "main";      // in which function (Go's name)
};
// The program is over for this goroutine (main returned, os.Exit, a fatal error, a
// limit): unwinds it without running deferred calls.
struct GoAbort {};

// [SECTION] Program ------------------------------------------------------------------

// What the interpreter knows of each function (FuncDecl or FuncLit).
struct FuncInfo {
  const void* key = nullptr;  // the FuncDecl, FuncLit (or File for package level)
  std::string name;           // "main", "worker", "(*T).Add", "main.func1"
  std::string display;        // a goroutine running it: "worker", "main:12" for a closure
  int num_slots = 0;
  std::vector<const Object*> captures;  // FuncLit: variables of enclosing functions
  TypeRef sig = nullptr;
  const std::vector<Object*>* params = nullptr;
  const BlockStmt* body = nullptr;
  bool has_recv = false;
  bool named_results = false;
};

class Program {
 public:
  std::string source;
  std::unique_ptr<TypeTable> types;
  CheckResult checked;
  std::vector<Value> constants;                     // Expr::interp of a constant expression
  std::unordered_map<const void*, FuncInfo> funcs;  // by FuncDecl* / FuncLit*
  std::unordered_map<const Method*, const FuncDecl*> methods;
  // Types the library makes at run time (error values, contexts, timers).
  TypeRef error_string = nullptr;    // *errors.errorString
  TypeRef wrap_error = nullptr;      // *fmt.wrapError
  TypeRef runtime_error = nullptr;   // runtime.Error's dynamic type (a named string)
  TypeRef context_impl = nullptr;    // *context.cancelCtx
  TypeRef deadline_error = nullptr;  // context.deadlineExceededError

  [[nodiscard]] const File& file() const { return *checked.file; }
  [[nodiscard]] const FuncInfo& info(const void* fn) const { return funcs.at(fn); }
};

// Prepares a checked file: function infos, captures, constants, blocking flags.
void prepare_program(Program& p);
// The direct sub-expressions of e that may block, in evaluation order.
void blocking_children(const Expr& e, std::vector<const Expr*>& out);
// Decodes the UTF-8 rune at s[i]; `width` is its length (1 for a bad byte: U+FFFD).
std::int64_t decode_rune(std::string_view s, std::size_t i, std::size_t& width);
std::string encode_rune(std::int64_t r);

// [SECTION] Frames and control flow --------------------------------------------------

struct Deferred {
  Value fn;  // FuncObj
  std::vector<Value> args;
  std::string lib;  // a deferred library call (wg.Done(), mu.Unlock(), close(ch), ...)
  const CallExpr* call = nullptr;
  Value recv;
  int line = 0;
};

struct Frame {
  const FuncInfo* fn = nullptr;
  std::vector<Value> slots;
  const std::vector<Ref<AggregateObj>>* cells = nullptr;  // a closure's captures
  std::vector<Deferred> defers;
  std::vector<Value> results;     // the function's results (named ones live in slots)
  GoPanic* panicking = nullptr;   // while deferred calls run for a panic
  bool recovered = false;         // a deferred call recovered the panic
  Frame* defer_parent = nullptr;  // a deferred call: the frame whose defers run (recover)
  int line = 0;                   // the line running now
  int depth = 0;  // Go calls below it on its goroutine (a stack overflow past kMaxDepth)
  // Values of blocking sub-expressions, computed before the plain evaluation of their
  // parent (eval_async), consumed by eval.
  std::vector<std::pair<const Expr*, Value>> ready;
};

enum class Flow : std::uint8_t { Normal, Break, Continue, Return, Fallthrough };
struct Control {
  Flow flow = Flow::Normal;
  const Stmt* target = nullptr;  // Break/Continue: the loop, switch or select
};

// A place a value can be stored: a slot, a cell or an aggregate's item (`at`), or a map
// entry (`map`, `key`), or nowhere (`_`).
struct Place {
  Value* at = nullptr;
  Ref<HeapObject> keep;    // keeps the container of `at` alive
  std::int64_t index = 0;  // of `at` in its container (for &x)
  MapObj* map = nullptr;
  bool nil_map = false;  // storing panics
  Value key;
  TypeRef type = nullptr;
};

inline AggregateObj& agg_of_cell(const Value& v) {
  return *static_cast<AggregateObj*>(v.obj.get());
}

// [SECTION] Library calls ------------------------------------------------------------

class Machine;
struct LibCall {
  const CallExpr* call = nullptr;
  Value recv;  // methods: the receiver (a pointer for pointer receivers)
  std::vector<Value> args;
  std::vector<TypeRef> arg_types;  // static types of args (after conversion to params)
  std::vector<Value> results;
  int line = 0;
};
using PlainLib = void (*)(Machine&, LibCall&);
using AsyncLib = Task (*)(Machine&, LibCall&);
struct LibFunc {
  PlainLib plain = nullptr;
  AsyncLib async = nullptr;  // set when the call may block
};
// Every library function and method, by qualified name ("fmt.Println",
// "(*sync.WaitGroup).Add"). Each lib_*.cpp adds its package.
using LibTable = std::unordered_map<std::string, LibFunc>;
const LibTable& library();
void add_fmt(LibTable& t);
void add_errors(LibTable& t);
void add_time(LibTable& t);
void add_sync(LibTable& t);
void add_atomic(LibTable& t);
void add_context(LibTable& t);
void add_errgroup(LibTable& t);
void add_runtime(LibTable& t);
void add_rand(LibTable& t);
void add_strings(LibTable& t);
void add_strconv(LibTable& t);
void add_sort(LibTable& t);
void add_math(LibTable& t);
void add_os(LibTable& t);

// [SECTION] Machine ------------------------------------------------------------------

class Machine final : public StateCopier {
 public:
  Machine(std::shared_ptr<const Program> program, sim::Runtime& rt, GoRunOptions options);
  ~Machine() override;

  HeapScope heap_scope;  // first, so that it ends last: cycles go once the run is over

  // copy_value with Go's copy of a sync object's state (a WaitGroup or mutex of its own);
  // inside the machine it hides the free function, which would share the state.
  Value copy_value(TypeRef t, const Value& v) { return golang::copy_value(t, v, this); }
  std::int64_t copy_state(TypeRef t, std::int64_t id) override;  // pkg_sync.cpp

  const Program& prog;
  std::shared_ptr<const Program> program_ref;
  sim::Runtime& rt;
  GoRunOptions options;
  TypeTable& types;
  std::vector<Value> globals;
  sim::Rng map_rng;
  sim::Rng rand_rng;
  std::string stdout_text;
  std::string stderr_text;
  bool main_done = false;  // main returned or the program ended: no more output
  bool over = false;
  GoOutcome outcome = GoOutcome::Completed;
  int exit_code = 0;
  std::string stop_message;
  std::uint64_t steps = 0;
  std::size_t peak = 1;
  trace::Time end_time = -1;
  std::map<std::string, std::int64_t> spawn_counts;   // per goroutine name
  std::vector<sim::Context> contexts;                 // by id
  std::unordered_map<std::int64_t, Value> in_flight;  // values in channels, by handle
  std::int64_t next_handle = 1;
  Value canceled_err;
  Value deadline_err;
  TypeRef time_elem = nullptr;     // time.Time
  std::vector<sim::Timer> timers;  // *time.Timer and *time.Ticker, by Value::i - 1
  std::vector<int> after_funcs;    // AfterFunc: 0 pending, 1 stopped, 2 fired
  std::optional<GoPanic> pending_panic;
  std::vector<Ref<AggregateObj>> context_cells;  // identity of each context value
  std::vector<Value> done_chans;                 // ctx.Done() of each context (made once)
  struct Group {                                 // an errgroup.Group
    sim::WaitGroup wg;
    sim::Chan sem;  // SetLimit's tokens (nil: no limit)
    Value err;
    bool has_err = false;
    std::size_t context = 0;  // WithContext's context (0: none)
  };
  std::vector<Group> groups;
  std::string pending_chan_name;  // the variable a make(chan) is stored in

  // Library helpers.
  FmtHooks fmt_hooks();
  // Runs Go code to its end at once, outside the scheduler (fmt's String()/Error(),
  // sort.Slice's less): a call that blocks there is a fatal error.
  void run_to_end(Task task);
  bool call_sync(TypeRef t, const Value& v, std::string_view method, std::vector<Value>& results);
  void call_value_sync(const Value& fn, std::vector<Value> args, std::vector<Value>& results);
  static Task os_exit(Machine& m, LibCall& lc);
  [[noreturn]] void panic_plain_error(std::string message);  // a runtime.Error, text as given
  std::string print_text(TypeRef t, const Value& v);
  Value append(TypeRef slice_type, Value s, const std::vector<Value>& items);
  Value convert_value(TypeRef to, TypeRef from, const Value& v);

  // Output.
  void write(bool is_stderr, std::string_view text);
  // Counts a step; past the budget, stops the program. Every 1024 steps it also checks the memory
  // held: allocations check before they grow (reserve_memory), so this only catches what grew
  // elsewhere (fmt's strings, say).
  void step(int line) {
    if (++steps > options.max_steps) stop_budget(line);
    if ((steps & 1023) == 0 && t_held_bytes > options.max_memory) stop_memory(line);
  }
  [[noreturn]] void stop_budget(int line);
  // Before an allocation of `bytes` more: past the memory budget, stops the program.
  void reserve_memory(std::int64_t bytes, int line) {
    if (bytes > options.max_memory - t_held_bytes) stop_memory(line);
  }
  [[noreturn]] void stop_memory(int line);
  // Ends the program: os.Exit, an unrecovered panic, a fatal error.
  void finish(GoOutcome o, int code);

  // Goroutines.
  sim::Go main_goroutine();
  // A fatal error ("fatal error: ..."): the program ends with exit code 2, unrecoverable.
  [[noreturn]] void fatal(std::string_view message);

  // Calls (interp_call.cpp).
  struct Pending {  // the callee and arguments of a `go` or `defer`, evaluated
    Value fn;
    std::vector<Value> args;
    std::string lib;
    Value recv;
    const CallExpr* builtin = nullptr;
    std::string name;
    int line = 0;
  };
  Pending pending_call(const CallExpr& c, Frame& f);
  std::string goroutine_name(const CallExpr& c, const Pending& p) const;
  void go_stmt_plain(const CallExpr& c, Frame& f);
  void defer_stmt(const CallExpr& c, Frame& f);
  void run_builtin_deferred(Deferred& d, Frame& f);
  void spawn(Pending p, int line);
  sim::Go goroutine(Pending p);
  Task init_package();
  Task die(const GoPanic& p);
  void bind_args(const CallExpr& c, TypeRef sig, std::vector<Value>& values);
  Task run_defers(Frame& f, std::optional<GoPanic>& panicking);
  [[noreturn]] void fatal_stack_overflow();
  Frame* next_defer_parent = nullptr;
  // Where the statement running now is (for panic and fatal error messages).
  int running_line = 0;
  const FuncInfo* running_fn = nullptr;
  // A panic raised here: its value, and where.
  [[noreturn]] void raise(GoPanic p);
  int next_depth = 0;  // the depth of the next call_func's frame (set by its caller)
  Task call(const Value& fn, std::vector<Value> args, std::vector<Value>& results, int line);
  Task call_func(const FuncInfo& info, const FuncObj* closure, Value* recv, std::vector<Value> args,
                 std::vector<Value>& results);
  Task call_expr(const CallExpr& c, Frame& f, Value& out);
  Task call_lib(const std::string& name, LibCall& lc);
  std::optional<std::string> call_method_sync(TypeRef t, const Value& v, std::string_view method);
  Task call_method(TypeRef dyn, const Value& recv, std::string_view name, std::vector<Value> args,
                   std::vector<Value>& results, int line);

  // Statements (interp_stmt.cpp).
  void declare(const Object& o, Frame& f, Value v);
  void flatten(const std::vector<ExprPtr>& rhs, std::vector<Value>& values,
               std::vector<TypeRef>& types_out, std::size_t wanted);
  void assign(const AssignStmt& s, Frame& f, std::vector<Value>& values);
  void assign_one(const AssignStmt& s, Frame& f);
  void var_decl(const GenDecl& d, Frame& f, std::vector<Value>& values);
  static std::vector<std::pair<const Expr*, std::string>> decl_values(const GenDecl& d);
  static int default_clause(const std::vector<CaseClause>& cases);
  bool case_matches(const SwitchStmt& s, const Value& tag, const Expr& e, const Value& v);
  const CaseClause* type_switch_pick(const TypeSwitchStmt& x, const Value& v, Frame& f);
  void type_switch_body(const TypeSwitchStmt& x, const Value& v, Frame& f, Control& c);
  void set_results(const ReturnStmt& r, Frame& f, std::vector<Value>& values);
  Task exec_switch(const SwitchStmt& x, Frame& f, Control& c);
  Task loop_turn(const BlockStmt& body, Frame& f, Control& c, int line);
  bool for_turns_plain(const ForStmt& x, Frame& f, Control& c);
  Task exec_for(const ForStmt& x, Frame& f, Control& c);
  void range_assign(const RangeStmt& x, Frame& f, Value key, Value value, bool first);
  Task exec_range(const RangeStmt& x, Frame& f, Control& c);
  Task exec_select(const SelectStmt& x, Frame& f, Control& c);
  Task exec_block(const std::vector<StmtPtr>& list, Frame& f, Control& c);
  Task exec_async(const Stmt& s, Frame& f, Control& c);
  void exec_plain(const Stmt& s, Frame& f, Control& c);
  void exec_list_plain(const std::vector<StmtPtr>& list, Frame& f, Control& c);

  // Expressions (interp_expr.cpp).
  Value eval(const Expr& e, Frame& f);
  Task eval_async(const Expr& e, Frame& f, Value& out);
  Task eval_all(const std::vector<ExprPtr>& list, Frame& f, std::vector<Value>& out);
  Value eval_call_plain(const CallExpr& c, Frame& f);
  Place place(const Expr& e, Frame& f);
  // The slot of a local variable that lives in its frame (not captured, not addressed,
  // not global); null for any other expression.
  Value* local_slot(const Expr& e, Frame& f);
  Value* var_ref(const Object& o, const Ident& id, Frame& f, Ref<HeapObject>* keep);
  void store(Place& p, const Value& v);
  Value load(const Place& p);
  Value convert_to(TypeRef to, TypeRef from, Value v);
  Value make_closure(const FuncLit& lit, Frame& f);
  Value func_value(const FuncDecl& d);
  Value deref(const Value& ptr, int line);
  Value eval_selector(const SelectorExpr& s, Frame& f);
  Value eval_index(const IndexExpr& x, Frame& f);
  Value eval_slice(const SliceExpr& x, Frame& f);
  Value eval_assert(const TypeAssertExpr& x, Frame& f);
  Value eval_unary(const UnaryExpr& u, Frame& f);
  Value eval_composite(const CompositeLit& lit, TypeRef type, Frame& f);
  Value element(const Expr& e, TypeRef type, Frame& f);
  Value binary(const BinaryExpr& b, const Value& x, const Value& y);
  Value arith(Tok op, TypeRef type, const Value& x, const Value& y);
  Value receiver(const SelectorExpr& s, Frame& f);
  Value method_receiver(TypeRef t, Value v, Value addr, const std::vector<int>& path,
                        bool pointer_recv, bool keep_as_is);
  const Method* find_dynamic_method(TypeRef t, const Value& v, std::string_view name, Value& recv,
                                    TypeRef& recv_type);
  Value builtin(const CallExpr& c, std::vector<Value>& args, Frame& f);
  void check_comparable(const Value& v);
  [[nodiscard]] bool implements(TypeRef dyn, TypeRef iface) const;
  Task receive(const Value& ch, TypeRef elem, bool comma_ok, int line, Value& out);
  Task send(const Value& ch, TypeRef elem, Value v, int line);
  // A library package variable (os.Args, context.Canceled): a cell.
  Ref<HeapObject> globals_lib(const std::string& name);
  std::unordered_map<std::string, Ref<HeapObject>> lib_vars;
  // The FuncDecl of a method of package main.
  [[nodiscard]] const FuncDecl* method_decl(const Method* m) const;

  // Values.
  // panic(runtime error): "runtime error: " + message, a runtime.Error.
  [[noreturn]] void runtime_panic(const std::string& message);
  Value make_error(std::string message);                     // errors.New
  Value new_pointer(TypeRef elem, const Value& v);           // &v in a fresh cell
  std::int64_t put_in_flight(TypeRef elem, const Value& v);  // a value into a channel
  Value take_in_flight(TypeRef elem, std::int64_t bits);
  Value make_chan(TypeRef t, std::int64_t cap, std::string_view name, int line);
  std::string panic_text(const GoPanic& p);
};

// Values (interp_value.cpp).
[[nodiscard]] Value wrap_int(Kind k, std::int64_t v) noexcept;  // to the width of k
[[nodiscard]] bool values_equal(TypeRef t, const Value& a, const Value& b);
[[nodiscard]] Value constant_value(TypeRef t, const Constant& c);
[[nodiscard]] bool is_tuple_result(const Expr& e);

}  // namespace poolscope::golang
