#include "core/sim/go.hpp"

#include <array>
#include <cstdlib>
#include <new>

namespace poolscope::sim::detail {

namespace {

// Frames are rounded up to 64-byte classes; frames above 4 KiB go straight to malloc.
constexpr std::size_t kClassBytes = 64;
constexpr std::size_t kClasses = 64;

struct FreeNode {
  FreeNode* next;
};

struct FramePool {
  std::array<FreeNode*, kClasses> heads{};
  ~FramePool() {
    for (FreeNode*& head : heads) {
      while (head != nullptr) std::free(std::exchange(head, head->next));
    }
  }
};

thread_local FramePool pool;

std::size_t class_of(std::size_t size) noexcept { return (size + kClassBytes - 1) / kClassBytes; }

}  // namespace

void* allocate_frame(std::size_t size) {
  const std::size_t c = class_of(size);
  if (c < kClasses) {
    if (FreeNode* node = pool.heads[c]) {
      pool.heads[c] = node->next;
      return node;
    }
    size = c * kClassBytes;
  }
  void* p = std::malloc(size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void free_frame(void* p, std::size_t size) noexcept {
  const std::size_t c = class_of(size);
  if (c < kClasses) {
    auto* node = static_cast<FreeNode*>(p);
    node->next = pool.heads[c];
    pool.heads[c] = node;
    return;
  }
  std::free(p);
}

}  // namespace poolscope::sim::detail
