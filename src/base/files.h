// Files: reading whole files and finding the inputs under a path.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace lectern {

// The whole file. kNotFound if it does not exist, kIOError if unreadable.
Result<std::string> ReadFileToString(const std::string& path);

struct InputFile {
  std::string path;
  Status error;  // ok, or why `path` cannot be read (missing, not a file)
};

// Expands command-line paths: a file stands for itself; a directory for the
// files below it (recursively, in sorted order), skipping hidden entries and
// files that are plainly not transcripts by their extension (images,
// scripts, style sheets, manifests). A path that does not exist is returned
// with an error so that the caller can report it and go on.
std::vector<InputFile> ExpandInputPaths(const std::vector<std::string>& paths);

}  // namespace lectern
