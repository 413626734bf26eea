#pragma once
// Rng: the engine's own seeded random numbers and distributions.
//
// - The standard library's distributions differ between implementations, so the
//   engine never uses them: every draw here is defined bit for bit, and the same
//   seed gives the same sequence on every compiler and machine.
// - Generator: xoshiro256** seeded through splitmix64 (public-domain algorithms by
//   Blackman and Vigna).
// - keyed_uniform() is a draw that depends only on (seed, stream, key), not on how many
//   draws came before: a job's work time and arrival gap are the same whatever order
//   goroutines run in, so the exported Go program (whose scheduler orders them its own
//   way) computes the very same values with the same few lines.
#include <cstdint>

#include "core/trace/check.hpp"

namespace poolscope::sim {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1) noexcept { reseed(seed); }

  void reseed(std::uint64_t seed) noexcept;

  // Next 64 uniformly random bits.
  std::uint64_t next() noexcept;

  // Uniform integer in [0, n); n must be > 0. Unbiased (Lemire's method).
  std::uint64_t below(std::uint64_t n) noexcept;

  // Uniform integer in [lo, hi], both included; lo <= hi. Unbiased.
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept;

  // Uniform double in [0, 1) with 53 random bits.
  double uniform() noexcept;

  // Exponentially distributed with the given mean (mean >= 0).
  double exponential(double mean) noexcept;

 private:
  std::uint64_t s_[4]{};
};

// Streams of keyed_uniform(): one per kind of per-job value.
inline constexpr std::uint64_t kWorkStream = 1;     // a job's work time
inline constexpr std::uint64_t kArrivalStream = 2;  // the gap before a job arrives

// The first uniform() of an Rng seeded with seed ^ stream << 56 ^ key * 0xd1b54a32d192ed03
// (wrapping arithmetic): a uniform double in [0, 1) with 53 random bits.
double keyed_uniform(std::uint64_t seed, std::uint64_t stream, std::uint64_t key) noexcept;

}  // namespace poolscope::sim
