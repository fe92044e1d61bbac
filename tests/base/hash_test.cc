#include "base/hash.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace lectern {
namespace {

// Content hashes are stored in the index: Hash64 must never change.
TEST(Hash64, IsStable) {
  EXPECT_EQ(Hash64(""), Hash64(std::string()));
  EXPECT_EQ(Hash64("consulate"), Hash64(std::string("consulate")));
  EXPECT_NE(Hash64("consulate"), Hash64("consulate", 1));
  EXPECT_NE(Hash64("ab"), Hash64("ba"));
}

// Every length class of HashShort (0, 1-3, 4-7, 8-16, longer) separates
// keys that differ in one byte anywhere, and equal keys hash alike whatever
// memory they sit in.
TEST(HashShort, SeparatesKeysOfEveryLengthThatDifferInOneByte) {
  for (size_t n = 0; n <= 24; ++n) {
    std::string key(n, 'a');
    std::set<uint64_t> seen = {HashShort(key)};
    EXPECT_EQ(HashShort(key), HashShort(std::string(key)));
    for (size_t i = 0; i < n; ++i) {
      std::string other = key;
      other[i] = 'b';
      EXPECT_TRUE(seen.insert(HashShort(other)).second) << "length " << n << ", byte " << i;
    }
    if (n > 0) {
      EXPECT_NE(HashShort(key), HashShort(key.substr(1))) << n;
    }
  }
  EXPECT_NE(HashShort(std::string("\0", 1)), HashShort(std::string("\0\0", 2)));
}

}  // namespace
}  // namespace lectern
