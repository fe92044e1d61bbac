// Helpers for the tests that read the real corpus (../shared/corpus).
#pragma once

#include <string>
#include <vector>

#include "model/briefing.h"

namespace lectern::testing {

struct ManifestRow {
  std::string file, url, date, title;
};

// The folder's MANIFEST.tsv (file, source_url, date, title), header skipped.
std::vector<ManifestRow> ReadManifest(const std::string& dir);

// Words of the page body as a plain walk of gumbo's tree sees them: every
// text node under the first element whose class is `container_class` or
// whose id is `container_id`, inline pieces joined, other elements
// separating words. Independent of lectern's own HTML reader.
std::vector<std::string> BodyWords(const std::string& html, const std::string& container_class,
                                   const std::string& container_id);

// Share of `reference` found in `kept`, in order (a greedy walk that
// tolerates local reordering of at most a few words); the first misses are
// described in `*missing`.
double InOrderCoverage(const std::vector<std::string>& reference,
                       const std::vector<std::string>& kept, std::string* missing = nullptr);

// The words a briefing kept: each turn's label and text, in order.
std::vector<std::string> KeptWords(const Briefing& b);

}  // namespace lectern::testing
