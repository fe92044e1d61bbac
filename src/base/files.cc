#include "base/files.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "base/utf8.h"

namespace lectern {
namespace fs = std::filesystem;

namespace {

bool IsSkippedExtension(const fs::path& path) {
  static constexpr std::array<std::string_view, 22> kSkipped = {
      ".tsv", ".csv", ".json", ".jsonl", ".css", ".js",  ".jpg", ".jpeg", ".png", ".gif",  ".svg",
      ".ico", ".pdf", ".zip",  ".gz",    ".md",  ".xml", ".mp4", ".mp3",  ".doc", ".docx", ".webp"};
  std::string ext = AsciiLower(path.extension().string());
  return std::find(kSkipped.begin(), kSkipped.end(), ext) != kSkipped.end() ||
         path.filename() == "robots.txt";
}

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

Result<std::string> ReadFileToString(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such file or directory");
  if (fs::is_directory(path, ec)) return Status::InvalidArgument(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::string data;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size > 0) {
    data.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
    data.resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return Status::IOError(path + ": read failed");
  return data;
}

std::vector<InputFile> ExpandInputPaths(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.push_back({path, Status::NotFound("no such file or directory")});
      continue;
    }
    if (!fs::is_directory(status)) {
      out.push_back({path, Status::Ok()});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& entry = it->path();
      if (IsHidden(entry)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && !IsSkippedExtension(entry)) found.push_back(entry.string());
    }
    if (ec) out.push_back({path, Status::IOError(std::string("cannot list: ") + ec.message())});
    std::sort(found.begin(), found.end());
    for (std::string& file : found) out.push_back({std::move(file), Status::Ok()});
  }
  return out;
}

}  // namespace lectern
