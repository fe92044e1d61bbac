#include "server/index_holder.h"

#include <sys/stat.h>

namespace lectern {

IndexHolder::FileKey IndexHolder::StatCurrent(const std::string& dir) {
  struct stat st;
  if (::stat((dir + "/CURRENT").c_str(), &st) != 0) return {};
  return {st.st_ino, static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec,
          st.st_size};
}

Result<std::unique_ptr<IndexHolder>> IndexHolder::Open(const std::string& dir) {
  auto holder = std::unique_ptr<IndexHolder>(new IndexHolder());
  holder->dir_ = dir;
  // Stat before opening: a commit between the two is then seen as a change.
  holder->key_ = StatCurrent(dir);
  Result<std::shared_ptr<const Index>> index = Index::Open(dir);
  if (!index.ok()) return index.status();
  holder->index_ = *index;
  return holder;
}

std::shared_ptr<const Index> IndexHolder::Current() {
  FileKey key = StatCurrent(dir_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (key == key_) return index_;
  }
  // Opened outside the lock, so requests on the old commit are not held up;
  // two threads may both reopen, and either result is the same commit or newer.
  Result<std::shared_ptr<const Index>> index = Index::Open(dir_);
  std::lock_guard<std::mutex> lock(mu_);
  if (index.ok() && (*index)->generation() >= index_->generation()) index_ = *index;
  // Also on failure: a damaged commit is not retried on every request; the
  // next commit changes CURRENT again.
  key_ = key;
  return index_;
}

}  // namespace lectern
