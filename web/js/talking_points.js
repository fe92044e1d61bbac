// Talking points: #/talking-points?filter=&sort=&min_briefings=&id=tp-…&by=year|month
// The list comes from /api/talking-points; the selected point (the first
// when no id is given) from /api/talking-points/{id} with the same options,
// which adds every use in its context. The id is in the URL so a link
// reproduces the selection; the options go with it because they decide
// which points exist.
import { api } from './api.js';
import { notAvailable } from './pending.js';
import { h, clear, errorBox, fmt, niceDate, query, highlighted } from './dom.js';
import { hoverable, monthRange, PALETTE } from './charts.js';

// The last list, kept for a minute: choosing another point changes only the
// id in the URL, and running the whole analysis again for that would make
// every click wait. A minute bounds how long a new ingest goes unseen.
let cached = null;
async function listOf(opts) {
  const key = JSON.stringify(opts);
  if (cached && cached.key === key && Date.now() - cached.at < 60000) return cached.r;
  const r = await api('talking-points', { ...opts, limit: 50 }, { exclusive: true });
  cached = { key, r, at: Date.now() };
  return r;
}
// Set when a point is chosen from the list, so that focus goes back to it
// after the view is drawn again (keyboard users keep their place).
let refocus = false;

const SORTS = [['spread', 'most briefings'], ['count', 'most uses'], ['first-use', 'first used'], ['last-use', 'last used']];

export async function talkingPointsView(root, params) {
  const filter = params.get('filter') || '', sort = params.get('sort') || 'spread';
  const minBriefings = params.get('min_briefings') || '', id = params.get('id') || '', by = params.get('by') || '';
  const opts = { filter, sort: sort === 'spread' ? '' : sort, min_briefings: minBriefings };
  const form = h('form', { class: 'card', 'aria-label': 'Talking points' },
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'tpf' }, 'Only in (filters)'), h('input', { type: 'text', id: 'tpf', name: 'filter', value: filter, placeholder: 'e.g. date:2020.. lang:en' })),
      h('div', { class: 'field' }, h('label', { for: 'tps' }, 'Sort by'), h('select', { id: 'tps', name: 'sort' },
        SORTS.map(([v, l]) => h('option', { value: v, selected: v === sort }, l)))),
      h('div', { class: 'field' }, h('label', { for: 'tpm' }, 'Used in at least'), h('select', { id: 'tpm', name: 'min_briefings' },
        [['', '3 briefings'], ['2', '2 briefings'], ['5', '5 briefings'], ['10', '10 briefings']].map(([v, l]) => h('option', { value: v, selected: v === minBriefings }, l)))),
      h('div', { class: 'field' }, h('span', { class: 'label' }, '\u00a0'), h('button', { type: 'submit' }, 'Find'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/talking-points' + query({ filter: form.filter.value.trim(), sort: form.sort.value === 'spread' ? '' : form.sort.value, min_briefings: form.min_briefings.value });
  });
  for (const s of [form.sort, form.min_briefings]) s.addEventListener('change', () => form.requestSubmit());
  const out = h('section', { 'aria-label': 'Talking points found', 'aria-busy': 'true' });
  clear(root).append(h('h1', {}, 'Talking points'),
    h('p', { class: 'lede' }, 'Passages spokespersons reuse across briefings, word for word or with small changes.'), form, out);
  // The analysis reads every selected briefing: on a big index that takes a moment.
  out.append(h('p', { class: 'loading', role: 'status' }, 'Finding talking points… (this reads every selected briefing and can take a few seconds)'));
  let r;
  try {
    r = await listOf(opts);
  } catch (err) {
    if (err.name === 'AbortError') return;
    if (err.status === 404) return notAvailable(root, 'Talking points', '/api/talking-points', 'Finding talking points');
    clear(out).append(errorBox(err, err.column ? filter : ''));
    out.removeAttribute('aria-busy');
    return;
  }
  clear(out);
  if (!r.talking_points.length) {
    out.removeAttribute('aria-busy');
    out.append(h('div', { class: 'notice empty', role: 'status' },
      h('p', { style: 'margin:0 0 .4rem' }, `No talking points in these ${fmt.format(r.briefings)} briefings: no passage of ${r.options && r.options.min_words || 8} words or more is used by a spokesperson in ${r.options && r.options.min_briefings || minBriefings || 3} briefings or more`
        + (r.boilerplate ? ` (${fmt.format(r.boilerplate)} greetings and other boilerplate left out).` : '.')),
      minBriefings !== '2' ? h('a', { href: '#/talking-points' + query({ ...opts, min_briefings: 2 }) }, 'Look for passages used in 2 briefings') : null));
    return;
  }
  const selected = r.talking_points.find((p) => p.id === id) || r.talking_points[0];
  const link = (p, b = by) => '#/talking-points' + query({ ...opts, id: p.id, by: b });
  const list = h('ol', { class: 'points tp-list', 'aria-label': 'Talking points' }, r.talking_points.map((p) => h('li', {},
    h('a', { class: 'point card', href: link(p), 'aria-current': p === selected ? 'true' : null, onclick: () => { refocus = true; } },
      h('p', { class: 'text' }, p.text),
      h('span', { class: 'meta' },
        h('span', {}, `${fmt.format(p.briefings)} briefings`), h('span', {}, `${fmt.format(p.occurrences)} uses`),
        h('span', {}, `${niceDate(p.first_use && p.first_use.date)} – ${niceDate(p.last_use && p.last_use.date)}`),
        h('span', {}, p.speakers.slice(0, 3).map((s) => s.name).join(', ') + (p.speakers.length > 3 ? ` +${p.speakers.length - 3}` : '')))))));
  const detail = h('section', { class: 'tp-detail', 'aria-label': 'The selected talking point' },
    h('p', { class: 'loading', role: 'status' }, 'Reading its uses…'));
  out.append(h('p', { class: 'summary', role: 'status' },
    h('span', {}, h('strong', {}, fmt.format(r.points)), ` talking points in ${fmt.format(r.briefings)} briefings`
      + (r.talking_points.length < r.points ? ` · the first ${r.talking_points.length} shown` : '')),
    r.boilerplate ? h('span', {}, `${fmt.format(r.boilerplate)} boilerplate passages left out`) : null),
  h('div', { class: 'tp-layout' }, h('div', { class: 'tp-col' }, list), detail));
  out.removeAttribute('aria-busy');
  if (refocus) { refocus = false; const a = list.querySelector('[aria-current]'); if (a) a.focus({ preventScroll: true }); }
  let p;
  try {
    p = await api('talking-points/' + encodeURIComponent(selected.id), opts, { exclusive: true });
  } catch (err) {
    if (err.name !== 'AbortError') clear(detail).append(errorBox(err));
    return;
  }
  renderPoint(detail, p, { by, link: (b) => link(p, b) });
}

