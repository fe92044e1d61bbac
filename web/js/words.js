// Word statistics as tables: collocates (#/collocates?q=&measure=&filter=)
// from /api/collocates, and keyness (#/keyness?target=&reference=&ngrams=&measure=)
// from /api/keyness. Each word links to its concordance.
import { api } from './api.js';
import { notAvailable } from './pending.js';
import { h, clear, errorBox, fmt, query } from './dom.js';

const num = (v, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : String(v));
const kwicLink = (term, filter) => h('a', { href: '#/kwic' + query({ q: /\s/.test(term) ? `"${term}"` : term, filter }) }, term);

function field(id, label, input) { return h('div', { class: 'field' }, h('label', { for: id }, label), input); }
function select(id, name, value, options) {
  return h('select', { id, name }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
}
function table(caption, head, rows) {
  return h('div', { class: 'card', style: 'overflow-x:auto;margin-top:1rem' }, h('table', { class: 'stats-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'n' : null }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => h(i ? 'td' : 'th', i ? { class: 'n' } : { scope: 'row' }, c)))))));
}
// The analyses read every selected turn; a large index takes a moment.
async function load(out, path, params, queryText) {
  out.append(h('p', { class: 'loading', role: 'status' }, 'Counting…'));
  try {
    return await api(path, params, { exclusive: true });
  } catch (err) {
    if (err.name === 'AbortError') return null;
    clear(out).append(err.status === 404 ? h('p', { class: 'notice' }, `This server has no /api/${path} yet.`) : errorBox(err, err.column ? queryText : ''));
    return null;
  }
}

export async function collocatesView(root, params) {
  const q = params.get('q') || '', filter = params.get('filter') || '', measure = params.get('measure') || 'logdice';
  const form = h('form', { class: 'card', role: 'search', 'aria-label': 'Collocates' },
    h('div', { class: 'searchbar' }, h('label', { for: 'cq', class: 'visually-hidden' }, 'Word or phrase'),
      h('input', { type: 'search', id: 'cq', name: 'q', value: q, placeholder: 'A word or "phrase", e.g. hegemony' }),
      h('button', { type: 'submit' }, 'Show')),
    h('div', { class: 'filters' },
      field('cf', 'Only in (filters)', h('input', { type: 'text', id: 'cf', name: 'filter', value: filter, placeholder: 'e.g. date:2020..' })),
      field('cm', 'Measure', select('cm', 'measure', measure, [['logdice', 'logDice'], ['ll', 'log-likelihood'], ['mi', 'mutual information'], ['t', 't-score'], ['dice', 'Dice']]))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/collocates' + query({ q: form.q.value.trim(), filter: form.filter.value.trim(), measure: form.measure.value === 'logdice' ? '' : form.measure.value });
  });
  form.measure.addEventListener('change', () => form.requestSubmit());
  const out = h('section', { 'aria-label': 'Collocates' });
  clear(root).append(h('h1', {}, 'Collocates'), h('p', { class: 'lede' }, 'The words found near a word or phrase more often than chance (five words either side).'), form, out);
  if (!q) return;
  const r = await load(out, 'collocates', { q, filter, measure, min_freq: 2, limit: 50 }, q);
  if (!r) return;
  clear(out).append(h('p', { class: 'summary', role: 'status' }, `“${q}” ${fmt.format(r.node_frequency)} times in ${fmt.format(r.corpus_tokens)} words`),
    r.collocates.length
      ? table(`Collocates of “${q}” by ${form.measure.selectedOptions[0].textContent}`, ['Word', 'Together', 'Left', 'Right', 'Expected', 'Score'],
        r.collocates.map((c) => [kwicLink(c.term, filter), fmt.format(c.observed), fmt.format(c.left), fmt.format(c.right), num(c.expected), num(c.score)]))
      : h('p', { class: 'notice' }, 'No word occurs near it at least twice.'));
}

export async function keynessView(root, params) {
  const target = params.get('target') || '', reference = params.get('reference') || '';
  const measure = params.get('measure') || 'll', ngrams = params.get('ngrams') || '1';
  const form = h('form', { class: 'card', 'aria-label': 'Keyness' },
    h('div', { class: 'filters' },
      field('kt', 'Target (a query selecting turns)', h('input', { type: 'text', id: 'kt', name: 'target', value: target, placeholder: 'e.g. date:2020..' })),
      field('kr', 'Reference (empty: the rest)', h('input', { type: 'text', id: 'kr', name: 'reference', value: reference, placeholder: 'e.g. date:..2019' })),
      field('kn', 'Items', select('kn', 'ngrams', ngrams, [['1', 'words'], ['2', 'two-word phrases'], ['3', 'three-word phrases']])),
      field('km', 'Measure', select('km', 'measure', measure, [['ll', 'log-likelihood'], ['chi2', 'chi-squared'], ['logratio', 'log ratio']])),
      h('div', { class: 'field' }, h('span', { class: 'label' }, '\u00a0'), h('button', { type: 'submit' }, 'Compare'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/keyness' + query({ target: form.target.value.trim(), reference: form.reference.value.trim(),
      ngrams: form.ngrams.value === '1' ? '' : form.ngrams.value, measure: form.measure.value === 'll' ? '' : form.measure.value });
  });
  const out = h('section', { 'aria-label': 'Key words' });
  clear(root).append(h('h1', {}, 'Keyness'), h('p', { class: 'lede' }, 'The words one set of turns uses more, and less, than another.'), form, out);
  if (!target) return;
  const r = await load(out, 'keyness', { target, reference, measure, ngrams, min_freq: 3, limit: 40 }, target);
  if (!r) return;
  const head = ['Item', 'Target', 'Reference', 'Per 10k (target)', 'Per 10k (reference)', 'Score'];
  const row = (k) => [kwicLink(k.text, target), fmt.format(k.target), fmt.format(k.reference), num(k.target_per_10k), num(k.reference_per_10k), num(k.score)];
  clear(out).append(h('p', { class: 'summary', role: 'status' }, `${fmt.format(r.target_tokens)} words in the target, ${fmt.format(r.reference_tokens)} in the reference`),
    h('div', {},
      r.over.length ? table('Used more in the target', head, r.over.map(row)) : h('p', { class: 'notice' }, 'Nothing is used notably more in the target.'),
      r.under.length ? table('Used less in the target', head, r.under.map(row)) : h('p', { class: 'notice' }, 'Nothing is used notably less in the target.')));
}
