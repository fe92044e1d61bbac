#include "analysis/trend_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lectern {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A "nice" tick step (1, 2 or 5 times a power of ten) for about `ticks` ticks.
double NiceStep(double max, int ticks) {
  if (max <= 0) return 1;
  const double raw = max / ticks;
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * p) return m * p;
  }
  return 10 * p;
}

std::string TickLabel(double v, double step) {
  char buf[32];
  if (step >= 1) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    const int decimals = static_cast<int>(std::ceil(-std::log10(step)));
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  }
  return buf;
}

}  // namespace

std::string TrendToSvg(const TrendResult& trend, const TrendPlotOptions& options) {
  struct Series {
    std::string label;
    std::vector<double> values;
    double total = 0;
  };
  const size_t np = trend.periods.size(), ng = trend.groups.size();
  std::vector<Series> series;
  for (size_t q = 0; q < trend.queries.size(); ++q) {
    for (size_t g = 0; g < ng; ++g) {
      Series s;
      s.label = trend.queries[q];
      if (!trend.groups[g].empty()) s.label += " — " + trend.groups[g];
      for (size_t p = 0; p < np; ++p) {
        const TrendCell& c = trend.cells[p * ng + g];
        const double v = options.normalize ? c.per_10k[q] : static_cast<double>(c.counts[q]);
        s.values.push_back(v);
        s.total += c.counts[q];
      }
      series.push_back(std::move(s));
    }
  }
  std::stable_sort(series.begin(), series.end(),
                   [](const Series& a, const Series& b) { return a.total > b.total; });
  const size_t left_out =
      series.size() > options.max_series ? series.size() - options.max_series : 0;
  series.resize(series.size() - left_out);

  const double width = 720, height = 420;
  const double legend_rows = static_cast<double>(series.size());
  const double ml = 64, mr = 24, mt = 40, mb = 64 + 18 * legend_rows;
  const double total_height = height + 18 * legend_rows;
  const double pw = width - ml - mr, ph = total_height - mt - mb;
  double max = 0;
  for (const Series& s : series) {
    for (double v : s.values) max = std::max(max, v);
  }
  const double step = NiceStep(max, 5);
  const double top = std::max(step, std::ceil(max / step) * step);
  auto x = [&](size_t p) { return ml + (np <= 1 ? pw / 2 : pw * p / (np - 1)); };
  auto y = [&](double v) { return mt + ph - ph * v / top; };

  static const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                   "#E69F00", "#56B4E9", "#000000", "#F0E442"};
  static const char* kDashes[] = {"", "6 3", "2 2", "8 3 2 3"};
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + Num(width) +
         "\" height=\"" + Num(total_height) + "\" viewBox=\"0 0 " + Num(width) + " " +
         Num(total_height) + "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  std::string title = options.title;
  if (title.empty()) {
    for (size_t q = 0; q < trend.queries.size(); ++q) title += (q ? ", " : "") + trend.queries[q];
  }
  out += "<text x=\"" + Num(ml) + "\" y=\"22\" font-size=\"14\" font-weight=\"bold\">" +
         Escape(title) + "</text>\n";
  // Grid and y axis.
  out += "<g class=\"y-axis\">\n";
  for (double v = 0; v <= top + step / 2; v += step) {
    out += "<line x1=\"" + Num(ml) + "\" x2=\"" + Num(ml + pw) + "\" y1=\"" + Num(y(v)) +
           "\" y2=\"" + Num(y(v)) + "\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>\n";
    out += "<text x=\"" + Num(ml - 6) + "\" y=\"" + Num(y(v) + 4) + "\" text-anchor=\"end\">" +
           TickLabel(v, step) + "</text>\n";
  }
  const std::string y_label = options.normalize ? "per 10,000 tokens" : "occurrences";
  out += "<text transform=\"translate(16," + Num(mt + ph / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + y_label + "</text>\n";
  out += "<line x1=\"" + Num(ml) + "\" x2=\"" + Num(ml) + "\" y1=\"" + Num(mt) + "\" y2=\"" +
         Num(mt + ph) + "\" stroke=\"#000000\"/>\n</g>\n";
  // X axis: at most ~12 labels.
  out += "<g class=\"x-axis\">\n";
  out += "<line x1=\"" + Num(ml) + "\" x2=\"" + Num(ml + pw) + "\" y1=\"" + Num(mt + ph) +
         "\" y2=\"" + Num(mt + ph) + "\" stroke=\"#000000\"/>\n";
  const size_t every = std::max<size_t>(1, (np + 11) / 12);
  for (size_t p = 0; p < np; p += every) {
    out += "<line x1=\"" + Num(x(p)) + "\" x2=\"" + Num(x(p)) + "\" y1=\"" + Num(mt + ph) +
           "\" y2=\"" + Num(mt + ph + 5) + "\" stroke=\"#000000\"/>\n";
    out += "<text x=\"" + Num(x(p)) + "\" y=\"" + Num(mt + ph + 18) + "\" text-anchor=\"middle\">" +
           Escape(trend.periods[p]) + "</text>\n";
  }
  out += "</g>\n";
  // Series and legend.
  for (size_t i = 0; i < series.size(); ++i) {
    const Series& s = series[i];
    const std::string colour = kColours[i % 8];
    const std::string dash = kDashes[(i / 8 + i) % 4];
    const std::string dash_attr = dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"";
    out += "<g class=\"series\" data-label=\"" + Escape(s.label) +
           "\">\n<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" + dash_attr +
           " points=\"";
    for (size_t p = 0; p < np; ++p) out += (p ? " " : "") + Num(x(p)) + "," + Num(y(s.values[p]));
    out += "\"/>\n";
    if (np <= 60) {
      for (size_t p = 0; p < np; ++p) {
        out += "<circle cx=\"" + Num(x(p)) + "\" cy=\"" + Num(y(s.values[p])) +
               "\" r=\"2.5\" fill=\"" + colour + "\"/>\n";
      }
    }
    out += "</g>\n";
    const double ly = mt + ph + 40 + 18 * i;
    out += "<g class=\"legend\"><line x1=\"" + Num(ml) + "\" x2=\"" + Num(ml + 28) + "\" y1=\"" +
           Num(ly - 4) + "\" y2=\"" + Num(ly - 4) + "\" stroke=\"" + colour +
           "\" stroke-width=\"2\"" + dash_attr + "/><text x=\"" + Num(ml + 36) + "\" y=\"" +
           Num(ly) + "\">" + Escape(s.label) + "</text></g>\n";
  }
  if (left_out > 0) {
    out += "<text x=\"" + Num(ml + pw) + "\" y=\"22\" text-anchor=\"end\" fill=\"#666666\">" +
           std::to_string(left_out) + " smaller series not shown</text>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace lectern
