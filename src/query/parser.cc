// A hand-written recursive-descent parser for the query language (ast.h).
//
// The lexer hands out one token at a time, so errors are reported in the
// order they occur in the query. Decisions beyond the grammar in ast.h:
//
// Words. A word is a maximal run of code points other than white space,
// '(' and ')', and the double quotes '"', U+201C and U+201D (any of the
// three opens a phrase and any of them closes it). Invisible code points
// (zero-width space, byte order mark, soft hyphen, controls) are dropped.
// A word is an operator only when it is exactly AND, OR, NOT, NEAR or
// NEAR/k in upper case. A hyphen inside a word belongs to it ("US-China").
// A '-' at the start of a word means NOT when something that can start an
// operand follows right after it ("-Taiwan", "-(a b)", "-\"a b\"", "--x");
// a '-' standing alone ("a - b") is an ordinary word. One or more trailing
// '*' make a prefix ("diplom*", "diplom**" both mean prefix "diplom"); a '*'
// anywhere else is part of the word, and a word of nothing but '*' is an
// error.
//
// Fields. A colon is a field separator only when everything before it in
// the word is ASCII letters ("Outlet:", "date:"; names are case-insensitive).
// Such a prefix must then be a known field name, or it is an error
// ("colour:red": unknown field 'colour') -- except when the colon ends the
// word (followed by white space, a parenthesis or the end: "Note: ..."),
// which keeps the colon in an ordinary word. Colons after anything else
// stay in the word ("10:30", "U.S.:", "外交部:"). A known field with nothing
// after its colon is an error (empty value). A value is a run of code
// points other than white space, parentheses, quotes and '|', or a quoted
// string; alternatives are separated by '|' with nothing in between
// (outlet:Reuters|AFP|"Bloomberg News"). White space inside quotes (phrases
// and quoted values) is collapsed to single spaces and trimmed. Role values
// must be question, answer or statement (in any case), lang values 2 or 3
// ASCII letters; all values are kept as typed (ast.h), so users of the tree
// compare them ignoring case. date alternatives (date:2019|2021) become an OR of one date node
// per alternative, since a date node holds a single range.
//
// Dates. YYYY, YYYY-MM or YYYY-MM-DD (proleptic Gregorian, years
// 0000-9999), or a range FROM..TO of those with either end (not both)
// omitted; a partial date stands for its first day as FROM and its last day
// as TO, so "2020" is 2020-01-01..2020-12-31.
//
// Structure. Nested ANDs and ORs of the same kind are flattened, and a
// group of one operand is that operand. NEAR chains associate to the left
// ((NEAR/k (NEAR/j a b) c)). NOT and '-' are not allowed as NEAR's right
// operand (put the NOT outside the NEAR). Nesting counts each open
// parenthesis, each NOT or '-' and each NEAR link on the way down from the
// root; more than 64 is an error, which also bounds the recursion.
//
// Columns in errors are 1-based code-point columns. "expected ..." errors
// point at what was found instead (or just past the last token at the end).
#include "query/parser.h"

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace lectern {
namespace {

constexpr size_t kMaxQueryBytes = 4096;
constexpr int kMaxDepth = 64;
constexpr int kMaxNearDistance = 1000;
constexpr int kDefaultNearDistance = 10;

constexpr std::string_view kFieldList = "outlet, speaker, role, lang, kind, institution, date";
constexpr std::string_view kDateForms = "YYYY, YYYY-MM or YYYY-MM-DD";

bool IsQuote(char32_t cp) { return cp == '"' || cp == U'\u201C' || cp == U'\u201D'; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAllAsciiLetters(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiLetter(c)) return false;
  }
  return true;
}

bool IsKnownField(std::string_view lower_name) {
  for (std::string_view name :
       {"outlet", "speaker", "role", "lang", "kind", "institution", "date"}) {
    if (lower_name == name) return true;
  }
  return false;
}

size_t CodePointCount(std::string_view s) {
  size_t pos = 0, n = 0;
  while (pos < s.size()) {
    NextCodePoint(s, &pos);
    ++n;
  }
  return n;
}

Status ErrorAt(size_t column, std::string_view message) {
  return Status::InvalidArgument("col " + std::to_string(column) + ": " + std::string(message));
}

// The column (1-based, in code points) of the first ill-formed UTF-8
// sequence in `text`, or 0 when it is all well-formed.
size_t FirstInvalidUtf8Column(std::string_view text) {
  size_t pos = 0, column = 1;
  while (pos < text.size()) {
    const size_t start = pos;
    NextCodePoint(text, &pos);
    if (static_cast<unsigned char>(text[start]) >= 0x80 &&
        !IsValidUtf8(text.substr(start, pos - start))) {
      return column;
    }
    ++column;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Dates.

struct Ymd {
  int year = 0, month = 0, day = 0;
};

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::string MonthName(int month) {
  static constexpr const char* kNames[] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
  return kNames[month - 1];
}

std::string FormatYmd(const Ymd& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

int ParseDigits(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// Parses YYYY, YYYY-MM or YYYY-MM-DD at `column`; a partial date becomes its
// first day, or its last day when `last` is set.
Status ParseDate(std::string_view s, size_t column, bool last, Ymd* out) {
  const auto bad = [&](std::string_view why) {
    return ErrorAt(column, "bad date '" + std::string(s) + "' (" + std::string(why) + ")");
  };
  const bool shape_ok = (s.size() == 4 || s.size() == 7 || s.size() == 10) && [&] {
    for (size_t i = 0; i < s.size(); ++i) {
      const bool dash = i == 4 || i == 7;
      if (dash ? s[i] != '-' : !IsAsciiDigit(s[i])) return false;
    }
    return true;
  }();
  if (!shape_ok) return bad(kDateForms);
  Ymd d;
  d.year = ParseDigits(s.substr(0, 4));
  if (s.size() == 4) {
    d.month = last ? 12 : 1;
    d.day = last ? 31 : 1;
    *out = d;
    return Status::Ok();
  }
  d.month = ParseDigits(s.substr(5, 2));
  if (d.month < 1 || d.month > 12) return bad(kDateForms);
  const int days = DaysInMonth(d.year, d.month);
  if (s.size() == 7) {
    d.day = last ? days : 1;
    *out = d;
    return Status::Ok();
  }
  d.day = ParseDigits(s.substr(8, 2));
  if (d.day < 1) return bad(kDateForms);
  if (d.day > days) {
    return bad(MonthName(d.month) + " " + std::string(s.substr(0, 4)) + " has " +
               std::to_string(days) + " days");
  }
  *out = d;
  return Status::Ok();
}

// A date value: a date or a range FROM..TO with at most one end open.
Status ParseDateRange(std::string_view value, size_t column, QueryNode* node) {
  const size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    Ymd from, to;
    LECTERN_RETURN_IF_ERROR(ParseDate(value, column, /*last=*/false, &from));
    LECTERN_RETURN_IF_ERROR(ParseDate(value, column, /*last=*/true, &to));
    node->date_from = FormatYmd(from);
    node->date_to = FormatYmd(to);
    return Status::Ok();
  }
  const std::string_view from_text = value.substr(0, dots);
  const std::string_view to_text = value.substr(dots + 2);
  if (from_text.empty() && to_text.empty()) {
    return ErrorAt(column, "a date range needs at least one end, as 2020.. or ..2019-12-31");
  }
  if (!from_text.empty()) {
    Ymd from;
    LECTERN_RETURN_IF_ERROR(ParseDate(from_text, column, /*last=*/false, &from));
    node->date_from = FormatYmd(from);
  }
  if (!to_text.empty()) {
    Ymd to;
    const size_t to_column = column + CodePointCount(from_text) + 2;
    LECTERN_RETURN_IF_ERROR(ParseDate(to_text, to_column, /*last=*/true, &to));
    node->date_to = FormatYmd(to);
  }
  if (node->date_from && node->date_to && *node->date_from > *node->date_to) {
    return ErrorAt(column, "date range '" + std::string(value) + "' ends before it starts");
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Tokens.

enum class Tok {
  kEnd,
  kWord,
  kPrefix,
  kPhrase,
  kField,
  kLParen,
  kRParen,
  kMinus,
  kAnd,
  kOr,
  kNot,
  kNear,
};

struct FieldValue {
  std::string text;   // quotes removed
  size_t column = 0;  // of the value's first character (inside the quotes if quoted)
};

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  // word, prefix stem, phrase; lower-cased field name; operator as typed
  size_t column = 1;
  size_t end_column = 1;           // the column just past the token
  int distance = 0;                // NEAR
  std::vector<FieldValue> values;  // kField
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // Reads the next token into `*token` (kEnd at the end of the query).
  Status Next(Token* token) {
    *token = Token();
    SkipSpace();
    token->column = column_;
    if (AtEnd()) {
      token->column = token->end_column = last_end_column_;
      return Status::Ok();
    }
    const char32_t cp = Peek();
    if (cp == '(' || cp == ')') {
      Advance();
      token->kind = cp == '(' ? Tok::kLParen : Tok::kRParen;
      token->text = cp == '(' ? "(" : ")";
    } else if (IsQuote(cp)) {
      token->kind = Tok::kPhrase;
      LECTERN_RETURN_IF_ERROR(ReadQuoted(&token->text));
      if (token->text.empty()) return ErrorAt(token->column, "nothing between the quotes");
    } else if (cp == '-' && StartsOperandAfterMinus()) {
      Advance();
      token->kind = Tok::kMinus;
      token->text = "-";
    } else {
      LECTERN_RETURN_IF_ERROR(ReadWord(token));
    }
    token->end_column = last_end_column_ = column_;
    return Status::Ok();
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }

  char32_t Peek() const {
    size_t pos = pos_;
    return NextCodePoint(text_, &pos);
  }

  // The first visible code point after the next one, or 0 at the end.
  char32_t PeekSecondVisible() const {
    size_t pos = pos_;
    NextCodePoint(text_, &pos);
    while (pos < text_.size()) {
      const char32_t cp = NextCodePoint(text_, &pos);
      if (!IsInvisible(cp)) return cp;
    }
    return 0;
  }

  char32_t Advance() {
    ++column_;
    return NextCodePoint(text_, &pos_);
  }

  void SkipSpace() {
    while (!AtEnd()) {
      const char32_t cp = Peek();
      if (!IsSpace(cp) && !IsInvisible(cp)) break;
      Advance();
    }
  }

  // True when the next code point may continue a word.
  bool AtWordChar() const {
    if (AtEnd()) return false;
    const char32_t cp = Peek();
    return !IsSpace(cp) && !IsQuote(cp) && cp != '(' && cp != ')';
  }

  // At a '-': true when it is NOT, i.e. directly followed by an operand.
  bool StartsOperandAfterMinus() const {
    const char32_t next = PeekSecondVisible();
    return next != 0 && !IsSpace(next) && next != ')';
  }

  // At a quote: reads to the matching quote; the contents, white space
  // collapsed, go to `*out`.
  Status ReadQuoted(std::string* out) {
    const size_t open_column = column_;
    Advance();
    const size_t start = pos_;
    while (!AtEnd() && !IsQuote(Peek())) Advance();
    if (AtEnd()) return ErrorAt(open_column, "unclosed quote");
    *out = CollapseWhitespace(text_.substr(start, pos_ - start));
    Advance();
    return Status::Ok();
  }

  Status ReadWord(Token* token) {
    std::string word;
    while (AtWordChar()) {
      const size_t start = pos_;
      const char32_t cp = Advance();
      if (cp == ':' && IsAllAsciiLetters(word)) {
        const std::string name = AsciiLower(word);
        const bool colon_ends_word = !AtWordChar() && (AtEnd() || !IsQuote(Peek()));
        if (IsKnownField(name)) {
          token->kind = Tok::kField;
          token->text = name;
          return ReadValues(token);
        }
        if (!colon_ends_word) {
          return ErrorAt(token->column,
                         "unknown field '" + word + "' (" + std::string(kFieldList) + ")");
        }
      }
      if (!IsInvisible(cp)) word.append(text_.substr(start, pos_ - start));
    }
    return ClassifyWord(std::move(word), token);
  }

  // After "field:": one or more values separated by '|'.
  Status ReadValues(Token* token) {
    while (true) {
      FieldValue value;
      const size_t start_column = column_;
      value.column = column_;
      if (!AtEnd() && IsQuote(Peek())) {
        value.column = column_ + 1;
        LECTERN_RETURN_IF_ERROR(ReadQuoted(&value.text));
      } else {
        while (AtWordChar() && Peek() != '|') {
          const size_t start = pos_;
          const char32_t cp = Advance();
          if (!IsInvisible(cp)) value.text.append(text_.substr(start, pos_ - start));
        }
      }
      if (value.text.empty()) {
        return ErrorAt(start_column, "empty value for '" + token->text + ":'");
      }
      token->values.push_back(std::move(value));
      if (AtEnd() || Peek() != '|') return Status::Ok();
      Advance();
    }
  }

  Status ClassifyWord(std::string word, Token* token) {
    token->text = word;
    if (word == "AND") {
      token->kind = Tok::kAnd;
    } else if (word == "OR") {
      token->kind = Tok::kOr;
    } else if (word == "NOT") {
      token->kind = Tok::kNot;
    } else if (word == "NEAR") {
      token->kind = Tok::kNear;
      token->distance = kDefaultNearDistance;
    } else if (word.starts_with("NEAR/")) {
      const std::string_view digits = std::string_view(word).substr(5);
      bool ok = !digits.empty() && digits.size() <= 4;
      for (char c : digits) ok = ok && IsAsciiDigit(c);
      if (ok) ok = ParseDigits(digits) <= kMaxNearDistance;
      if (!ok) {
        return ErrorAt(token->column, "NEAR needs a distance from 0 to " +
                                          std::to_string(kMaxNearDistance) + ", as NEAR/5");
      }
      token->kind = Tok::kNear;
      token->distance = ParseDigits(digits);
    } else if (word.ends_with('*')) {
      while (!word.empty() && word.back() == '*') word.pop_back();
      if (word.empty()) return ErrorAt(token->column, "'*' needs a word before it, as in diplom*");
      token->kind = Tok::kPrefix;
      token->text = std::move(word);
    } else {
      token->kind = Tok::kWord;
    }
    return Status::Ok();
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t column_ = 1;           // of text_[pos_]
  size_t last_end_column_ = 1;  // just past the last token read
};

// ---------------------------------------------------------------------------
// The parser.

using NodePtr = std::unique_ptr<QueryNode>;

bool StartsPrimary(Tok kind) {
  return kind == Tok::kWord || kind == Tok::kPrefix || kind == Tok::kPhrase ||
         kind == Tok::kField || kind == Tok::kLParen;
}

bool StartsUnary(Tok kind) {
  return StartsPrimary(kind) || kind == Tok::kNot || kind == Tok::kMinus;
}

NodePtr MakeNode(QueryKind kind, size_t column) {
  auto node = std::make_unique<QueryNode>();
  node->kind = kind;
  node->column = column;
  return node;
}

// Appends `child` to an AND/OR `parent`, splicing in the children of a
// child of the same kind.
void AddFlattened(QueryNode* parent, NodePtr child) {
  if (child->kind == parent->kind) {
    for (NodePtr& grandchild : child->children) parent->children.push_back(std::move(grandchild));
  } else {
    parent->children.push_back(std::move(child));
  }
}

// An AND or OR of `operands`, or the operand itself when there is one.
NodePtr Combine(QueryKind kind, std::vector<NodePtr> operands) {
  if (operands.size() == 1) return std::move(operands.front());
  NodePtr node = MakeNode(kind, operands.front()->column);
  for (NodePtr& operand : operands) AddFlattened(node.get(), std::move(operand));
  return node;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : lexer_(text) {}

  Result<NodePtr> Parse() {
    LECTERN_RETURN_IF_ERROR(Advance());
    if (cur_.kind == Tok::kEnd) return Status::InvalidArgument("empty query");
    NodePtr root;
    LECTERN_RETURN_IF_ERROR(ParseOr(/*open=*/nullptr, &root));
    if (cur_.kind == Tok::kRParen) return ErrorAt(cur_.column, "unbalanced ')'");
    if (cur_.kind != Tok::kEnd) return ErrorAt(cur_.column, "unexpected '" + cur_.text + "'");
    return root;
  }

 private:
  Status Advance() { return lexer_.Next(&cur_); }

  static std::string Quoted(const Token& op) { return "'" + op.text + "'"; }

  // The current token cannot start an operand. `after` is the operator
  // before it, or null at the start of a query or group (`open` is the
  // group's parenthesis, or null at the top level).
  Status MissingOperand(const Token* after, const Token* open) const {
    if (after != nullptr) {
      if (after->kind == Tok::kNear && (cur_.kind == Tok::kNot || cur_.kind == Tok::kMinus)) {
        return ErrorAt(cur_.column, Quoted(cur_) + " cannot follow " + Quoted(*after) +
                                        "; put it outside, as NOT (a NEAR b)");
      }
      return ErrorAt(cur_.column, "expected a word after " + Quoted(*after));
    }
    switch (cur_.kind) {
      case Tok::kAnd:
      case Tok::kOr:
      case Tok::kNear:
        return ErrorAt(cur_.column, Quoted(cur_) + " needs something on its left");
      case Tok::kRParen:
        if (open != nullptr) return ErrorAt(open->column, "empty parentheses");
        return ErrorAt(cur_.column, "unbalanced ')'");
      case Tok::kEnd:
        if (open != nullptr) return MissingClose(*open);
        return Status::InvalidArgument("empty query");
      default:
        return ErrorAt(cur_.column, "unexpected '" + cur_.text + "'");
    }
  }

  Status MissingClose(const Token& open) const {
    return ErrorAt(cur_.column, "missing ')' for the '(' at col " + std::to_string(open.column));
  }

  Status Deeper(const Token& at, int levels = 1) {
    if (depth_ + levels > kMaxDepth) {
      return ErrorAt(at.column,
                     "query nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    depth_ += levels;
    return Status::Ok();
  }

  // or_expr := and_expr ( "OR" and_expr )*
  Status ParseOr(const Token* open, NodePtr* out) {
    std::vector<NodePtr> operands;
    NodePtr operand;
    LECTERN_RETURN_IF_ERROR(ParseAnd(nullptr, open, &operand));
    operands.push_back(std::move(operand));
    while (cur_.kind == Tok::kOr) {
      const Token op = cur_;
      LECTERN_RETURN_IF_ERROR(Advance());
      LECTERN_RETURN_IF_ERROR(ParseAnd(&op, open, &operand));
      operands.push_back(std::move(operand));
    }
    *out = Combine(QueryKind::kOr, std::move(operands));
    return Status::Ok();
  }

  // and_expr := unary ( [ "AND" ] unary )*
  Status ParseAnd(const Token* after, const Token* open, NodePtr* out) {
    if (!StartsUnary(cur_.kind)) return MissingOperand(after, open);
    std::vector<NodePtr> operands;
    NodePtr operand;
    LECTERN_RETURN_IF_ERROR(ParseUnary(&operand));
    operands.push_back(std::move(operand));
    while (true) {
      if (cur_.kind == Tok::kAnd) {
        const Token op = cur_;
        LECTERN_RETURN_IF_ERROR(Advance());
        if (!StartsUnary(cur_.kind)) return MissingOperand(&op, open);
      } else if (!StartsUnary(cur_.kind)) {
        break;
      }
      LECTERN_RETURN_IF_ERROR(ParseUnary(&operand));
      operands.push_back(std::move(operand));
    }
    *out = Combine(QueryKind::kAnd, std::move(operands));
    return Status::Ok();
  }

  // unary := ( "NOT" | "-" ) unary | near. The NOTs are collected in a loop
  // and applied from the inside out.
  Status ParseUnary(NodePtr* out) {
    std::vector<Token> nots;
    while (cur_.kind == Tok::kNot || cur_.kind == Tok::kMinus) {
      LECTERN_RETURN_IF_ERROR(Deeper(cur_));
      nots.push_back(cur_);
      LECTERN_RETURN_IF_ERROR(Advance());
    }
    if (!StartsPrimary(cur_.kind)) {
      // Only reached after a NOT: callers check that an operand starts here.
      return MissingOperand(&nots.back(), nullptr);
    }
    NodePtr node;
    LECTERN_RETURN_IF_ERROR(ParseNear(&node));
    for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
      NodePtr parent = MakeNode(QueryKind::kNot, it->column);
      parent->children.push_back(std::move(node));
      node = std::move(parent);
    }
    depth_ -= static_cast<int>(nots.size());
    *out = std::move(node);
    return Status::Ok();
  }

  // near := primary ( "NEAR/" k primary )*, associating to the left.
  Status ParseNear(NodePtr* out) {
    NodePtr left;
    LECTERN_RETURN_IF_ERROR(ParsePrimary(&left));
    int links = 0;
    while (cur_.kind == Tok::kNear) {
      const Token op = cur_;
      LECTERN_RETURN_IF_ERROR(Deeper(op));
      ++links;
      LECTERN_RETURN_IF_ERROR(Advance());
      if (!StartsPrimary(cur_.kind)) return MissingOperand(&op, nullptr);
      NodePtr right;
      LECTERN_RETURN_IF_ERROR(ParsePrimary(&right));
      NodePtr near = MakeNode(QueryKind::kNear, left->column);
      near->distance = op.distance;
      near->children.push_back(std::move(left));
      near->children.push_back(std::move(right));
      left = std::move(near);
    }
    depth_ -= links;
    *out = std::move(left);
    return Status::Ok();
  }

  // primary := "(" or_expr ")" | phrase | prefix | word | field
  Status ParsePrimary(NodePtr* out) {
    const Token token = cur_;
    switch (token.kind) {
      case Tok::kLParen: {
        LECTERN_RETURN_IF_ERROR(Deeper(token));
        LECTERN_RETURN_IF_ERROR(Advance());
        NodePtr inner;
        LECTERN_RETURN_IF_ERROR(ParseOr(&token, &inner));
        if (cur_.kind != Tok::kRParen) return MissingClose(token);
        --depth_;
        *out = std::move(inner);
        return Advance();
      }
      case Tok::kWord:
      case Tok::kPrefix:
      case Tok::kPhrase: {
        const QueryKind kind = token.kind == Tok::kWord     ? QueryKind::kTerm
                               : token.kind == Tok::kPrefix ? QueryKind::kPrefix
                                                            : QueryKind::kPhrase;
        *out = MakeNode(kind, token.column);
        (*out)->text = token.text;
        return Advance();
      }
      case Tok::kField:
        LECTERN_RETURN_IF_ERROR(MakeField(token, out));
        return Advance();
      default:
        return ErrorAt(token.column, "unexpected '" + token.text + "'");
    }
  }

  static Status MakeField(const Token& token, NodePtr* out) {
    if (token.text == "date") {
      std::vector<NodePtr> ranges;
      for (const FieldValue& value : token.values) {
        NodePtr node = MakeNode(QueryKind::kField, token.column);
        node->field = token.text;
        LECTERN_RETURN_IF_ERROR(ParseDateRange(value.text, value.column, node.get()));
        ranges.push_back(std::move(node));
      }
      *out = Combine(QueryKind::kOr, std::move(ranges));
      return Status::Ok();
    }
    NodePtr node = MakeNode(QueryKind::kField, token.column);
    node->field = token.text;
    for (const FieldValue& value : token.values) {
      if (token.text == "role") {
        const std::string text = AsciiLower(value.text);
        if (text != "question" && text != "answer" && text != "statement") {
          return ErrorAt(value.column,
                         "unknown role '" + value.text + "' (question, answer or statement)");
        }
      } else if (token.text == "lang") {
        const std::string& text = value.text;
        if (text.size() < 2 || text.size() > 3 || !IsAllAsciiLetters(text)) {
          return ErrorAt(value.column,
                         "bad language code '" + value.text + "' (2 or 3 letters, as en or zh)");
        }
      }
      node->values.push_back(value.text);
    }
    *out = std::move(node);
    return Status::Ok();
  }

  Lexer lexer_;
  Token cur_;
  int depth_ = 0;
};

}  // namespace

Result<std::unique_ptr<QueryNode>> ParseQuery(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("query too long: " + std::to_string(text.size()) +
                                   " bytes (the limit is " + std::to_string(kMaxQueryBytes) + ")");
  }
  if (const size_t column = FirstInvalidUtf8Column(text); column != 0) {
    return ErrorAt(column, "invalid UTF-8 (queries must be UTF-8 text)");
  }
  return Parser(text).Parse();
}

}  // namespace lectern
