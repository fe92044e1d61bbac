#include "model/briefing_json.h"

#include <nlohmann/json.hpp>

namespace lectern {
namespace {

using nlohmann::json;

json OptionalString(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json TurnToJson(const Turn& turn) {
  return json{{"speaker", OptionalString(turn.speaker)},
              {"role", std::string(RoleName(turn.role))},
              {"outlet", OptionalString(turn.outlet)},
              {"follow_up", turn.follow_up},
              {"text", turn.text}};
}

// Reads key `key` of `object` as T, or fails with a message naming the key.
template <typename T>
Status Read(const json& object, const char* key, T* out) {
  auto it = object.find(key);
  if (it == object.end()) return Status::InvalidArgument(std::string("missing key '") + key + "'");
  try {
    *out = it->get<T>();
  } catch (const json::exception&) {
    return Status::InvalidArgument(std::string("key '") + key + "' has the wrong type");
  }
  return Status::Ok();
}

Status ReadOptional(const json& object, const char* key, std::optional<std::string>* out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    out->reset();
    return Status::Ok();
  }
  if (!it->is_string()) {
    return Status::InvalidArgument(std::string("key '") + key + "' must be a string or null");
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

Status TurnFromJson(const json& object, Turn* turn) {
  if (!object.is_object()) return Status::InvalidArgument("a turn must be an object");
  LECTERN_RETURN_IF_ERROR(ReadOptional(object, "speaker", &turn->speaker));
  LECTERN_RETURN_IF_ERROR(ReadOptional(object, "outlet", &turn->outlet));
  std::string role;
  LECTERN_RETURN_IF_ERROR(Read(object, "role", &role));
  auto parsed = RoleFromName(role);
  if (!parsed) return Status::InvalidArgument("unknown role '" + role + "'");
  turn->role = *parsed;
  LECTERN_RETURN_IF_ERROR(Read(object, "follow_up", &turn->follow_up));
  LECTERN_RETURN_IF_ERROR(Read(object, "text", &turn->text));
  return Status::Ok();
}

}  // namespace

std::string ToJsonLine(const Briefing& b) {
  json turns = json::array();
  for (const Turn& turn : b.turns) turns.push_back(TurnToJson(turn));
  json exchanges = json::array();
  for (const Exchange& e : b.exchanges) {
    exchanges.push_back(json{{"question", e.question}, {"answer", e.answer}});
  }
  json out = {{"id", b.id},
              {"institution", b.institution},
              {"language", b.language},
              {"date", OptionalString(b.date)},
              {"title", b.title},
              {"kind", b.kind},
              {"spokespersons", b.spokespersons},
              {"source", b.source},
              {"turns", std::move(turns)},
              {"exchanges", std::move(exchanges)}};
  // Invalid UTF-8 cannot reach here (readers decode to UTF-8), but replace
  // rather than throw if it ever does.
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Briefing> BriefingFromJson(std::string_view text) {
  json object = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return Status::InvalidArgument("not valid JSON");
  if (!object.is_object()) return Status::InvalidArgument("a briefing must be a JSON object");
  Briefing b;
  LECTERN_RETURN_IF_ERROR(Read(object, "id", &b.id));
  LECTERN_RETURN_IF_ERROR(Read(object, "institution", &b.institution));
  LECTERN_RETURN_IF_ERROR(Read(object, "language", &b.language));
  LECTERN_RETURN_IF_ERROR(ReadOptional(object, "date", &b.date));
  LECTERN_RETURN_IF_ERROR(Read(object, "title", &b.title));
  LECTERN_RETURN_IF_ERROR(Read(object, "kind", &b.kind));
  LECTERN_RETURN_IF_ERROR(Read(object, "spokespersons", &b.spokespersons));
  LECTERN_RETURN_IF_ERROR(Read(object, "source", &b.source));
  auto turns = object.find("turns");
  if (turns == object.end() || !turns->is_array()) {
    return Status::InvalidArgument("key 'turns' must be an array");
  }
  for (const json& t : *turns) {
    Turn turn;
    LECTERN_RETURN_IF_ERROR(TurnFromJson(t, &turn));
    b.turns.push_back(std::move(turn));
  }
  auto exchanges = object.find("exchanges");
  if (exchanges == object.end() || !exchanges->is_array()) {
    return Status::InvalidArgument("key 'exchanges' must be an array");
  }
  for (const json& e : *exchanges) {
    Exchange exchange;
    LECTERN_RETURN_IF_ERROR(Read(e, "question", &exchange.question));
    LECTERN_RETURN_IF_ERROR(Read(e, "answer", &exchange.answer));
    for (int i : exchange.question) {
      if (i < 0 || i >= static_cast<int>(b.turns.size())) {
        return Status::InvalidArgument("exchange points at a turn that does not exist");
      }
    }
    for (int i : exchange.answer) {
      if (i < 0 || i >= static_cast<int>(b.turns.size())) {
        return Status::InvalidArgument("exchange points at a turn that does not exist");
      }
    }
    b.exchanges.push_back(std::move(exchange));
  }
  return b;
}

}  // namespace lectern
