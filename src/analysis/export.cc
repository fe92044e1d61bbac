#include "analysis/export.h"

#include <nlohmann/json.hpp>
#include <set>

#include "analysis/subcorpus.h"
#include "analysis/token_streams.h"
#include "base/parallel.h"

namespace lectern {
namespace {

using Row = std::vector<ExportField>;

ExportField Str(std::string s) { return ExportField{std::move(s), false}; }
ExportField Opt(const std::optional<std::string>& s) { return ExportField{s, false}; }
ExportField Int(uint64_t v) { return ExportField{std::to_string(v), true}; }
ExportField Bool(bool v) { return ExportField{v ? "true" : "false", true}; }

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : "") + v[i];
  return out;
}

void BriefingFields(const Briefing& b, Row* row) {
  row->push_back(Str(b.id));
  row->push_back(Opt(b.date));
  row->push_back(Str(b.institution));
  row->push_back(Str(b.language));
  row->push_back(Str(b.kind));
  row->push_back(Str(b.title));
  row->push_back(Str(Join(b.spokespersons, "; ")));
  row->push_back(Str(b.source));
}

// Turns as "Speaker (role, outlet): text" paragraphs, for exchange and briefing text.
std::string Transcript(const Briefing& b, const std::vector<int>& turns) {
  std::string out;
  for (int t : turns) {
    const Turn& turn = b.turns[t];
    if (!out.empty()) out += "\n\n";
    std::string who = turn.speaker.value_or(turn.outlet.value_or(""));
    if (who.empty()) who = std::string(RoleName(turn.role));
    out += who + ": " + turn.text;
  }
  return out;
}

std::string JoinOpt(const Briefing& b, const std::vector<int>& turns, bool outlet) {
  std::vector<std::string> names;
  for (int t : turns) {
    const auto& v = outlet ? b.turns[t].outlet : b.turns[t].speaker;
    if (v && std::find(names.begin(), names.end(), *v) == names.end()) names.push_back(*v);
  }
  return Join(names, "; ");
}

}  // namespace

std::vector<std::string> ExportColumns(ExportOptions::Unit unit) {
  std::vector<std::string> c = {"briefing_id", "date",  "institution",   "language",
                                "kind",        "title", "spokespersons", "source"};
  switch (unit) {
    case ExportOptions::Unit::kTurn:
      for (const char* s :
           {"turn", "exchange", "role", "speaker", "outlet", "follow_up", "tokens", "text"})
        c.push_back(s);
      break;
    case ExportOptions::Unit::kExchange:
      for (const char* s : {"exchange", "question_turns", "answer_turns", "outlets", "speakers",
                            "question", "answer"})
        c.push_back(s);
      break;
    case ExportOptions::Unit::kBriefing:
      for (const char* s : {"turns", "exchanges", "text"}) c.push_back(s);
      break;
  }
  return c;
}

Status Export(const Index& index, const ExportOptions& options,
              const std::function<void(const Row&)>& row) {
  Result<Subcorpus> sub = SelectTurns(index, options.filter);
  if (!sub.ok()) return sub.status();
  struct Item {
    uint32_t segment, ordinal;
    std::set<uint32_t> turns;  // chosen turn indexes
  };
  std::vector<Item> items;
  for (uint32_t seg = 0; seg < sub->docs.size(); ++seg) {
    const Segment& s = *index.segments()[seg].segment;
    for (uint32_t doc : sub->docs[seg]) {
      const uint32_t ordinal = s.turn_briefing(doc);
      if (items.empty() || items.back().segment != seg || items.back().ordinal != ordinal) {
        items.push_back(Item{seg, ordinal, {}});
      }
      items.back().turns.insert(s.turn_index(doc));
    }
  }
  Status error;
  ParallelMapOrdered<Result<std::vector<Row>>>(
      items.size(), ThreadCount(options.threads),
      [&](size_t i) -> Result<std::vector<Row>> {
        const Item& item = items[i];
        const Segment& s = *index.segments()[item.segment].segment;
        Result<Briefing> loaded = s.LoadBriefing(item.ordinal);
        if (!loaded.ok()) return loaded.status();
        const Briefing& b = *loaded;
        std::vector<Row> rows;
        std::vector<int> exchange_of(b.turns.size(), -1);
        for (size_t e = 0; e < b.exchanges.size(); ++e) {
          for (int t : b.exchanges[e].question) exchange_of[t] = static_cast<int>(e);
          for (int t : b.exchanges[e].answer) exchange_of[t] = static_cast<int>(e);
        }
        const uint32_t first_doc = s.briefing(item.ordinal).first_turn;
        switch (options.unit) {
          case ExportOptions::Unit::kTurn:
            for (uint32_t t : item.turns) {
              if (t >= b.turns.size()) continue;
              const Turn& turn = b.turns[t];
              Row r;
              BriefingFields(b, &r);
              r.push_back(Int(t));
              r.push_back(exchange_of[t] < 0 ? ExportField{} : Int(exchange_of[t]));
              r.push_back(Str(std::string(RoleName(turn.role))));
              r.push_back(Opt(turn.speaker));
              r.push_back(Opt(turn.outlet));
              r.push_back(Bool(turn.follow_up));
              r.push_back(Int(s.turn_length(first_doc + t)));
              r.push_back(Str(turn.text));
              rows.push_back(std::move(r));
            }
            break;
          case ExportOptions::Unit::kExchange:
            for (size_t e = 0; e < b.exchanges.size(); ++e) {
              const Exchange& ex = b.exchanges[e];
              bool chosen = false;
              for (int t : ex.question) chosen = chosen || item.turns.count(t);
              for (int t : ex.answer) chosen = chosen || item.turns.count(t);
              if (!chosen) continue;
              auto indexes = [](const std::vector<int>& v) {
                std::vector<std::string> out;
                for (int t : v) out.push_back(std::to_string(t));
                return Join(out, ";");
              };
              Row r;
              BriefingFields(b, &r);
              r.push_back(Int(e));
              r.push_back(Str(indexes(ex.question)));
              r.push_back(Str(indexes(ex.answer)));
              r.push_back(Str(JoinOpt(b, ex.question, true)));
              r.push_back(Str(JoinOpt(b, ex.answer, false)));
              r.push_back(Str(Transcript(b, ex.question)));
              r.push_back(Str(Transcript(b, ex.answer)));
              rows.push_back(std::move(r));
            }
            break;
          case ExportOptions::Unit::kBriefing: {
            Row r;
            BriefingFields(b, &r);
            r.push_back(Int(b.turns.size()));
            r.push_back(Int(b.exchanges.size()));
            std::vector<int> all(b.turns.size());
            for (size_t t = 0; t < all.size(); ++t) all[t] = static_cast<int>(t);
            r.push_back(Str(Transcript(b, all)));
            rows.push_back(std::move(r));
            break;
          }
        }
        return rows;
      },
      [&](size_t, Result<std::vector<Row>> rows) {
        if (!error.ok()) return;
        if (!rows.ok()) {
          error = rows.status();
          return;
        }
        for (const Row& r : *rows) row(r);
      });
  return error;
}

std::string ExportRowToJson(const std::vector<std::string>& columns, const Row& row) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
    const ExportField& f = row[i];
    if (!f.value) {
      j[columns[i]] = nullptr;
    } else if (f.number && (*f.value == "true" || *f.value == "false")) {
      j[columns[i]] = *f.value == "true";
    } else if (f.number) {
      j[columns[i]] = std::stoll(*f.value);
    } else {
      j[columns[i]] = *f.value;
    }
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lectern
