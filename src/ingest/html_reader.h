// The HTML block reader: a published page (UTF-8) to a Document.
//
// It finds the page's title candidates (<title>, headings, elements whose id
// or class names a title) and the element that holds the article body, then
// flattens that element into paragraphs: block elements and <br> end a
// paragraph, inline pieces (<span>, <b>, <a>, ...) are joined without adding
// space, <b>/<strong> mark bold text. Scripts, styles, forms and figure
// captions carry no transcript text and are skipped; images have no text.
#pragma once

#include <string_view>

#include "ingest/document.h"

namespace lectern {

Document ReadHtml(std::string_view utf8);

// An upper estimate of how deeply the page's elements nest, from a scan of
// its tags (void elements and those the parser closes by itself, such as
// <p> and <li>, are not counted). gumbo's time grows with the square of the
// nesting depth, so the caller refuses pages far deeper than any real one.
size_t EstimateNestingDepth(std::string_view html);
inline constexpr size_t kMaxNestingDepth = 3000;

}  // namespace lectern
