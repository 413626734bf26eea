#include "core/sim/rng.hpp"

#include <cmath>

namespace poolscope::sim {

namespace {
std::uint64_t splitmix64(std::uint64_t& x) noexcept {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
__extension__ using U128 = unsigned __int128;  // GCC/Clang extension
std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
}  // namespace

void Rng::reseed(std::uint64_t seed) noexcept {
  for (auto& word : s_) word = splitmix64(seed);
}

std::uint64_t Rng::next() noexcept {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t Rng::below(std::uint64_t n) noexcept {
  // Lemire's nearly-divisionless method: multiply, reject the biased low range.
  U128 m = static_cast<U128>(next()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<U128>(next()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) noexcept {
  POOLSCOPE_CHECK(lo <= hi, "between needs lo <= hi");
  // The span is computed in unsigned arithmetic, where it cannot overflow; it is 0 only
  // for the full 64-bit range.
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  const std::uint64_t offset = span == 0 ? next() : below(span);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
}

double Rng::uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::exponential(double mean) noexcept {
  // Inverse transform; 1 - u lies in (0, 1], so the log is finite.
  return -mean * std::log(1.0 - uniform());
}

double keyed_uniform(std::uint64_t seed, std::uint64_t stream, std::uint64_t key) noexcept {
  Rng rng(seed ^ (stream << 56) ^ (key * 0xd1b54a32d192ed03ULL));
  return rng.uniform();
}

}  // namespace poolscope::sim
