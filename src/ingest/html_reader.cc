#include "ingest/html_reader.h"

#include <gumbo.h>
#include <strings.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace lectern {
namespace {

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
      return true;
    default:
      return false;
  }
}

bool IsBold(GumboTag tag) { return tag == GUMBO_TAG_B || tag == GUMBO_TAG_STRONG; }

bool HasClassToken(std::string_view classes, std::string_view token) {
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && classes[i] == ' ') ++i;
    size_t j = i;
    while (j < classes.size() && classes[j] != ' ') ++j;
    if (classes.substr(i, j - i) == token) return true;
    i = j;
  }
  return false;
}

// The attributes ScanPage looks at, read in one pass over the element's
// list (as gumbo_get_attribute would: names case-insensitively, the first of
// duplicates). Absent attributes are empty.
struct ScanAttributes {
  std::string_view id, classes, name, content;
};

ScanAttributes ReadScanAttributes(const GumboElement& element) {
  ScanAttributes a;
  bool id = false, classes = false, name = false, content = false;
  for (unsigned int i = 0; i < element.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    const char* n = attr->name;
    if (!id && strcasecmp(n, "id") == 0) {
      id = true, a.id = attr->value;
    } else if (!classes && strcasecmp(n, "class") == 0) {
      classes = true, a.classes = attr->value;
    } else if (!name && strcasecmp(n, "name") == 0) {
      name = true, a.name = attr->value;
    } else if (!content && strcasecmp(n, "content") == 0) {
      content = true, a.content = attr->value;
    }
  }
  return a;
}

bool ContainsIgnoreCase(std::string_view text, std::string_view lower_needle) {
  for (size_t i = 0; i + lower_needle.size() <= text.size(); ++i) {
    if (StartsWithIgnoreCase(text.substr(i), lower_needle)) return true;
  }
  return false;
}

// Calls visit(node) for every node below `root` in document order, without
// recursion (pages nest arbitrarily deep). `visit` returns false to skip a
// node's children; `leave(node)` is called after an element's children.
template <typename Visit, typename Leave>
void Walk(const GumboNode* root, Visit visit, Leave leave) {
  struct Frame {
    const GumboNode* node;
    unsigned int next_child;
  };
  std::vector<Frame> stack;
  if (!visit(root)) return;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboNode* node = top.node;
    const GumboVector* children =
        node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE
            ? &node->v.element.children
        : node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                            : nullptr;
    if (children == nullptr || top.next_child >= children->length) {
      leave(node);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[top.next_child++]);
    if (visit(child)) stack.push_back({child, 0});
  }
}

// The collapsed text of `root`'s subtree (skipping scripts and styles).
std::string TextOf(const GumboNode* root) {
  ParagraphBuilder builder;
  Walk(
      root,
      [&](const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
          builder.Append(node->v.text.text, false);
          return false;
        }
        if (node->type == GUMBO_NODE_ELEMENT) {
          if (IsSkipped(node->v.element.tag) && node != root) return false;
          if (IsBlock(node->v.element.tag)) builder.Append(" ", false);
        }
        return true;
      },
      [](const GumboNode*) {});
  return builder.Take().text;
}

// Containers that known templates put the article body in, best first.
struct KnownContainer {
  const char* id;
  const char* class_token;
};
constexpr std::array<KnownContainer, 7> kKnownContainers = {{
    {"News_Body_Txt_A", nullptr},  // mfa.gov.cn, 2021 template
    {nullptr, "TRS_Editor"},       // the CMS behind both MFA sites
    {nullptr, "content"},          // fmprc.gov.cn, old template
    {"content", nullptr},
    {nullptr, "field-item"},  // whitehouse.gov (Drupal)
    {nullptr, "entry-content"},
    {nullptr, "article-content"},
}};

struct PageScan {
  const GumboNode* title = nullptr;
  std::string published_meta;                 // <meta name="PubDate" content=...>
  const GumboNode* published_node = nullptr;  // <span id="News_Body_Time">
  std::vector<const GumboNode*> headings;
  std::array<const GumboNode*, kKnownContainers.size()> known{};
  // Fallback: the element whose direct <p> children hold the most text.
  const GumboNode* densest = nullptr;
  size_t densest_score = 0;
};

