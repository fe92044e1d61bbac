#include "ingest/corpus_support.h"

#include <gumbo.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "test_support.h"

namespace lectern::testing {

std::vector<ManifestRow> ReadManifest(const std::string& dir) {
  std::vector<ManifestRow> rows;
  std::ifstream in(dir + "/MANIFEST.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    fields.resize(4);
    rows.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  return rows;
}

std::vector<std::string> BodyWords(const std::string& html, const std::string& container_class,
                                   const std::string& container_id) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse(html.c_str()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  std::string text;
  bool found = false;
  std::vector<std::pair<const GumboNode*, bool>> stack = {{out->root, false}};
  while (!stack.empty()) {
    auto [node, inside] = stack.back();
    stack.pop_back();
    if ((node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) && inside) {
      text += node->v.text.text;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) continue;
    const bool inline_tag = e.tag == GUMBO_TAG_SPAN || e.tag == GUMBO_TAG_B ||
                            e.tag == GUMBO_TAG_STRONG || e.tag == GUMBO_TAG_FONT ||
                            e.tag == GUMBO_TAG_A || e.tag == GUMBO_TAG_EM || e.tag == GUMBO_TAG_I ||
                            e.tag == GUMBO_TAG_U;
    if (!inline_tag) text += ' ';  // block boundaries separate words; inline ones do not
    const GumboAttribute* cls = gumbo_get_attribute(&e.attributes, "class");
    const GumboAttribute* id = gumbo_get_attribute(&e.attributes, "id");
    bool here = inside;
    if (!found && ((cls != nullptr && std::string(cls->value) == container_class) ||
                   (id != nullptr && std::string(id->value) == container_id))) {
      here = found = true;
    }
    for (unsigned i = e.children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(e.children.data[i]), here});
    }
  }
  return Words(text);
}

double InOrderCoverage(const std::vector<std::string>& reference,
                       const std::vector<std::string>& kept, std::string* missing) {
  size_t at = 0, found = 0;
  for (size_t r = 0; r < reference.size(); ++r) {
    const std::string& word = reference[r];
    bool hit = false;
    for (size_t k = at; k < std::min(kept.size(), at + 8); ++k) {
      if (kept[k] == word) {
        at = k + 1;
        ++found;
        hit = true;
        break;
      }
    }
    if (!hit && missing != nullptr && missing->size() < 400) {
      *missing += " [" + (r > 0 ? reference[r - 1] + " " : "") + "*" + word + "*]";
    }
  }
  return reference.empty() ? 1.0 : static_cast<double>(found) / reference.size();
}

std::vector<std::string> KeptWords(const Briefing& b) {
  std::string text;
  for (const Turn& turn : b.turns) text += turn.label + " " + turn.text + "\n";
  return Words(text);
}

}  // namespace lectern::testing
