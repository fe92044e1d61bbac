#include "query/ast.h"

#include <string_view>

#include "base/utf8.h"

namespace lectern {
namespace {

// A field value is printed bare when the query parser would read it back as
// one value; otherwise in double quotes (the parser never keeps a quote
// character inside a value, so no escaping is needed).
bool NeedsQuotes(std::string_view value) {
  if (value.empty()) return true;
  size_t pos = 0;
  while (pos < value.size()) {
    const char32_t cp = NextCodePoint(value, &pos);
    if (IsSpace(cp) || cp == '(' || cp == ')' || cp == '|' || cp == '"' || cp == U'\u201C' ||
        cp == U'\u201D') {
      return true;
    }
  }
  return false;
}

void AppendValue(std::string_view value, std::string* out) {
  if (NeedsQuotes(value)) {
    out->push_back('"');
    out->append(value);
    out->push_back('"');
  } else {
    out->append(value);
  }
}

void AppendDebugString(const QueryNode& node, std::string* out) {
  const auto append_children = [&] {
    for (const auto& child : node.children) {
      out->push_back(' ');
      if (child) {
        AppendDebugString(*child, out);
      } else {
        out->append("(null)");
      }
    }
    out->push_back(')');
  };
  switch (node.kind) {
    case QueryKind::kTerm:
      out->append(node.text);
      return;
    case QueryKind::kPhrase:
      out->push_back('"');
      out->append(node.text);
      out->push_back('"');
      return;
    case QueryKind::kPrefix:
      out->append(node.text);
      out->push_back('*');
      return;
    case QueryKind::kAnd:
      out->append("(AND");
      append_children();
      return;
    case QueryKind::kOr:
      out->append("(OR");
      append_children();
      return;
    case QueryKind::kNot:
      out->append("(NOT");
      append_children();
      return;
    case QueryKind::kNear:
      out->append("(NEAR/");
      out->append(std::to_string(node.distance));
      append_children();
      return;
    case QueryKind::kField:
      out->append(node.field);
      out->push_back(':');
      if (node.field == "date") {
        out->append(node.date_from.value_or(""));
        out->append("..");
        out->append(node.date_to.value_or(""));
        return;
      }
      for (size_t i = 0; i < node.values.size(); ++i) {
        if (i > 0) out->push_back('|');
        AppendValue(node.values[i], out);
      }
      return;
  }
  out->append("(?)");
}

}  // namespace

std::string QueryNode::DebugString() const {
  std::string out;
  AppendDebugString(*this, &out);
  return out;
}

}  // namespace lectern
