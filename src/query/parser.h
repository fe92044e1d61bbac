// The query parser: query text to a syntax tree (ast.h), or an error that
// says where it went wrong.
#pragma once

#include <memory>
#include <string_view>

#include "base/status.h"
#include "query/ast.h"

namespace lectern {

// Errors are kInvalidArgument with messages of the form
// "col 14: unclosed quote", where the column is 1-based and counts code
// points (not bytes), so that it lines up under the query in a terminal.
// Examples of errors: unclosed quote, unbalanced parenthesis, an operator
// with nothing on one side ("AND" at the end), unknown field ("colour:red"),
// empty field value, bad date ("date:2020-13"), bad NEAR distance
// ("NEAR/x"), an empty query, a query over 4096 bytes or nested deeper than
// 64 levels. Never crashes, whatever the input (it is fuzzed).
Result<std::unique_ptr<QueryNode>> ParseQuery(std::string_view text);

}  // namespace lectern
