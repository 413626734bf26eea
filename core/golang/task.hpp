#pragma once
// Task: the coroutine type of one interpreted Go function call. A goroutine is one
// sim::Go (the root) that awaits the Task of its function; each call awaits its
// callee's Task, so a goroutine's Go call stack is a chain of suspended coroutine
// frames and any of them may block in a sim::Runtime operation.
//
// Contract
// - A Task runs when awaited (never before), on the awaiting goroutine.
// - An exception thrown inside (a Go panic travelling up the stack) is caught at the
//   Task's end and thrown again from co_await in the caller, so panics unwind the Go
//   stack as C++ exceptions.
// - Frames come from sim's frame free list (sim/go.hpp), as goroutines' do.
#include <coroutine>
#include <exception>
#include <utility>

#include "core/sim/go.hpp"

namespace poolscope::golang {

class [[nodiscard]] Task {
 public:
  struct promise_type {
    std::coroutine_handle<> continuation;
    std::exception_ptr error;
    bool awaited_inline = false;  // the awaiter is still in await_suspend (see below)

    Task get_return_object() noexcept {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        if (h.promise().awaited_inline) return std::noop_coroutine();  // the awaiter goes on
        if (auto c = h.promise().continuation) return c;
        return std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { error = std::current_exception(); }

    static void* operator new(std::size_t size) { return sim::detail::allocate_frame(size); }
    static void operator delete(void* p, std::size_t size) noexcept {
      sim::detail::free_frame(p, size);
    }
  };
  using Handle = std::coroutine_handle<promise_type>;

  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Task& operator=(Task&&) = delete;
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() {
    if (handle_) handle_.destroy();
  }

  // Runs the task now, outside any co_await; true if it ran to its end (false: it
  // suspended, waiting on something). A panic inside is thrown from here.
  bool run_sync() {
    handle_.resume();
    if (!handle_.done()) return false;
    if (handle_.promise().error) std::rethrow_exception(handle_.promise().error);
    return true;
  }

  auto operator co_await() && noexcept {
    struct Awaiter {
      Handle callee;
      bool await_ready() noexcept { return false; }
      // Runs the callee now. If it finishes without blocking, the caller goes on at once
      // (returning false): no symmetric transfer, so a loop of calls never deepens the
      // C++ stack, which unoptimised builds would (they do not make those tail calls).
      // If it blocks, the caller waits and the callee resumes it when it ends.
      bool await_suspend(std::coroutine_handle<> caller) noexcept {
        callee.promise().continuation = caller;
        callee.promise().awaited_inline = true;
        callee.resume();
        if (callee.done()) return false;
        callee.promise().awaited_inline = false;
        return true;
      }
      void await_resume() {
        if (callee.promise().error) std::rethrow_exception(callee.promise().error);
      }
    };
    return Awaiter{handle_};
  }

 private:
  explicit Task(Handle h) noexcept : handle_(h) {}
  Handle handle_;
};

}  // namespace poolscope::golang
