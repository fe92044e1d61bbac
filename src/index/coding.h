// Byte-level encodings of the index files: little-endian fixed-width
// integers and LEB128 varints. Decoders are bounds-checked: a damaged file
// makes them fail, never read out of range.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace lectern {

inline void PutFixed32(std::string* out, uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  out->append(b, 4);
}

inline void PutFixed64(std::string* out, uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  out->append(b, 8);
}

// 40-bit offsets (up to 1 TB): term records hold two per term.
inline void PutFixed40(std::string* out, uint64_t v) {
  char b[5];
  for (int i = 0; i < 5; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  out->append(b, 5);
}

// Unsigned integers of 1, 2 or 4 bytes, for columns whose width a segment
// chooses by its largest value.
inline void PutFixedWidth(std::string* out, uint32_t v, unsigned width) {
  for (unsigned i = 0; i < width; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

inline unsigned WidthFor(uint64_t max_value) {
  return max_value <= 0xFF ? 1 : max_value <= 0xFFFF ? 2 : 4;
}

inline uint32_t GetFixed32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);  // the index is little-endian, as are the machines it runs on
  return v;
}

inline uint64_t GetFixed64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint64_t GetFixed40(const char* p) {
  uint64_t v = 0;
  std::memcpy(&v, p, 5);  // little-endian: the low five bytes
  return v;
}

inline uint32_t GetFixedWidth(const char* column, unsigned width, size_t i) {
  if (width == 1) return static_cast<unsigned char>(column[i]);
  if (width == 2) {
    uint16_t v;
    std::memcpy(&v, column + 2 * i, 2);
    return v;
  }
  return GetFixed32(column + 4 * i);
}

inline void PutVarint(std::string* out, uint64_t v) {
  if (v < 0x80) {  // most position and document gaps
    out->push_back(static_cast<char>(v));
    return;
  }
  char b[10];
  size_t n = 0;
  for (; v >= 0x80; v >>= 7) b[n++] = static_cast<char>(v | 0x80);
  b[n++] = static_cast<char>(v);
  out->append(b, n);
}

// Reads a varint from [*p, end); advances *p. False on truncation or overflow.
inline bool GetVarint(const char** p, const char* end, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && *p < end; shift += 7) {
    uint64_t byte = static_cast<unsigned char>(**p);
    ++*p;
    result |= (byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

inline bool GetVarint32(const char** p, const char* end, uint32_t* v) {
  uint64_t wide;
  if (!GetVarint(p, end, &wide) || wide > UINT32_MAX) return false;
  *v = static_cast<uint32_t>(wide);
  return true;
}

// A length-prefixed string.
inline void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

inline bool GetString(const char** p, const char* end, std::string_view* s) {
  uint64_t n;
  if (!GetVarint(p, end, &n) || n > static_cast<uint64_t>(end - *p)) return false;
  *s = std::string_view(*p, n);
  *p += n;
  return true;
}

}  // namespace lectern