// What one child adds to its parent's paragraph text by itself: a text
// node's length, or a <p>'s source span (a cheap proxy for its text).
size_t OwnText(const GumboNode* child) {
  if (child->type == GUMBO_NODE_TEXT) return std::strlen(child->v.text.text);
  if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_P) return 0;
  const GumboElement& e = child->v.element;
  return e.end_pos.offset > e.start_pos.offset ? e.end_pos.offset - e.start_pos.offset : 0;
}

// The source size of the <p> elements (and bare text) whose nearest block
// ancestor is `node`: misnested markup often wraps paragraphs in a stray
// inline element (<SPAN><P>..</P><P>..</P>), which must not hide them.
size_t DirectParagraphText(const GumboNode* node) {
  size_t score = 0;
  std::vector<const GumboNode*> pending = {node};
  while (!pending.empty()) {
    const GumboNode* current = pending.back();
    pending.pop_back();
    const GumboVector& children = current->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      score += OwnText(child);
      if (child->type == GUMBO_NODE_ELEMENT) {
        const GumboElement& e = child->v.element;
        if (e.tag != GUMBO_TAG_P && !IsBlock(e.tag) && !IsSkipped(e.tag)) {
          pending.push_back(child);
        }
      }
    }
  }
  return score;
}

PageScan ScanPage(const GumboNode* root) {
  PageScan scan;
  // Every element's DirectParagraphText, computed bottom-up when the walk
  // leaves it: an inline element's score is part of its parent's, so deeply
  // nested inline markup (<span><span>...) costs linear time, not quadratic.
  std::vector<const GumboNode*> elements;  // in document order
  std::vector<size_t> scores;              // by index in `elements`
  struct Open {
    size_t index;       // in `elements`
    size_t inline_sum;  // the scores of its inline children, as they are left
  };
  std::vector<Open> open;  // the elements the walk is inside, innermost last
  Walk(
      root,
      [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return node->type == GUMBO_NODE_DOCUMENT;
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_TITLE) {
          if (scan.title == nullptr) scan.title = node;
          return false;
        }
        if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) return false;
        const ScanAttributes attrs = ReadScanAttributes(e);
        if (e.tag == GUMBO_TAG_META) {
          std::string name = AsciiLower(attrs.name);
          if (name == "pubdate" || name == "publishdate" || name == "article:published_time") {
            scan.published_meta = std::string(attrs.content);
          }
        }
        if (attrs.id == "News_Body_Time" && scan.published_node == nullptr) {
          scan.published_node = node;
        }
        if (e.tag == GUMBO_TAG_H1 || e.tag == GUMBO_TAG_H2 ||
            ContainsIgnoreCase(attrs.id, "title")) {
          scan.headings.push_back(node);
        }
        for (size_t k = 0; k < kKnownContainers.size(); ++k) {
          if (scan.known[k] != nullptr) continue;
          const KnownContainer& c = kKnownContainers[k];
          if ((c.id && attrs.id == c.id) ||
              (c.class_token && HasClassToken(attrs.classes, c.class_token))) {
            scan.known[k] = node;
          }
        }
        open.push_back({elements.size(), 0});
        elements.push_back(node);
        scores.push_back(0);
        return true;
      },
      [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        // The same sum as DirectParagraphText(node), with the scores of the
        // inline children the walk entered already added up.
        const Open self = open.back();
        open.pop_back();
        size_t score = self.inline_sum;
        const GumboVector& children = node->v.element.children;
        for (unsigned int i = 0; i < children.length; ++i) {
          const auto* child = static_cast<const GumboNode*>(children.data[i]);
          score += OwnText(child);
          if (child->type == GUMBO_NODE_ELEMENT) {
            const GumboElement& e = child->v.element;
            if (e.tag == GUMBO_TAG_TITLE) {
              score += DirectParagraphText(child);  // inline, but the walk skips it
            }
          }
        }
        scores[self.index] = score;
        const GumboTag tag = node->v.element.tag;
        if (!open.empty() && !IsBlock(tag) && !IsSkipped(tag)) open.back().inline_sum += score;
      });
  // The densest element, the first in document order on a tie.
  for (size_t i = 0; i < elements.size(); ++i) {
    if (scores[i] > scan.densest_score) {
      scan.densest_score = scores[i];
      scan.densest = elements[i];
    }
  }
  return scan;
}

