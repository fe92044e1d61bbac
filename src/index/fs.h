// The few filesystem operations the index needs, each with the durability
// the commit protocol relies on (see format.h).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace lectern {

// Writes `data` to `path` so that after a crash the file is either absent
// (or its previous version) or complete: write to a temporary name in the
// same directory, fsync, rename over `path`, fsync the directory.
Status WriteFileAtomically(const std::string& path, std::string_view data);

Status SyncDirectory(const std::string& dir);

// A read-only memory map of a whole file. Empty files map to an empty view.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view data() const { return {data_, size_}; }

  // Drops the pages lying wholly inside `range` (a part of data()) from this
  // process's resident memory. Nothing is lost: they stay in the page cache
  // and come back on the next read. For bytes read once, such as those whose
  // checksum was just verified, so that opening an index does not leave all
  // of it counted against a process that reads only part of it.
  void Release(std::string_view range) const;

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// An exclusive advisory lock on `path` (created if missing), held until
// destruction. Fails at once, without waiting, if another process holds it.
class FileLock {
 public:
  static Result<FileLock> Acquire(const std::string& path);
  FileLock() = default;
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

 private:
  int fd_ = -1;
};

}  // namespace lectern
