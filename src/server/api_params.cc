#include "server/api_params.h"

#include "base/utf8.h"

namespace lectern {

std::optional<std::string> Param(const QueryParams& params, const std::string& name) {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

Result<size_t> SizeParam(const QueryParams& params, const std::string& name, size_t fallback,
                         size_t min, size_t max) {
  std::optional<std::string> value = Param(params, name);
  if (!value) return fallback;
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  size_t n = 0;
  bool ok = !value->empty() && value->size() <= 19;
  for (char c : *value) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (!ok || n < min || n > max) {
    return Status::InvalidArgument(name + ": expected a whole number from " + range);
  }
  return n;
}

Result<std::string> TextParam(const QueryParams& params, const std::string& name, bool required,
                              size_t max_bytes) {
  std::optional<std::string> value = Param(params, name);
  if (!value || value->empty()) {
    if (required) return Status::InvalidArgument(name + ": missing");
    return std::string();
  }
  if (value->size() > max_bytes) {
    return Status::InvalidArgument(name + ": too long (" + std::to_string(value->size()) +
                                   " bytes; at most " + std::to_string(max_bytes) + ")");
  }
  if (!IsValidUtf8(*value)) return Status::InvalidArgument(name + ": not valid UTF-8");
  return *value;
}

Result<std::string> ChoiceParam(const QueryParams& params, const std::string& name,
                                const std::string& fallback, const std::string& choices) {
  std::optional<std::string> value = Param(params, name);
  if (!value) return fallback;
  size_t start = 0;
  while (start <= choices.size()) {
    size_t end = choices.find('|', start);
    if (end == std::string::npos) end = choices.size();
    if (choices.compare(start, end - start, *value) == 0) return *value;
    start = end + 1;
  }
  return Status::InvalidArgument(name + ": expected one of " + choices);
}

}  // namespace lectern
