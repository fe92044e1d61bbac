// The query language's syntax tree.
//
// Grammar (precedence from loosest to tightest):
//   query    := or_expr
//   or_expr  := and_expr ( "OR" and_expr )*
//   and_expr := unary ( [ "AND" ] unary )*          -- juxtaposition is AND
//   unary    := ( "NOT" | "-" ) unary | near
//   near     := primary ( "NEAR/" k primary )*       -- k >= 0 words between; plain NEAR is NEAR/10
//   primary  := "(" or_expr ")" | "\"" words "\"" | word "*" | word | field ":" value
//   field    := outlet | speaker | role | lang | kind | institution | date
//   value    := word | "\"" words "\"" | value "|" value        (alternatives, for every field)
//   date     := YYYY | YYYY-MM | YYYY-MM-DD | [date] ".." [date]  (inclusive; open ends allowed)
// Operators AND, OR, NOT, NEAR are recognised only in upper case; in lower
// case they are ordinary words. Field names are case-insensitive.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lectern {

enum class QueryKind {
  kTerm,    // text: one word as typed (may analyse to several tokens: "US-China")
  kPhrase,  // text: the words between the quotes, as typed
  kPrefix,  // text: the word before '*', as typed
  kAnd,     // children: two or more
  kOr,      // children: two or more
  kNot,     // children: exactly one
  kNear,    // children: exactly two; distance: max words between them, either order
  kField,   // field + values (alternatives); for "date": date_from/date_to instead
};

struct QueryNode {
  QueryKind kind = QueryKind::kTerm;
  std::string text;
  std::vector<std::unique_ptr<QueryNode>> children;
  int distance = 0;
  std::string field;                     // lower-cased field name
  std::vector<std::string> values;       // alternatives, as typed (quotes removed)
  std::optional<std::string> date_from;  // YYYY-MM-DD, inclusive; unset = open
  std::optional<std::string> date_to;    // YYYY-MM-DD, inclusive; unset = open
  size_t column = 1;  // 1-based column of the node's first character in the query

  // Canonical text form, for tests and debugging:
  // (AND a (OR b "c d") (NOT e*) (NEAR/3 f g) outlet:Reuters|AFP date:2020-01-01..2020-06-30)
  std::string DebugString() const;
};

}  // namespace lectern
