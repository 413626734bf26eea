#pragma once
// Result<T>: a value or the list of problems that stopped it, for bad user input.
//
// - Scenario input (files, --set, GUI fields) fails with messages, never with a crash:
//   every function that reads user input returns a Result.
// - Each Error names the key (dotted path, e.g. "pool.workers"; "" for the file as a
//   whole), and a message that starts with that key and says what is allowed, e.g.
//   `pool.workers: 0 is out of range (allowed 1..10000)`.
// - value() on a failed Result is a programmer mistake and throws std::logic_error.
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace poolscope::scenario {

struct Error {
  std::string key;      // dotted key path, "" when the problem is not about one key
  std::string message;  // a full sentence for the learner, starting with the key

  friend bool operator==(const Error&, const Error&) = default;
};

// All messages, one per line (no trailing newline).
inline std::string join_messages(const std::vector<Error>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += '\n';
    out += e.message;
  }
  return out;
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::vector<Error>{std::move(error)}) {}  // NOLINT
  // errors must not be empty.
  Result(std::vector<Error> errors) : state_(std::move(errors)) {  // NOLINT
    if (std::get<1>(state_).empty()) throw std::logic_error("Result: failure without an error");
  }

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  const T& value() const& { return std::get<0>(checked()); }
  T& value() & { return std::get<0>(checked()); }
  // By value, so `const auto& v = f().value();` does not dangle.
  T value() && { return std::get<0>(std::move(checked())); }

  // Empty when ok().
  const std::vector<Error>& errors() const noexcept {
    static const std::vector<Error> kNone;
    const auto* errors = std::get_if<1>(&state_);
    return errors != nullptr ? *errors : kNone;
  }
  // Every error message, one per line; "" when ok().
  std::string message() const { return join_messages(errors()); }

 private:
  std::variant<T, std::vector<Error>>& checked() {
    if (!ok()) throw std::logic_error("Result::value() on a failure: " + message());
    return state_;
  }
  const std::variant<T, std::vector<Error>>& checked() const {
    if (!ok()) throw std::logic_error("Result::value() on a failure: " + message());
    return state_;
  }

  std::variant<T, std::vector<Error>> state_;
};

// The result of an operation that produces nothing but may fail.
struct Done {
  friend bool operator==(Done, Done) = default;
};
using Status = Result<Done>;

}  // namespace poolscope::scenario
