// Fuzzes the query parser (query/parser.h) on arbitrary bytes, invalid
// UTF-8 included. Checks the documented contract: never crashes; an error
// is kInvalidArgument with "col N: ..." (N a code-point column inside the
// query, or just past its end), "empty query" or the length limit; a tree
// is well formed (ast.h: flattened, known fields, valid dates, ...) and
// prints. Then two round trips: DebugString() of a leaf or field parses back
// to itself (of anything else it must merely not crash), and the tree
// written back as a fully parenthesised query by an independent printer
// parses to the same tree.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "query/ast.h"
#include "query/parser.h"

#define QUERY_CHECK(cond)                                                                        \
  do {                                                                                           \
    if (!(cond)) {                                                                               \
      std::fprintf(stderr, "\ninvariant violated: %s\n  at %s:%d\n", #cond, __FILE__, __LINE__); \
      __builtin_trap();                                                                          \
    }                                                                                            \
  } while (0)

namespace lectern::fuzz {
namespace {

constexpr size_t kMaxBytes = 4096;
constexpr int kMaxTreeDepth = 200;  // 64 levels of nesting, at most 3 nodes each, and leaves

size_t CodePoints(std::string_view s) {
  size_t pos = 0, n = 0;
  while (pos < s.size()) {
    NextCodePoint(s, &pos);
    ++n;
  }
  return n;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsQuote(char32_t cp) { return cp == '"' || cp == U'\u201C' || cp == U'\u201D'; }

// Text with none of `(`, `)`, quotes or white space, non-empty, valid.
bool IsWordText(std::string_view s) {
  if (s.empty() || !IsValidUtf8(s)) return false;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = NextCodePoint(s, &pos);
    if (IsSpace(cp) || IsQuote(cp) || cp == '(' || cp == ')' || IsInvisible(cp)) return false;
  }
  return true;
}

// Quoted text: collapsed white space, no quotes.
bool IsPhraseText(std::string_view s) {
  if (s.empty() || !IsValidUtf8(s) || CollapseWhitespace(s) != s) return false;
  size_t pos = 0;
  while (pos < s.size()) {
    if (IsQuote(NextCodePoint(s, &pos))) return false;
  }
  return true;
}

bool IsDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  const int month = (d[5] - '0') * 10 + (d[6] - '0');
  const int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void CheckTree(const QueryNode& node, size_t columns, int depth) {
  QUERY_CHECK(depth <= kMaxTreeDepth);
  QUERY_CHECK(node.column >= 1 && node.column <= columns);
  switch (node.kind) {
    case QueryKind::kTerm:
      QUERY_CHECK(IsWordText(node.text));
      QUERY_CHECK(node.text != "AND" && node.text != "OR" && node.text != "NOT" &&
                  node.text != "NEAR" && !StartsWith(node.text, "NEAR/"));
      QUERY_CHECK(node.text.back() != '*');
      QUERY_CHECK(node.children.empty());
      break;
    case QueryKind::kPrefix:
      QUERY_CHECK(IsWordText(node.text));
      QUERY_CHECK(node.text.back() != '*');
      QUERY_CHECK(node.children.empty());
      break;
    case QueryKind::kPhrase:
      QUERY_CHECK(IsPhraseText(node.text));
      QUERY_CHECK(node.children.empty());
      break;
    case QueryKind::kAnd:
    case QueryKind::kOr:
      QUERY_CHECK(node.children.size() >= 2);
      for (const auto& child : node.children) {
        QUERY_CHECK(child != nullptr);
        QUERY_CHECK(child->kind != node.kind);  // flattened
      }
      break;
    case QueryKind::kNot:
      QUERY_CHECK(node.children.size() == 1 && node.children[0] != nullptr);
      break;
    case QueryKind::kNear:
      QUERY_CHECK(node.children.size() == 2);
      QUERY_CHECK(node.children[0] != nullptr && node.children[1] != nullptr);
      QUERY_CHECK(node.distance >= 0 && node.distance <= 1000);
      QUERY_CHECK(node.children[1]->kind != QueryKind::kNot);
      break;
    case QueryKind::kField:
      QUERY_CHECK(node.children.empty());
      if (node.field == "date") {
        QUERY_CHECK(node.values.empty());
        QUERY_CHECK(node.date_from || node.date_to);
        if (node.date_from) QUERY_CHECK(IsDate(*node.date_from));
        if (node.date_to) QUERY_CHECK(IsDate(*node.date_to));
        if (node.date_from && node.date_to) QUERY_CHECK(*node.date_from <= *node.date_to);
        break;
      }
      QUERY_CHECK(node.field == "outlet" || node.field == "speaker" || node.field == "role" ||
                  node.field == "lang" || node.field == "kind" || node.field == "institution");
      QUERY_CHECK(!node.date_from && !node.date_to);
      QUERY_CHECK(!node.values.empty());
      for (const std::string& value : node.values) {
        QUERY_CHECK(!value.empty() && IsValidUtf8(value));
        if (node.field == "role") {
          const std::string role = AsciiLower(value);
          QUERY_CHECK(role == "question" || role == "answer" || role == "statement");
        }
        if (node.field == "lang") {
          QUERY_CHECK(value.size() >= 2 && value.size() <= 3);
          for (char c : value) QUERY_CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        }
      }
      break;
    default:
      QUERY_CHECK(false && "unknown node kind");
  }
  for (const auto& child : node.children) CheckTree(*child, columns, depth + 1);
}

void CheckError(const Status& status, std::string_view query) {
  QUERY_CHECK(!status.ok());
  QUERY_CHECK(status.code() == Status::Code::kInvalidArgument);
  const std::string& message = status.message();
  QUERY_CHECK(!message.empty());
  if (query.size() > kMaxBytes) {
    QUERY_CHECK(message.find("4096") != std::string::npos);
    return;
  }
  if (message == "empty query") return;
  // "col N: reason", N within the query or one past its end.
  QUERY_CHECK(StartsWith(message, "col "));
  size_t i = 4, column = 0;
  QUERY_CHECK(i < message.size() && message[i] >= '1' && message[i] <= '9');
  while (i < message.size() && message[i] >= '0' && message[i] <= '9' && column < 100000) {
    column = column * 10 + static_cast<size_t>(message[i] - '0');
    ++i;
  }
  QUERY_CHECK(column >= 1 && column <= CodePoints(query) + 1);
  QUERY_CHECK(message.substr(i, 2) == ": " && message.size() > i + 2);
  // The message quotes parts of the query only once it is known to be UTF-8.
  QUERY_CHECK(IsValidUtf8(message));
}

bool NeedsQuotes(std::string_view value) {
  size_t pos = 0;
  while (pos < value.size()) {
    const char32_t cp = NextCodePoint(value, &pos);
    if (IsSpace(cp) || IsQuote(cp) || cp == '(' || cp == ')' || cp == '|') return true;
  }
  return false;
}

// The tree written back as query syntax, every operator explicit and every
// operation in parentheses: an independent printer, so that parsing its
// output must give the same tree.
void AppendQuery(const QueryNode& node, std::string* out) {
  const auto join = [&](std::string_view op) {
    out->append("(");
    for (size_t i = 0; i < node.children.size(); ++i) {
      if (i > 0) out->append(op);
      AppendQuery(*node.children[i], out);
    }
    out->append(")");
  };
  switch (node.kind) {
    case QueryKind::kTerm:
      out->append(node.text);
      break;
    case QueryKind::kPrefix:
      out->append(node.text + "*");
      break;
    case QueryKind::kPhrase:
      out->append("\"" + node.text + "\"");
      break;
    case QueryKind::kAnd:
      join(" AND ");
      break;
    case QueryKind::kOr:
      join(" OR ");
      break;
    case QueryKind::kNot:
      out->append("(NOT ");
      AppendQuery(*node.children[0], out);
      out->append(")");
      break;
    case QueryKind::kNear:
      join(" NEAR/" + std::to_string(node.distance) + " ");
      break;
    case QueryKind::kField:
      out->append(node.field + ":");
      if (node.field == "date") {
        out->append(node.date_from.value_or("") + ".." + node.date_to.value_or(""));
        break;
      }
      for (size_t i = 0; i < node.values.size(); ++i) {
        if (i > 0) out->append("|");
        const std::string& v = node.values[i];
        out->append(NeedsQuotes(v) ? "\"" + v + "\"" : v);
      }
      break;
  }
}

// Parses `query` and checks the result; returns the tree, or null on an
// error.
std::unique_ptr<QueryNode> ParseAndCheck(std::string_view query) {
  Result<std::unique_ptr<QueryNode>> result = ParseQuery(query);
  if (!result.ok()) {
    CheckError(result.status(), query);
    return nullptr;
  }
  QUERY_CHECK(query.size() <= kMaxBytes);
  QUERY_CHECK(IsValidUtf8(query));
  QUERY_CHECK(*result != nullptr);
  CheckTree(**result, CodePoints(query), 0);
  const std::string printed = (*result)->DebugString();
  QUERY_CHECK(!printed.empty() && IsValidUtf8(printed));
  // Deterministic.
  Result<std::unique_ptr<QueryNode>> again = ParseQuery(query);
  QUERY_CHECK(again.ok() && (*again)->DebugString() == printed);
  return std::move(*result);
}

void CheckQuery(std::string_view query) {
  std::unique_ptr<QueryNode> tree = ParseAndCheck(query);
  if (!tree) return;
  const std::string printed = tree->DebugString();

  // DebugString() is not query syntax, but parsing it must not crash; the
  // canonical form of a leaf or a field is the query for it.
  std::unique_ptr<QueryNode> reparsed = ParseAndCheck(printed);
  if (printed.front() != '(') {
    QUERY_CHECK(reparsed != nullptr);
    QUERY_CHECK(reparsed->DebugString() == printed);
  }

  // The tree written back as a fully parenthesised query means the same
  // tree, unless the extra parentheses hit the limits.
  std::string written;
  AppendQuery(*tree, &written);
  Result<std::unique_ptr<QueryNode>> back = ParseQuery(written);
  if (back.ok()) {
    QUERY_CHECK((*back)->DebugString() == printed);
  } else {
    const std::string& message = back.status().message();
    QUERY_CHECK(message.find("nested deeper than 64") != std::string::npos ||
                message.find("too long") != std::string::npos);
  }
}

}  // namespace
}  // namespace lectern::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lectern::fuzz::CheckQuery(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
