// Trends: #/trend?q=a&q=b&by=month|quarter|year&per=speaker&filter=&norm=1
// One line per phrase (or, with per=speaker, per phrase and speaker), from /api/trend.
import { api } from './api.js';
import { h, clear, errorBox, fmt } from './dom.js';
import { lineChart, PALETTE } from './charts.js';

export async function trendView(root, params) {
  const phrases = params.getAll('q').filter(Boolean);
  const by = params.get('by') || 'month', per = params.get('per') || '', filter = params.get('filter') || '';
  const norm = params.get('norm') === '1';
  const form = h('form', { class: 'card', 'aria-label': 'Trend' },
    h('div', { class: 'field' }, h('label', { for: 'tq' }, 'Phrases, one per line (the search language works: "Cold War mentality", outlet:Reuters consulate)'),
      h('textarea', { id: 'tq', name: 'q', rows: 3, style: 'width:100%;font:inherit;padding:.5rem;border:1px solid #c9ced8;border-radius:6px' }, phrases.join('\n'))),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'tby' }, 'By'), h('select', { id: 'tby', name: 'by' },
        ['month', 'quarter', 'year'].map((v) => h('option', { value: v, selected: v === by }, v)))),
      h('div', { class: 'field' }, h('label', { for: 'tper' }, 'Lines per'), h('select', { id: 'tper', name: 'per' },
        [['', 'phrase'], ['speaker', 'phrase and spokesperson']].map(([v, l]) => h('option', { value: v, selected: v === per }, l)))),
      h('div', { class: 'field' }, h('label', { for: 'tf' }, 'Only in (filters)'), h('input', { type: 'text', id: 'tf', name: 'filter', value: filter, placeholder: 'e.g. lang:en date:2019..' })),
      h('div', { class: 'field' }, h('label', { for: 'tn' }, 'Values'), h('select', { id: 'tn', name: 'norm' },
        [['', 'counts'], ['1', 'per 10,000 words']].map(([v, l]) => h('option', { value: v, selected: v === (norm ? '1' : '') }, l)))),
      h('div', { class: 'field' }, h('span', { class: 'label' }, '\u00a0'), h('button', { type: 'submit' }, 'Draw'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const line of form.q.value.split('\n').map((s) => s.trim()).filter(Boolean)) p.append('q', line);
    for (const k of ['by', 'per', 'filter', 'norm']) if (form[k].value) p.set(k, form[k].value);
    location.hash = '#/trend?' + p;
  });
  const out = h('section', { 'aria-label': 'Trend chart' });
  clear(root).append(h('h1', {}, 'Trends'), h('p', { class: 'lede' }, 'How often phrases come up over time.'), form, out);
  if (!phrases.length) return;
  out.append(h('p', { class: 'loading' }, 'Counting…'));
  const q = new URLSearchParams();
  phrases.forEach((x) => q.append('q', x));
  let r;
  try {
    r = await fetchTrend(phrases, { by, per, filter });
  } catch (err) {
    if (err.name !== 'AbortError') clear(out).append(errorBox(err, err.column ? phrases[0] : ''));
    return;
  }
  const series = [];
  const groups = r.groups.slice(0, per ? 4 : 1);
  r.queries.forEach((query, qi) => groups.forEach((g) => {
    const values = r.periods.map((p) => {
      const cell = r.cells.find((c) => c.period === p && (c.group || '') === (g || ''));
      return cell ? (norm ? cell.per_10k[qi] : cell.counts[qi]) : 0;
    });
    series.push({ name: g ? `${query} — ${g}` : query, values, format: (v) => norm ? v.toFixed(2) : fmt.format(v) });
  }));
  clear(out).append(
    h('div', { class: 'card', style: 'margin-top:1rem' },
      h('ul', { class: 'legend' }, series.map((s, i) => h('li', {}, h('span', { class: 'swatch', style: `background:${PALETTE[i % PALETTE.length]}` }), s.name))),
      lineChart(r.periods, series, { label: `Trend of ${r.queries.join(', ')} by ${by}`, unit: norm ? ' per 10k words' : '' }),
      h('p', { class: 'muted' }, 'Totals: ', r.queries.map((x, i) => `${x} ${fmt.format(r.totals[i])}`).join(' · '))));
}

async function fetchTrend(phrases, { by, per, filter }) {
  const qs = new URLSearchParams();
  phrases.forEach((x) => qs.append('q', x));
  if (by) qs.set('by', by);
  if (per) qs.set('per', per);
  if (filter) qs.set('filter', filter);
  const res = await fetch('/api/trend?' + qs);
  const body = await res.json().catch(() => null);
  if (!res.ok) { const e = new Error((body && body.error) || res.statusText); e.status = res.status; e.column = body && body.column; throw e; }
  return body;
}
