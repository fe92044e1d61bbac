// IndexWriter: adds briefings to an index directory and commits them.
//
// Incremental: a briefing whose id is already live with the same content
// hash is unchanged; with another hash it replaces the earlier version
// (which is deleted in the same commit). Nothing is visible to readers
// before Commit(); a crash at any moment leaves the last commit intact.
// One writer at a time per directory (a lock file); readers never wait.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "model/briefing.h"

namespace lectern {

struct WriterOptions {
  // A segment is written out when its in-memory size passes this many bytes.
  size_t flush_bytes = size_t{256} << 20;
  // After a commit, segments are merged into one when there are more than this.
  size_t max_segments = 8;
};

enum class AddOutcome { kAdded, kReplaced, kUnchanged };

class IndexWriter {
 public:
  // Creates `dir` if needed, takes its lock, removes files an earlier
  // crashed writer left behind, and reads the current commit.
  static Result<std::unique_ptr<IndexWriter>> Open(const std::string& dir,
                                                   const WriterOptions& options = {});
  ~IndexWriter();

  Result<AddOutcome> Add(const Briefing& briefing);

  // Makes everything added so far durable and visible, atomically. May then
  // merge segments (a second commit) when there are too many.
  Status Commit();

  // Merges every segment into one, dropping deleted briefings, and commits.
  Status Optimize();

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lectern
