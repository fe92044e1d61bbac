// (s,c)-dense codes (Brisaboa et al., "(S,C)-Dense Coding", 2003): a
// byte-oriented code for ranks 0, 1, 2, ... where frequent ranks are short.
// A codeword is zero or more "continuer" bytes (values s..255) and one
// "stopper" byte (values 0..s-1), so a code stream can be decoded from any
// codeword boundary and a codeword's end is found by one comparison. The
// store codes its tokens, ranked by frequency, with it (store_builder.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lectern {

class DenseCode {
 public:
  static constexpr unsigned kMaxBytes = 4;

  // `stoppers` (s) in [1, 255]; c = 256 - s.
  explicit DenseCode(unsigned stoppers) : s_(stoppers), c_(256 - stoppers) {
    uint64_t width = s_;
    for (unsigned k = 1; k <= kMaxBytes; ++k) {
      base_[k] = base_[k - 1] + width;  // first rank of k + 1 bytes
      width *= c_;
    }
  }

  unsigned stoppers() const { return s_; }
  // Ranks below this have a codeword of at most kMaxBytes.
  uint64_t capacity() const { return base_[kMaxBytes]; }

  // Bytes of the codeword of `rank`.
  unsigned Length(uint64_t rank) const {
    unsigned k = 1;
    while (k < kMaxBytes && rank >= base_[k]) ++k;
    return k;
  }

  // Appends the codeword of `rank` (< capacity()) to `out`.
  void Append(uint64_t rank, std::string* out) const {
    const unsigned k = Length(rank);
    uint64_t j = rank - base_[k - 1];
    // Built from the stopper back, right-aligned in `bytes`.
    char bytes[kMaxBytes];
    bytes[kMaxBytes - 1] = static_cast<char>(j % s_);
    j /= s_;
    for (unsigned i = kMaxBytes - 1; i > kMaxBytes - k; --i) {
      bytes[i - 1] = static_cast<char>(s_ + j % c_);
      j /= c_;
    }
    out->append(bytes + kMaxBytes - k, k);
  }

  // Decodes one codeword at `*p` (before `end`) into `*rank` and advances
  // `*p`; false if the bytes end mid-codeword or it is longer than kMaxBytes.
  bool Next(const unsigned char** p, const unsigned char* end, uint64_t* rank) const {
    const unsigned char* q = *p;
    uint64_t x = 0;
    unsigned k = 1;
    while (q < end && *q >= s_) {
      if (k == kMaxBytes) return false;
      x = x * c_ + (*q++ - s_);
      ++k;
    }
    if (q == end) return false;
    *rank = base_[k - 1] + x * s_ + *q++;
    *p = q;
    return true;
  }

  // The number of stoppers that codes ranks with these frequencies (in
  // rank order, most frequent first) in the fewest bytes.
  static unsigned Best(const std::vector<uint64_t>& frequencies) {
    std::vector<uint64_t> prefix(frequencies.size() + 1, 0);
    for (size_t i = 0; i < frequencies.size(); ++i) prefix[i + 1] = prefix[i] + frequencies[i];
    auto sum = [&](uint64_t from, uint64_t to) {
      from = std::min<uint64_t>(from, frequencies.size());
      to = std::min<uint64_t>(to, frequencies.size());
      return prefix[to] - prefix[from];
    };
    unsigned best = 128;
    uint64_t best_bytes = UINT64_MAX;
    for (unsigned s = 1; s < 256; ++s) {
      const DenseCode code(s);
      if (code.capacity() < frequencies.size()) continue;
      uint64_t bytes = 0;
      for (unsigned k = 1; k <= kMaxBytes; ++k) bytes += k * sum(code.base_[k - 1], code.base_[k]);
      if (bytes < best_bytes) best_bytes = bytes, best = s;
    }
    return best;
  }

 private:
  unsigned s_, c_;
  uint64_t base_[kMaxBytes + 1] = {0};
};

}  // namespace lectern
