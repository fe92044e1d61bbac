// A trend as an SVG line chart for a paper: one line per (query, group)
// series, a y axis with round ticks, period labels on the x axis (thinned
// to fit), a legend, a colour-blind-safe palette (Okabe & Ito) with dash
// patterns as a second cue, and text in a system sans-serif. Self-contained
// SVG 1.1, no scripts; each series is a <g class="series"> with a
// data-label attribute, so tests and scripts can find it.
#pragma once

#include <string>

#include "analysis/trend.h"

namespace lectern {

struct TrendPlotOptions {
  bool normalize = false;  // plot per 10,000 tokens instead of raw counts
  size_t max_series = 8;   // the largest series; the rest are left out (and said so)
  std::string title;       // empty: the queries
};

std::string TrendToSvg(const TrendResult& trend, const TrendPlotOptions& options);

}  // namespace lectern
