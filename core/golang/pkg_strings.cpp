// Packages strings, strconv, sort, math and os: the few functions learners use, on
// lib_strings / lib_strconv / lib_math.
#include <cmath>
#include <limits>
#include "core/golang/lib_math.hpp"
#include "core/golang/lib_strconv.hpp"
#include "core/golang/lib_strings.hpp"

#include "core/golang/machine.hpp"

namespace poolscope::golang {

namespace {

std::string_view str(const Value& v) { return string_of(v); }

Value string_slice(const std::vector<std::string>& parts) {
  auto* agg = new AggregateObj;
  for (const std::string& s : parts) agg->items.push_back(make_string(s));
  Value v;
  v.obj = agg;
  v.len = v.cap = static_cast<std::uint32_t>(parts.size());
  return v;
}

std::vector<std::string> strings_of(const Value& slice) {
  std::vector<std::string> out;
  for (std::uint32_t k = 0; k < slice.len; ++k) {
    out.push_back(string_of(agg_of_cell(slice).items[static_cast<std::size_t>(slice.i) + k]));
  }
  return out;
}

Value& builder(Machine& m, const Value& ptr) {
  if (!ptr.obj) m.runtime_panic("invalid memory address or nil pointer dereference");
  return agg_of_cell(ptr).items[static_cast<std::size_t>(ptr.i)];
}

// The builder's text lives in a StringObj kept in the struct's Value::obj... the struct
// has no fields, so its aggregate is replaced by a one-item aggregate holding the text.
StringObj& builder_obj(Machine& m, const Value& ptr) {
  Value& b = builder(m, ptr);
  auto* agg = static_cast<AggregateObj*>(b.obj.get());
  if (agg == nullptr) {
    agg = new AggregateObj;
    b.obj = agg;
  }
  if (agg->items.empty()) agg->items.push_back(Value{});
  Value& text = agg->items[0];
  if (!text.obj) text.obj = new StringObj("");
  return *static_cast<StringObj*>(text.obj.get());
}
std::string& builder_text(Machine& m, const Value& ptr) { return builder_obj(m, ptr).text; }

// Appends to a Builder, within the run's memory budget.
void builder_write(Machine& m, LibCall& lc, std::string_view s) {
  m.reserve_memory(static_cast<std::int64_t>(s.size()), lc.line);
  StringObj& b = builder_obj(m, lc.recv);
  b.text += s;
  b.count(static_cast<std::int64_t>(s.size()));
}

}  // namespace

void add_strings(LibTable& t) {
  t["strings.Repeat"].plain = [](Machine& m, LibCall& lc) {
    const std::int64_t count = lc.args[1].i;
    const auto size = static_cast<std::int64_t>(str(lc.args[0]).size());
    if (count < 0) m.panic_plain_error("strings: negative Repeat count");
    if (size > 0 && count > std::numeric_limits<std::int64_t>::max() / size) {
      m.panic_plain_error("strings: Repeat count causes overflow");
    }
    m.reserve_memory(size * count, lc.line);
    lc.results = {make_string(str_repeat(str(lc.args[0]), lc.args[1].i))};
  };
  t["strings.Join"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(str_join(strings_of(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.Split"].plain = [](Machine&, LibCall& lc) {
    lc.results = {string_slice(str_split(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.Fields"].plain = [](Machine&, LibCall& lc) {
    lc.results = {string_slice(str_fields(str(lc.args[0])))};
  };
  t["strings.Contains"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_bool(str_contains(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.HasPrefix"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_bool(str_has_prefix(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.HasSuffix"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_bool(str_has_suffix(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.Index"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_int(str_index(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.Count"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_int(str_count(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.ToUpper"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(str_to_upper(str(lc.args[0])))};
  };
  t["strings.ToLower"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(str_to_lower(str(lc.args[0])))};
  };
  t["strings.TrimSpace"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(str_trim_space(str(lc.args[0])))};
  };
  t["strings.TrimPrefix"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(str_trim_prefix(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.TrimSuffix"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(str_trim_suffix(str(lc.args[0]), str(lc.args[1])))};
  };
  t["strings.ReplaceAll"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(str_replace_all(str(lc.args[0]), str(lc.args[1]), str(lc.args[2])))};
  };
  t["(*strings.Builder).WriteString"].plain = [](Machine& m, LibCall& lc) {
    builder_write(m, lc, str(lc.args[0]));
    lc.results = {Value::of_int(static_cast<std::int64_t>(str(lc.args[0]).size())), Value{}};
  };
  t["(*strings.Builder).WriteByte"].plain = [](Machine& m, LibCall& lc) {
    builder_write(m, lc, std::string(1, static_cast<char>(lc.args[0].i)));
    lc.results = {Value{}};
  };
  t["(*strings.Builder).WriteRune"].plain = [](Machine& m, LibCall& lc) {
    std::string r;
    append_rune(r, static_cast<char32_t>(lc.args[0].i));
    builder_write(m, lc, r);
    lc.results = {Value::of_int(static_cast<std::int64_t>(r.size())), Value{}};
  };
  t["(*strings.Builder).String"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {make_string(builder_text(m, lc.recv))};
  };
  t["(*strings.Builder).Len"].plain = [](Machine& m, LibCall& lc) {
    lc.results = {Value::of_int(static_cast<std::int64_t>(builder_text(m, lc.recv).size()))};
  };
  t["(*strings.Builder).Reset"].plain = [](Machine& m, LibCall& lc) {
    builder_text(m, lc.recv).clear();
  };
}

void add_strconv(LibTable& t) {
  t["strconv.Itoa"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(itoa(lc.args[0].i))};
  };
  t["strconv.FormatInt"].plain = [](Machine& m, LibCall& lc) {
    if (lc.args[1].i < 2 || lc.args[1].i > 36)
      m.panic_plain_error("strconv: illegal AppendInt/FormatInt base");
    lc.results = {make_string(format_int(lc.args[0].i, static_cast<int>(lc.args[1].i)))};
  };
  t["strconv.Quote"].plain = [](Machine&, LibCall& lc) {
    lc.results = {make_string(quote(str(lc.args[0])))};
  };
  t["strconv.Atoi"].plain = [](Machine& m, LibCall& lc) {
    const Parsed<std::int64_t> p = atoi(str(lc.args[0]));
    lc.results = {Value::of_int(p.value), p.ok() ? Value{} : m.make_error(p.error)};
  };
}

void add_math(LibTable& t) {
  t["math.Sqrt"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_sqrt(lc.args[0].f))};
  };
  t["math.Abs"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_abs(lc.args[0].f))};
  };
  t["math.Floor"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_floor(lc.args[0].f))};
  };
  t["math.Ceil"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_ceil(lc.args[0].f))};
  };
  t["math.Round"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_round(lc.args[0].f))};
  };
  t["math.Trunc"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_trunc(lc.args[0].f))};
  };
  t["math.Pow"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_pow(lc.args[0].f, lc.args[1].f))};
  };
  t["math.Mod"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_mod(lc.args[0].f, lc.args[1].f))};
  };
  t["math.Log"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(std::log(lc.args[0].f))};
  };
  t["math.Exp"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(std::exp(lc.args[0].f))};
  };
  t["math.Max"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_max(lc.args[0].f, lc.args[1].f))};
  };
  t["math.Min"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_min(lc.args[0].f, lc.args[1].f))};
  };
  t["math.Inf"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_float(math_inf(lc.args[0].i))};
  };
  t["math.NaN"].plain = [](Machine&, LibCall& lc) { lc.results = {Value::of_float(math_nan())}; };
  t["math.IsInf"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_bool(math_is_inf(lc.args[0].f, lc.args[1].i))};
  };
  t["math.IsNaN"].plain = [](Machine&, LibCall& lc) {
    lc.results = {Value::of_bool(std::isnan(lc.args[0].f))};
  };
}

void add_os(LibTable& t) { t["os.Exit"].async = Machine::os_exit; }

}  // namespace poolscope::golang