function renderPoint(detail, p, { by, link }) {
  const years = new Set(p.uses.map((u) => (u.date || '').slice(0, 4)).filter(Boolean));
  // Per year reads best over long spans; per month shows a short campaign.
  const per = by === 'year' || by === 'month' ? by : years.size > 3 ? 'year' : 'month';
  const toggle = h('p', { class: 'tp-by' }, 'Timeline by ', ['year', 'month'].map((b, i) => [i ? ' · ' : '',
    b === per ? h('strong', { 'aria-current': 'true' }, b) : h('a', { href: link(b) }, b)]));
  const variants = p.uses.filter((u) => !u.verbatim).length;
  detail.replaceChildren(h('div', { class: 'card' },
    h('h2', {}, 'Timeline'),
    h('blockquote', { class: 'tp-text' }, p.text),
    h('p', { class: 'muted' }, `${fmt.format(p.briefings)} briefings · ${fmt.format(p.occurrences)} uses by spokespersons`
      + (variants ? ` · ${fmt.format(variants)} varied` : '')
      + (p.questions && p.questions.occurrences ? ` · ${fmt.format(p.questions.occurrences)} in questions` : '')
      + ` · ${niceDate(p.first_use.date)} – ${niceDate(p.last_use.date)}`),
    toggle, timeline(p, per)),
  h('h2', { style: 'margin-top:1.25rem' }, `${fmt.format(p.uses.length)} uses in context`),
  h('ol', { class: 'tp-uses' }, p.uses.map((u) => h('li', { class: 'card' },
    h('p', { class: 'tp-where' },
      h('a', { href: `#/briefing/${encodeURIComponent(u.briefing)}?turn=${u.turn}`, title: u.briefing }, niceDate(u.date)), ' · ',
      u.role === 'question' ? h('span', { class: 'role' }, u.quotes_earlier_answer ? 'Question, quoting an earlier answer' : 'Question') : (u.speaker || 'Spokesperson'),
      u.verbatim ? null : h('span', { class: 'badge' }, `varied (${Math.round(u.similarity * 100)}%)`)),
    u.context ? h('p', { class: 'tp-context' }, highlighted(u.context, u.highlight ? [u.highlight] : [])) : null,
    u.missing && u.missing.length ? h('p', { class: 'muted tp-missing' }, 'Leaves out: ', u.missing.join(' ')) : null))));
}

