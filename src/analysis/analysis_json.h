// JSON of the corpus analyses, shared by the CLI (--json) and the HTTP
// server (/api/kwic, /api/trend, /api/collocates, /api/keyness,
// /api/ngrams). One object per result, keys in a stable order.
#pragma once

#include <string>

#include "analysis/collocates.h"
#include "analysis/keyness.h"
#include "analysis/kwic.h"
#include "analysis/ngrams.h"
#include "analysis/trend.h"

namespace lectern {

std::string KwicToJson(const KwicResult& r);
std::string TrendToJson(const TrendResult& r);
std::string CollocatesToJson(const CollocatesResult& r, AssociationMeasure measure);
std::string KeynessToJson(const KeynessResult& r, KeynessMeasure measure);
std::string NgramsToJson(const NgramsResult& r);

}  // namespace lectern
