// The search view: #/search?q=&outlet=&speaker=&role=&lang=&from=&to=&sort=&page=
import { api, stats } from './api.js';
import { h, clear, highlighted, abbreviate, fmt, niceDate, who, query, errorBox } from './dom.js';

const PAGE = 10;
const MAX_WINDOW = 10000;  // the server's result window (offset + limit)

// The search-language query the filters stand for, appended to the typed one.
export function composeQuery(p) {
  const quote = (s) => '"' + s.replace(/"/g, '') + '"';
  const parts = [];
  if (p.q) parts.push(p.q.trim());
  if (p.outlet) parts.push('outlet:' + quote(p.outlet));
  if (p.speaker) parts.push('speaker:' + quote(p.speaker));
  if (p.role) parts.push('role:' + p.role);
  if (p.lang) parts.push('lang:' + p.lang);
  if (p.from || p.to) parts.push('date:' + (p.from && p.from === p.to ? p.from : `${p.from || ''}..${p.to || ''}`));
  return parts.join(' ');
}

const SYNTAX = [
  ['consulate Chengdu', 'both words'],
  ['"Cold War mentality"', 'the exact phrase'],
  ['trade OR tariffs', 'either (operators in capitals)'],
  ['-Taiwan, NOT Taiwan', 'exclude'],
  ['Huawei NEAR/3 Meng', 'at most 3 words apart'],
  ['sovereign*', 'prefix'],
  ['outlet:Reuters', 'who asked (outlet:Reuters|AFP for either)'],
  ['speaker:"Wang Wenbin"', 'who spoke'],
  ['role:answer', 'question, answer, statement'],
  ['date:2020-01..2020-06', 'dates, inclusive; date:2019, date:2020..'],
  ['lang:zh', 'language'],
];

function field(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function options(values, selected) {
  return values.map(([v, l]) => h('option', { value: v, selected: v === (selected || '') }, l));
}

export async function searchView(root, params) {
  const p = Object.fromEntries(['q', 'outlet', 'speaker', 'role', 'lang', 'from', 'to', 'sort', 'page']
    .map((k) => [k, params.get(k) || '']));
  const page = Math.max(1, parseInt(p.page, 10) || 1);

  const form = h('form', { class: 'card', role: 'search', 'aria-label': 'Search briefings' },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search the briefings'),
    h('div', { class: 'searchbar' },
      h('input', { type: 'search', id: 'q', name: 'q', value: p.q, placeholder: 'Search questions and answers, e.g. "Chengdu consulate"', autocomplete: 'off', spellcheck: 'false' }),
      h('button', { type: 'submit' }, 'Search')),
    h('div', { class: 'filters' },
      field('f-from', 'From', h('input', { type: 'date', id: 'f-from', name: 'from', value: p.from })),
      field('f-to', 'To', h('input', { type: 'date', id: 'f-to', name: 'to', value: p.to })),
      field('f-outlet', 'Outlet', h('input', { type: 'text', id: 'f-outlet', name: 'outlet', value: p.outlet, list: 'outlets', placeholder: 'any' })),
      field('f-speaker', 'Speaker', h('input', { type: 'text', id: 'f-speaker', name: 'speaker', value: p.speaker, list: 'speakers', placeholder: 'any' })),
      field('f-role', 'Role', h('select', { id: 'f-role', name: 'role' },
        options([['', 'any'], ['question', 'questions'], ['answer', 'answers'], ['statement', 'statements']], p.role))),
      field('f-lang', 'Language', h('select', { id: 'f-lang', name: 'lang' },
        options([['', 'any'], ['en', 'English'], ['zh', 'Chinese']], p.lang))),
      field('f-sort', 'Order', h('select', { id: 'f-sort', name: 'sort' },
        options([['', 'best match'], ['date', 'newest first']], p.sort)))),
    h('datalist', { id: 'outlets' }), h('datalist', { id: 'speakers' }),
    h('details', { class: 'syntax' }, h('summary', {}, 'Query syntax'),
      h('table', {}, h('tbody', {}, SYNTAX.map(([c, d]) => h('tr', {}, h('td', {}, h('code', {}, c)), h('td', {}, d)))))));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    location.hash = '#/search' + query({ ...data, page: '' });
  });
  // Changing a filter runs the search again at once.
  for (const el of form.querySelectorAll('select, input[type=date]')) {
    el.addEventListener('change', () => form.requestSubmit());
  }

  const results = h('section', { 'aria-label': 'Results' });
  clear(root).append(h('h1', { class: 'visually-hidden' }, 'Search'), form, results);
  fillFilterLists(form);

  const q = composeQuery(p);
  if (!q) {
    results.append(h('div', { class: 'examples' }, 'Try: ',
      ['"Chengdu consulate"', 'outlet:Reuters visas', 'Huawei NEAR/5 Meng', '"Cold War mentality" role:answer'].map((ex) =>
        h('a', { href: '#/search' + query({ q: ex }) }, ex))));
    if (!p.q) form.querySelector('#q').focus();
    return;
  }
  results.append(h('p', { class: 'loading' }, 'Searching…'));
  let r;
  try {
    r = await api('search', { q, limit: PAGE, offset: (page - 1) * PAGE, sort: p.sort }, { exclusive: true });
  } catch (err) {
    if (err.name === 'AbortError') return;
    clear(results).append(errorBox(err, q));
    return;
  }
  clear(results);
  const first = (page - 1) * PAGE + 1, last = (page - 1) * PAGE + r.hits.length;
  results.append(h('div', { class: 'summary' },
    h('p', { id: 'count', role: 'status' }, h('strong', {}, fmt.format(r.total_turns)), ` turn${r.total_turns === 1 ? '' : 's'} in `,
      h('strong', {}, fmt.format(r.total_briefings)), ` briefing${r.total_briefings === 1 ? '' : 's'}`,
      r.hits.length ? ` · showing ${fmt.format(first)}–${fmt.format(last)}` : ''),
    h('code', { class: 'muted', title: 'The query sent to /api/search' }, q)));
  if (!r.hits.length) {
    results.append(h('p', { class: 'notice' }, page > 1 ? 'No more results.' : 'Nothing matches. Try fewer words, or remove a filter.'));
  }
  results.append(h('ol', { class: 'hits', start: first }, r.hits.map(renderHit)));
  const pages = Math.ceil(Math.min(r.total_turns, MAX_WINDOW) / PAGE);
  if (pages > 1) results.append(pager(p, page, pages));
}