bool Encloses(const GumboNode* ancestor, const GumboNode* node) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

const GumboNode* FindBody(const PageScan& scan, const GumboNode* root) {
  for (const GumboNode* node : scan.known) {
    // A known container that holds little of the page's paragraph text is a
    // namesake (a "content" wrapper of a sidebar, say): keep looking.
    if (node != nullptr && DirectParagraphText(node) * 2 >= scan.densest_score) return node;
  }
  // A known container whose paragraphs are <div>s, not <p>s (whitehouse.gov's
  // archived "legacy-para" pages), scores nothing of its own; it is still the
  // body when the densest element, one of its paragraphs, lies inside it.
  for (const GumboNode* node : scan.known) {
    if (node != nullptr && Encloses(node, scan.densest)) return node;
  }
  if (scan.densest != nullptr) return scan.densest;
  return root;
}

void ReadParagraphs(const GumboNode* body, std::vector<Paragraph>* out) {
  ParagraphBuilder builder;
  int bold_depth = 0;
  auto flush = [&] {
    if (!builder.empty()) out->push_back(builder.Take());
  };
  Walk(
      body,
      [&](const GumboNode* node) {
        switch (node->type) {
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_WHITESPACE:
          case GUMBO_NODE_CDATA:
            builder.Append(node->v.text.text, bold_depth > 0);
            return false;
          case GUMBO_NODE_ELEMENT:
          case GUMBO_NODE_TEMPLATE: {
            GumboTag tag = node->v.element.tag;
            if (node != body && IsSkipped(tag)) return false;
            if (IsBlock(tag)) flush();
            if (IsBold(tag)) ++bold_depth;
            return true;
          }
          default:
            return node->type == GUMBO_NODE_DOCUMENT;
        }
      },
      [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
        GumboTag tag = node->v.element.tag;
        if (IsBold(tag)) --bold_depth;
        if (IsBlock(tag)) flush();
      });
  flush();
}

}  // namespace

size_t EstimateNestingDepth(std::string_view html) {
  static constexpr std::array<std::string_view, 22> kNotCounted = {
      "br",     "img",   "meta", "link", "input", "hr", "area", "base", "col",    "embed", "param",
      "source", "track", "wbr",  "p",    "li",    "td", "tr",   "th",   "option", "dt",    "dd"};
  size_t depth = 0, deepest = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    size_t j = i + 1;
    const bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    size_t start = j;
    while (j < html.size() &&
           ((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z') ||
            (html[j] >= '0' && html[j] <= '9'))) {
      ++j;
    }
    if (j == start) continue;  // "<!--", "<?xml", a stray '<'
    const std::string name = AsciiLower(html.substr(start, j - start));
    if (std::find(kNotCounted.begin(), kNotCounted.end(), name) != kNotCounted.end()) continue;
    const size_t close = html.find('>', j);
    const bool self_closing =
        close != std::string_view::npos && close > 0 && html[close - 1] == '/';
    if (closing) {
      if (depth > 0) --depth;
    } else if (!self_closing) {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

Document ReadHtml(std::string_view utf8) {
  Document doc;
  doc.syntax = Syntax::kHtml;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // lectern never reads gumbo's error list
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!output) return doc;
  PageScan scan = ScanPage(output->document);
  if (scan.title != nullptr) doc.title_candidates.push_back(TextOf(scan.title));
  // Pages have a handful of headings. Each costs a walk of its subtree, so
  // nested ones (<h1><span><h1><span>...) would cost quadratic time: only
  // the first ones are read.
  constexpr size_t kMaxHeadings = 32;
  for (size_t k = 0; k < scan.headings.size() && k < kMaxHeadings; ++k) {
    std::string text = TextOf(scan.headings[k]);
    if (!text.empty() && text.size() < 400) doc.title_candidates.push_back(std::move(text));
  }
  doc.published = scan.published_node != nullptr ? TextOf(scan.published_node) : "";
  if (doc.published.empty()) doc.published = CollapseWhitespace(scan.published_meta);
  ReadParagraphs(FindBody(scan, output->root), &doc.paragraphs);
  return doc;
}

}  // namespace lectern
