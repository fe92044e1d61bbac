#include "index/manifest.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/files.h"
#include "index/format.h"
#include "index/fs.h"

namespace lectern {

std::string ManifestFileName(uint64_t generation) {
  char name[64];
  std::snprintf(name, sizeof name, "MANIFEST-%06llu.json",
                static_cast<unsigned long long>(generation));
  return name;
}

std::string SegmentFileName(uint64_t number) {
  char name[64];
  std::snprintf(name, sizeof name, "seg-%06llu.lseg", static_cast<unsigned long long>(number));
  return name;
}

Result<Manifest> ReadCurrentManifest(const std::string& dir) {
  Result<std::string> current = ReadFileToString(dir + "/CURRENT");
  if (!current.ok()) {
    if (current.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("no index in " + dir + " (create one with `lectern ingest`)");
    }
    return current.status();
  }
  std::string name = *current;
  while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
  if (name.empty() || name.find('/') != std::string::npos) {
    return Status::Corruption(dir + "/CURRENT: damaged (names '" + name + "')");
  }
  const std::string path = dir + "/" + name;
  Result<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption(path + ": not valid JSON");
  try {
    const uint32_t format = j.at("format").get<uint32_t>();
    if (format < kOldestReadableFormatVersion || format > kIndexFormatVersion) {
      return Status::Corruption(path + ": index format " + j.at("format").dump() +
                                ", this lectern reads " +
                                std::to_string(kOldestReadableFormatVersion) + " to " +
                                std::to_string(kIndexFormatVersion) + "; ingest again");
    }
    Manifest m;
    m.generation = j.at("generation").get<uint64_t>();
    m.next_segment = j.at("next_segment").get<uint64_t>();
    for (const auto& s : j.at("segments")) {
      ManifestSegment segment;
      segment.file = s.at("file").get<std::string>();
      segment.deleted = s.at("deleted").get<std::vector<uint32_t>>();
      if (segment.file.empty() || segment.file.find('/') != std::string::npos) {
        return Status::Corruption(path + ": bad segment name");
      }
      m.segments.push_back(std::move(segment));
    }
    return m;
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(path + ": damaged manifest (" + e.what() + ")");
  }
}

Status CommitManifest(const std::string& dir, const Manifest& m) {
  nlohmann::json segments = nlohmann::json::array();
  for (const ManifestSegment& s : m.segments) {
    segments.push_back({{"file", s.file}, {"deleted", s.deleted}});
  }
  nlohmann::json j = {{"format", kIndexFormatVersion},
                      {"generation", m.generation},
                      {"next_segment", m.next_segment},
                      {"segments", segments}};
  const std::string name = ManifestFileName(m.generation);
  LECTERN_RETURN_IF_ERROR(WriteFileAtomically(dir + "/" + name, j.dump(1) + "\n"));
  return WriteFileAtomically(dir + "/CURRENT", name + "\n");
}

}  // namespace lectern
