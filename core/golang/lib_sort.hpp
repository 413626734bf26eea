#pragma once
// Go 1.19's sort algorithms (src/sort/zsortfunc.go), step for step, so that a program's
// sort calls its less function in Go's order and leaves equal elements where Go leaves
// them: sort.Slice (pattern-defeating quicksort, unstable) and sort.SliceStable
// (insertion-sorted blocks of 20 merged by SymMerge).
//
// Contract
// - `less(i, j)` and `swap(i, j)` work on the live sequence by index, as Go's lessSwap:
//   less sees the elements the sort has moved so far.
// - go_sort(less, swap, n) is sort.Slice's pdqsort_func(data, 0, n, bits.Len(n));
//   go_stable(less, swap, n) is sort.SliceStable's stable_func(data, n).
#include <bit>
#include <cstdint>
#include <tuple>
#include <utility>

namespace poolscope::golang {

namespace go_sort_detail {

enum class Hint : std::uint8_t { Unknown, Increasing, Decreasing };

template <class L, class S>
struct Data {
  L& less;
  S& swap;
};

template <class D>
void insertion_sort(D& d, std::int64_t a, std::int64_t b) {
  for (std::int64_t i = a + 1; i < b; ++i) {
    for (std::int64_t j = i; j > a && d.less(j, j - 1); --j) d.swap(j, j - 1);
  }
}

template <class D>
void sift_down(D& d, std::int64_t lo, std::int64_t hi, std::int64_t first) {
  std::int64_t root = lo;
  for (;;) {
    std::int64_t child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) ++child;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

template <class D>
void heap_sort(D& d, std::int64_t a, std::int64_t b) {
  const std::int64_t first = a;
  const std::int64_t hi = b - a;
  for (std::int64_t i = (hi - 1) / 2; i >= 0; --i) sift_down(d, i, hi, first);
  for (std::int64_t i = hi - 1; i >= 0; --i) {
    d.swap(first, first + i);
    sift_down(d, 0, i, first);
  }
}

template <class D>
std::pair<std::int64_t, bool> partition(D& d, std::int64_t a, std::int64_t b, std::int64_t pivot) {
  d.swap(a, pivot);
  std::int64_t i = a + 1;
  std::int64_t j = b - 1;
  while (i <= j && d.less(i, a)) ++i;
  while (i <= j && !d.less(j, a)) --j;
  if (i > j) {
    d.swap(j, a);
    return {j, true};
  }
  d.swap(i, j);
  ++i;
  --j;
  for (;;) {
    while (i <= j && d.less(i, a)) ++i;
    while (i <= j && !d.less(j, a)) --j;
    if (i > j) break;
    d.swap(i, j);
    ++i;
    --j;
  }
  d.swap(j, a);
  return {j, false};
}

template <class D>
std::int64_t partition_equal(D& d, std::int64_t a, std::int64_t b, std::int64_t pivot) {
  d.swap(a, pivot);
  std::int64_t i = a + 1;
  std::int64_t j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) ++i;
    while (i <= j && d.less(a, j)) --j;
    if (i > j) break;
    d.swap(i, j);
    ++i;
    --j;
  }
  return i;
}

template <class D>
bool partial_insertion_sort(D& d, std::int64_t a, std::int64_t b) {
  constexpr int kMaxSteps = 5;
  constexpr std::int64_t kShortestShifting = 50;
  std::int64_t i = a + 1;
  for (int step = 0; step < kMaxSteps; ++step) {
    while (i < b && !d.less(i, i - 1)) ++i;
    if (i == b) return true;
    if (b - a < kShortestShifting) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) {  // shift the smaller one to the left
      for (std::int64_t j = i - 1; j >= 1; --j) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {  // shift the greater one to the right
      for (std::int64_t j = i + 1; j < b; ++j) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
  }
  return false;
}

inline int bits_len(std::uint64_t x) { return 64 - std::countl_zero(x); }

template <class D>
void break_patterns(D& d, std::int64_t a, std::int64_t b) {
  const std::int64_t length = b - a;
  if (length < 8) return;
  auto random = static_cast<std::uint64_t>(length);  // Go's xorshift, seeded with length
  const std::uint64_t modulus = std::uint64_t{1} << bits_len(static_cast<std::uint64_t>(length));
  for (std::int64_t idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; ++idx) {
    random ^= random << 13;
    random ^= random >> 17;
    random ^= random << 5;
    auto other = static_cast<std::int64_t>(random & (modulus - 1));
    if (other >= length) other -= length;
    d.swap(idx, a + other);
  }
}

template <class D>
std::pair<std::int64_t, std::int64_t> order2(D& d, std::int64_t a, std::int64_t b, int& swaps) {
  if (d.less(b, a)) {
    ++swaps;
    return {b, a};
  }
  return {a, b};
}

template <class D>
std::int64_t median(D& d, std::int64_t a, std::int64_t b, std::int64_t c, int& swaps) {
  std::tie(a, b) = order2(d, a, b, swaps);
  std::tie(b, c) = order2(d, b, c, swaps);
  std::tie(a, b) = order2(d, a, b, swaps);
  (void)c;
  return b;
}

template <class D>
std::pair<std::int64_t, Hint> choose_pivot(D& d, std::int64_t a, std::int64_t b) {
  constexpr std::int64_t kShortestNinther = 50;
  constexpr int kMaxSwaps = 4 * 3;
  const std::int64_t l = b - a;
  int swaps = 0;
  std::int64_t i = a + l / 4 * 1;
  std::int64_t j = a + l / 4 * 2;
  std::int64_t k = a + l / 4 * 3;
  if (l >= 8) {
    if (l >= kShortestNinther) {  // Tukey's ninther
      i = median(d, i - 1, i, i + 1, swaps);
      j = median(d, j - 1, j, j + 1, swaps);
      k = median(d, k - 1, k, k + 1, swaps);
    }
    j = median(d, i, j, k, swaps);
  }
  if (swaps == 0) return {j, Hint::Increasing};
  if (swaps == kMaxSwaps) return {j, Hint::Decreasing};
  return {j, Hint::Unknown};
}

template <class D>
void reverse_range(D& d, std::int64_t a, std::int64_t b) {
  for (std::int64_t i = a, j = b - 1; i < j; ++i, --j) d.swap(i, j);
}

template <class D>
void pdqsort(D& d, std::int64_t a, std::int64_t b, int limit) {
  constexpr std::int64_t kMaxInsertion = 12;
  bool was_balanced = true;
  bool was_partitioned = true;
  for (;;) {
    const std::int64_t length = b - a;
    if (length <= kMaxInsertion) {
      insertion_sort(d, a, b);
      return;
    }
    if (limit == 0) {
      heap_sort(d, a, b);
      return;
    }
    if (!was_balanced) {
      break_patterns(d, a, b);
      --limit;
    }
    auto [pivot, hint] = choose_pivot(d, a, b);
    if (hint == Hint::Decreasing) {
      reverse_range(d, a, b);
      pivot = (b - 1) - (pivot - a);
      hint = Hint::Increasing;
    }
    if (was_balanced && was_partitioned && hint == Hint::Increasing &&
        partial_insertion_sort(d, a, b)) {
      return;
    }
    if (a > 0 && !d.less(a - 1, pivot)) {  // many duplicates: equal ones first
      a = partition_equal(d, a, b, pivot);
      continue;
    }
    const auto [mid, already_partitioned] = partition(d, a, b, pivot);
    was_partitioned = already_partitioned;
    const std::int64_t left = mid - a;
    const std::int64_t right = b - mid;
    const std::int64_t balance_threshold = length / 8;
    if (left < right) {
      was_balanced = left >= balance_threshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      was_balanced = right >= balance_threshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

template <class D>
void swap_range(D& d, std::int64_t a, std::int64_t b, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) d.swap(a + i, b + i);
}

template <class D>
void rotate(D& d, std::int64_t a, std::int64_t m, std::int64_t b) {
  std::int64_t i = m - a;
  std::int64_t j = b - m;
  while (i != j) {
    if (i > j) {
      swap_range(d, m - i, m, j);
      i -= j;
    } else {
      swap_range(d, m - i, m + j - i, i);
      j -= i;
    }
  }
  swap_range(d, m - i, m, i);
}

template <class D>
void sym_merge(D& d, std::int64_t a, std::int64_t m, std::int64_t b) {
  if (m - a == 1) {  // insert data[a] into data[m:b]
    std::int64_t i = m;
    std::int64_t j = b;
    while (i < j) {
      const std::int64_t h = static_cast<std::int64_t>(static_cast<std::uint64_t>(i + j) >> 1);
      if (d.less(h, a)) {
        i = h + 1;
      } else {
        j = h;
      }
    }
    for (std::int64_t k = a; k < i - 1; ++k) d.swap(k, k + 1);
    return;
  }
  if (b - m == 1) {  // insert data[m] into data[a:m]
    std::int64_t i = a;
    std::int64_t j = m;
    while (i < j) {
      const std::int64_t h = static_cast<std::int64_t>(static_cast<std::uint64_t>(i + j) >> 1);
      if (!d.less(m, h)) {
        i = h + 1;
      } else {
        j = h;
      }
    }
    for (std::int64_t k = m; k > i; --k) d.swap(k, k - 1);
    return;
  }
  const std::int64_t mid = static_cast<std::int64_t>(static_cast<std::uint64_t>(a + b) >> 1);
  const std::int64_t n = mid + m;
  std::int64_t start = m > mid ? n - b : a;
  std::int64_t r = m > mid ? mid : m;
  const std::int64_t p = n - 1;
  while (start < r) {
    const std::int64_t c = static_cast<std::int64_t>(static_cast<std::uint64_t>(start + r) >> 1);
    if (!d.less(p - c, c)) {
      start = c + 1;
    } else {
      r = c;
    }
  }
  const std::int64_t end = n - start;
  if (start < m && m < end) rotate(d, start, m, end);
  if (a < start && start < mid) sym_merge(d, a, start, mid);
  if (mid < end && end < b) sym_merge(d, mid, end, b);
}

}  // namespace go_sort_detail

template <class L, class S>
void go_sort(L less, S swap, std::int64_t n) {
  go_sort_detail::Data<L, S> d{less, swap};
  go_sort_detail::pdqsort(d, 0, n, go_sort_detail::bits_len(static_cast<std::uint64_t>(n)));
}

template <class L, class S>
void go_stable(L less, S swap, std::int64_t n) {
  go_sort_detail::Data<L, S> d{less, swap};
  std::int64_t block = 20;
  std::int64_t a = 0;
  std::int64_t b = block;
  while (b <= n) {
    go_sort_detail::insertion_sort(d, a, b);
    a = b;
    b += block;
  }
  go_sort_detail::insertion_sort(d, a, n);
  while (block < n) {
    a = 0;
    b = 2 * block;
    while (b <= n) {
      go_sort_detail::sym_merge(d, a, a + block, b);
      a = b;
      b += 2 * block;
    }
    if (const std::int64_t m = a + block; m < n) go_sort_detail::sym_merge(d, a, m, n);
    block *= 2;
  }
}

}  // namespace poolscope::golang
