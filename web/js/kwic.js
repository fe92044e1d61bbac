// Concordance: #/kwic?q=&filter=&sort=date|left|right, from /api/kwic.
import { api } from './api.js';
import { h, clear, errorBox, fmt, niceDate, query } from './dom.js';

export async function kwicView(root, params) {
  const q = params.get('q') || '', filter = params.get('filter') || '', sort = params.get('sort') || 'date';
  const form = h('form', { class: 'card', role: 'search', 'aria-label': 'Concordance' },
    h('div', { class: 'searchbar' },
      h('label', { for: 'kq', class: 'visually-hidden' }, 'Word or phrase'),
      h('input', { type: 'search', id: 'kq', name: 'q', value: q, placeholder: 'A word or "phrase", e.g. hegemony' }),
      h('button', { type: 'submit' }, 'Show')),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'kf' }, 'Only in (filters)'), h('input', { type: 'text', id: 'kf', name: 'filter', value: filter, placeholder: 'e.g. speaker:"Hua Chunying"' })),
      h('div', { class: 'field' }, h('label', { for: 'ks' }, 'Sort'), h('select', { id: 'ks', name: 'sort' },
        [['date', 'by date'], ['left', 'by left context'], ['right', 'by right context']].map(([v, l]) => h('option', { value: v, selected: v === sort }, l))))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/kwic' + query({ q: form.q.value.trim(), filter: form.filter.value.trim(), sort: form.sort.value === 'date' ? '' : form.sort.value });
  });
  form.sort.addEventListener('change', () => form.requestSubmit());
  const out = h('section', { 'aria-label': 'Concordance lines' });
  clear(root).append(h('h1', {}, 'Concordance'), h('p', { class: 'lede' }, 'Every use of a word or phrase, in its context.'), form, out);
  if (!q) return;
  let r;
  try {
    r = await api('kwic', { q, filter, sort, limit: 500 }, { exclusive: true });
  } catch (err) {
    if (err.name !== 'AbortError') out.append(errorBox(err, q));
    return;
  }
  out.append(h('p', { class: 'summary', role: 'status' }, `${fmt.format(r.total_matches)} uses in ${fmt.format(r.total_turns)} turns`
    + (r.lines.length < r.total_matches ? ` · the first ${fmt.format(r.lines.length)} shown` : '')),
  h('div', { class: 'card', style: 'overflow-x:auto' }, h('table', { class: 'kwic' },
    h('thead', {}, h('tr', {}, h('th', { class: 'visually-hidden' }, 'Before'), h('th', { class: 'visually-hidden' }, 'Match'), h('th', { class: 'visually-hidden' }, 'After'), h('th', { class: 'visually-hidden' }, 'Where'))),
    h('tbody', {}, r.lines.map((l) => h('tr', {},
      h('td', { class: 'left' }, l.left), h('td', { class: 'kw' }, h('mark', {}, l.match)), h('td', { class: 'right' }, l.right),
      h('td', { class: 'src' }, h('a', { href: `#/briefing/${encodeURIComponent(l.briefing_id)}?turn=${l.turn}`, title: l.briefing_id }, niceDate(l.date)),
        ' ', l.speaker || l.outlet || '')))))));
}
