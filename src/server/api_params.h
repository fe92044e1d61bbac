// Reading an API request's query-string parameters, with the limits the
// server puts on them. Every refusal is kInvalidArgument naming the
// parameter, which the API turns into a 400.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "base/status.h"

namespace lectern {

// name -> value, decoded; a name may repeat (cpp-httplib's Params).
using QueryParams = std::multimap<std::string, std::string>;

// The first value of `name`, if any.
std::optional<std::string> Param(const QueryParams& params, const std::string& name);

// A whole number in [min, max]; `fallback` when absent.
Result<size_t> SizeParam(const QueryParams& params, const std::string& name, size_t fallback,
                         size_t min, size_t max);

// A string of at most `max_bytes` of valid UTF-8; kInvalidArgument when it
// is `required` and absent or empty.
Result<std::string> TextParam(const QueryParams& params, const std::string& name, bool required,
                              size_t max_bytes);

// One of `choices` ("relevance|date"); `fallback` when absent.
Result<std::string> ChoiceParam(const QueryParams& params, const std::string& name,
                                const std::string& fallback, const std::string& choices);

}  // namespace lectern
