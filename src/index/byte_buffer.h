// ByteBuffer: a growable byte array in 16 bytes (pointer, size, capacity),
// for the many small per-term buffers of a segment being built: with
// std::string's 32 bytes a term's hot fields would spread over two cache
// lines, and indexing a token is mostly waiting for them.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <new>
#include <string_view>
#include <utility>

namespace lectern {

class ByteBuffer {
 public:
  ByteBuffer() = default;
  ~ByteBuffer() { std::free(data_); }
  ByteBuffer(ByteBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  ByteBuffer& operator=(ByteBuffer&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
    return *this;
  }
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;

  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return std::string_view(data_, size_); }

  // Appends `v` as a varint (format.h).
  void PutVarint(uint64_t v) {
    if (capacity_ - size_ < 10) Grow();
    while (v >= 0x80) {
      data_[size_++] = static_cast<char>(v | 0x80);
      v >>= 7;
    }
    data_[size_++] = static_cast<char>(v);
  }

 private:
  void Grow() {
    // A segment is flushed long before any one term's list nears 4 GB.
    const uint32_t capacity = capacity_ < 8 ? 16 : 2 * capacity_;
    void* grown = std::realloc(data_, capacity);
    if (grown == nullptr) throw std::bad_alloc();
    data_ = static_cast<char*>(grown);
    capacity_ = capacity;
  }

  char* data_ = nullptr;
  uint32_t size_ = 0, capacity_ = 0;
};

}  // namespace lectern
