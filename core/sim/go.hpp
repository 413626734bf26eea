#pragma once
// Go: the C++20 coroutine type of a simulated Go function.
//
//   sim::Go worker(sim::Runtime& rt, int id, sim::Chan jobs, sim::Chan results) {
//     while (auto j = co_await rt.recv(jobs, 12)) {      // for j := range jobs
//       co_await rt.send(results, j.value * 2, 13);      //   results <- j * 2
//     }
//   }
//   rt.spawn("worker", 1, worker(rt, 1, jobs, results), 20);  // go worker(1, ...)
//
// Contract
// - A Go does nothing until it is given to Runtime::spawn (it becomes a goroutine) or
//   awaited inside another Go (`co_await helper(rt, ...)`: an ordinary function call
//   on the same goroutine, which may block like its caller).
// - Write Go functions as free functions (or static members) taking parameters by
//   value (Runtime by reference). A lambda coroutine with captures dangles once the
//   lambda object is gone: don't.
// - An exception escaping a Go function is a bug in the C++ program: std::terminate.
//   Faults of the simulated program (panics) never throw.
// - Frames are recycled through a small per-thread free list, so spawning goroutine
//   after goroutine does not return memory to malloc each time.
#include <coroutine>
#include <cstddef>
#include <exception>
#include <utility>

namespace poolscope::sim {

namespace detail {
// Size-class free list for coroutine frames (per thread).
void* allocate_frame(std::size_t size);
void free_frame(void* p, std::size_t size) noexcept;
}  // namespace detail

class [[nodiscard]] Go {
 public:
  struct promise_type {
    std::coroutine_handle<> continuation;  // the caller when awaited; null when spawned

    Go get_return_object() noexcept {
      return Go(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }

    struct FinalAwaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        // Return to the caller (symmetric transfer); a spawned goroutine's frame stays
        // suspended at its end until the runtime frees it.
        if (auto c = h.promise().continuation) return c;
        return std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    [[noreturn]] void unhandled_exception() noexcept { std::terminate(); }

    static void* operator new(std::size_t size) { return detail::allocate_frame(size); }
    static void operator delete(void* p, std::size_t size) noexcept { detail::free_frame(p, size); }
  };
  using Handle = std::coroutine_handle<promise_type>;

  Go(Go&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Go& operator=(Go&& other) noexcept {
    if (this != &other) {
      destroy();
      handle_ = std::exchange(other.handle_, {});
    }
    return *this;
  }
  Go(const Go&) = delete;
  Go& operator=(const Go&) = delete;
  ~Go() { destroy(); }

  // Awaiting a Go calls it: it runs now, on the awaiting goroutine, and the caller
  // continues when it returns.
  auto operator co_await() && noexcept {
    struct Awaiter {
      Handle callee;
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept {
        callee.promise().continuation = caller;
        return callee;
      }
      void await_resume() noexcept {}
    };
    return Awaiter{handle_};
  }

  // Hands the frame over (to the runtime). The Go is empty afterwards.
  Handle release() noexcept { return std::exchange(handle_, {}); }
  [[nodiscard]] bool valid() const noexcept { return static_cast<bool>(handle_); }

 private:
  explicit Go(Handle h) noexcept : handle_(h) {}
  void destroy() noexcept {
    if (handle_) handle_.destroy();
    handle_ = {};
  }
  Handle handle_;
};

}  // namespace poolscope::sim
