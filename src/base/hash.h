// A fast, non-cryptographic 64-bit hash of a byte string (for content
// hashes and hash tables). Stable across runs and machines: content hashes
// are stored in the index.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace lectern {

namespace hash_internal {
inline uint64_t Mix(uint64_t a, uint64_t b) {
  const __uint128_t r = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}
inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
}  // namespace hash_internal

// Eight bytes at a time through a 128-bit multiply (wyhash's mixer).
inline uint64_t Hash64(std::string_view s, uint64_t seed = 0) {
  using hash_internal::Load64;
  using hash_internal::Mix;
  constexpr uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull,
                     k2 = 0x8ebc6af09c88c6e3ull;
  uint64_t h = seed ^ k0 ^ (s.size() * k2);
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; n -= 8, p += 8) h = Mix(h ^ Load64(p), k1);
  uint64_t tail = 0;
  for (size_t i = 0; i < n; ++i)
    tail |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return Mix(h ^ tail ^ k2, k1 ^ n);
}

// For short keys held only in memory (hash tables of terms): whole-word
// loads instead of Hash64's byte loop over the tail, as wyhash does. Not
// the same values as Hash64; never store it.
inline uint64_t HashShort(std::string_view s) {
  using hash_internal::Load64;
  using hash_internal::Mix;
  const size_t n = s.size();
  if (n > 16) return Hash64(s);
  const char* p = s.data();
  auto load32 = [](const char* q) {
    uint32_t v;
    std::memcpy(&v, q, 4);
    return uint64_t{v};
  };
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = Load64(p);
    b = Load64(p + n - 8);
  } else if (n >= 4) {
    a = load32(p);
    b = load32(p + n - 4);
  } else if (n > 0) {
    a = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
        (uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) |
        static_cast<unsigned char>(p[n - 1]);
  }
  constexpr uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull;
  return Mix(a ^ k1, b ^ k0 ^ n);
}

// Whether a[0, n) == b[0, n): for the short strings terms are, a few loads
// instead of a call to memcmp.
inline bool BytesEqual(const char* a, const char* b, size_t n) {
  using hash_internal::Load64;
  if (n > 16) return std::memcmp(a, b, n) == 0;
  if (n >= 8) return ((Load64(a) ^ Load64(b)) | (Load64(a + n - 8) ^ Load64(b + n - 8))) == 0;
  if (n >= 4) {
    uint32_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 4);
    std::memcpy(&b0, b, 4);
    std::memcpy(&a1, a + n - 4, 4);
    std::memcpy(&b1, b + n - 4, 4);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n == 0) return true;
  return a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1];  // every byte of n <= 3
}

}  // namespace lectern
