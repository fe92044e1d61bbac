// IndexHolder: the server's view of an index directory that a writer may
// commit to while the server runs. Each request asks for Current(); a new
// commit is picked up by the next request, and requests already running
// keep the commit they started with (an Index stays valid on its own).
#pragma once

#include <sys/types.h>

#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

class IndexHolder {
 public:
  // kNotFound when `dir` holds no index.
  static Result<std::unique_ptr<IndexHolder>> Open(const std::string& dir);

  const std::string& dir() const { return dir_; }

  // The latest commit. Costs one stat() of CURRENT; a commit renames a new
  // CURRENT into place, which changes its inode, so a changed stat means a
  // reopen. If the reopen fails (a damaged commit), the last good commit is
  // kept: a server should go on serving what it has.
  std::shared_ptr<const Index> Current();

 private:
  struct FileKey {
    ino_t inode = 0;
    long long mtime_ns = 0;
    off_t size = 0;
    bool operator==(const FileKey&) const = default;
  };
  static FileKey StatCurrent(const std::string& dir);

  std::string dir_;
  std::mutex mu_;  // guards index_ and key_
  std::shared_ptr<const Index> index_;
  FileKey key_;
};

}  // namespace lectern