function renderHit(hit) {
  const turns = hit.exchange.length ? hit.exchange : [{ ...hit, turn: hit.turn }];
  return h('li', { class: 'hit' },
    h('div', { class: 'hit-head' },
      h('time', { datetime: hit.date || '' }, niceDate(hit.date)),
      h('a', { href: `#/briefing/${encodeURIComponent(hit.briefing)}` + query({ turn: hit.turn }) }, hit.title)),
    turns.map((t) => {
      const matched = t.turn === hit.turn;
      return h('div', { class: `turn ${t.role}${matched ? ' matched' : ''}` }, who(t),
        h('div', { class: 'text' }, matched ? highlighted(hit.snippet.text, hit.snippet.highlights) : abbreviate(t.text)));
    }));
}

function pager(p, page, pages) {
  const link = (n, label, rel) => h('a', { class: 'button secondary', rel, href: '#/search' + query({ ...p, page: n > 1 ? n : '' }) }, label);
  return h('nav', { class: 'pager', 'aria-label': 'Result pages' },
    page > 1 ? link(page - 1, '← Previous', 'prev') : h('button', { class: 'secondary', disabled: true }, '← Previous'),
    h('span', { class: 'page-of' }, `Page ${page} of ${fmt.format(pages)}`),
    page < pages ? link(page + 1, 'Next →', 'next') : h('button', { class: 'secondary', disabled: true }, 'Next →'));
}

async function fillFilterLists(form) {
  try {
    const s = await stats();
    form.querySelector('#outlets').append(...s.outlets.map((o) => h('option', { value: o.name })));
    form.querySelector('#speakers').append(...s.spokespersons.map((o) => h('option', { value: o.name })));
  } catch { /* the filters still take typed names */ }
}