// The uses over time: one row per spokesperson (and one for questions), a
// dot per period sized by its uses, and the total per period above.
function timeline(p, per) {
  const key = (d) => (d ? (per === 'year' ? d.slice(0, 4) : d.slice(0, 7)) : null);
  const dated = p.uses.filter((u) => u.date);
  if (!dated.length) return h('p', { class: 'muted' }, 'Its uses are undated.');
  const first = key(dated[0].date), last = key(dated[dated.length - 1].date);
  const periods = per === 'year' ? range(+first, +last).map(String) : monthRange(first, last);
  const rows = [...new Set(dated.map(rowOf))].sort((a, b) => (a === 'Questions') - (b === 'Questions'));
  const counts = new Map();
  for (const u of dated) { const k = rowOf(u) + '|' + key(u.date); counts.set(k, (counts.get(k) || 0) + 1); }
  const totals = periods.map((t) => rows.reduce((s, r) => s + (counts.get(r + '|' + t) || 0), 0));
  const maxCell = Math.max(...counts.values()), maxTotal = Math.max(1, ...totals);
  const W = 720, left = 130, right = 12, top = 8, barH = 46, rowH = 26, axis = 22;
  const H = top + barH + 8 + rows.length * rowH + axis;
  const step = (W - left - right) / periods.length;
  const x = (i) => left + (i + 0.5) * step;
  const svg = h('svg', { class: 'chart tp-timeline', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `Uses of the talking point per ${per}, ${periods[0]} to ${periods[periods.length - 1]}, by spokesperson` });
  svg.append(h('text', { x: left - 8, y: top + barH - 2, 'text-anchor': 'end' }, `uses per ${per}`));
  periods.forEach((t, i) => {
    if (!totals[i]) return;
    const bh = Math.max(2, barH * totals[i] / maxTotal);
    svg.append(hoverable(h('rect', { class: 'col', x: x(i) - Math.min(step * 0.38, 14), width: Math.max(1.5, Math.min(step * 0.76, 28)), y: top + barH - bh, height: bh }),
      `${t}: ${totals[i]} use${totals[i] === 1 ? '' : 's'}`));
  });
  rows.forEach((row, ri) => {
    const cy = top + barH + 8 + ri * rowH + rowH / 2, color = row === 'Questions' ? '#8a93a3' : PALETTE[ri % PALETTE.length];
    svg.append(h('line', { class: 'grid-line', x1: left, x2: W - right, y1: cy, y2: cy }),
      h('text', { x: left - 8, y: cy + 4, 'text-anchor': 'end' }, row.length > 20 ? row.slice(0, 19) + '…' : row));
    periods.forEach((t, i) => {
      const n = counts.get(row + '|' + t);
      if (!n) return;
      svg.append(hoverable(h('circle', { class: 'pt', cx: x(i), cy, r: 3 + 7 * Math.sqrt(n / maxCell), fill: color, 'fill-opacity': 0.85 }),
        `${row} · ${t}: ${n} use${n === 1 ? '' : 's'}`));
    });
  });
  const every = Math.ceil(periods.length / (per === 'year' ? 12 : 8));
  periods.forEach((t, i) => { if (i % every === 0) svg.append(h('text', { x: x(i), y: H - 6, 'text-anchor': 'middle' }, t)); });
  svg.append(h('line', { class: 'axis', x1: left, x2: W - right, y1: H - axis, y2: H - axis }));
  return svg;
}

function rowOf(u) { return u.role === 'question' ? 'Questions' : (u.speaker || 'Spokesperson'); }
function range(a, b) { const out = []; for (let i = a; i <= b && out.length < 200; i++) out.push(i); return out; }
