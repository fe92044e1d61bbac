// Alignment of a briefing with its translation: the MFA publishes each
// regular press conference in Chinese and, often shortened, in English.
//
// Exchanges are paired in order (a monotone alignment that may skip
// exchanges on either side, since the English page often drops some),
// scored by what survives translation: numbers, Latin-script names and
// acronyms, a table of place and organisation names in both languages,
// the asking outlet's canonical id, the length ratio, and the position in
// the briefing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/briefing.h"

namespace lectern {

struct AlignedExchange {
  int first = -1;    // index into the first briefing's exchanges, -1 if none
  int second = -1;   // index into the second briefing's exchanges, -1 if none
  double score = 0;  // similarity of a pair; 0 for an unpaired exchange
};

struct Alignment {
  // Every exchange of both briefings, in order; pairs where they align.
  std::vector<AlignedExchange> rows;
  int paired = 0;
};

// Similarity of two exchanges (higher is more alike; about 1 is a good pair).
double ExchangeSimilarity(const Briefing& a, const Exchange& ea, size_t ia, const Briefing& b,
                          const Exchange& eb, size_t ib);

Alignment AlignExchanges(const Briefing& first, const Briefing& second);

// The key two translations of one briefing share: institution, date and
// kind; nullopt for briefings without a date.
std::optional<std::string> TranslationKey(const Briefing& briefing);

}  // namespace lectern
