// The briefing reader: #/briefing/ID?exchange=N (1-based) or ?turn=T (0-based).
import { api } from './api.js';
import { h, clear, niceDate, who, errorBox } from './dom.js';

export async function briefingView(root, params, id) {
  clear(root).append(h('p', { class: 'loading' }, 'Loading briefing…'));
  let b;
  try {
    b = await api('briefings/' + encodeURIComponent(id), {}, { exclusive: true });
  } catch (err) {
    if (err.name === 'AbortError') return;
    clear(root).append(h('h1', {}, 'Briefing not found'), errorBox(err), h('p', {}, h('a', { href: '#/search' }, 'Back to search')));
    return;
  }
  document.title = `${b.title} — lectern`;
  const exchangeOf = new Map();
  b.exchanges.forEach((x, i) => [...x.question, ...x.answer].forEach((t) => exchangeOf.set(t, i)));

  // Turns in order, grouped: each exchange is one block with an anchor,
  // other turns (opening statements, notes) blocks of their own.
  const blocks = [];
  let open = null;
  b.turns.forEach((t, i) => {
    const x = exchangeOf.has(i) ? exchangeOf.get(i) : null;
    if (!open || open.x !== x || x === null) {
      open = { x, turns: [] };
      blocks.push(open);
    }
    open.turns.push(i);
  });
  const wantTurn = params.has('turn') ? Number(params.get('turn')) : null;
  const wantExchange = params.has('exchange') ? Number(params.get('exchange')) - 1 : null;
  const base = `#/briefing/${encodeURIComponent(b.id)}`;

  const reader = h('div', { class: 'reader' }, blocks.map((blk) => {
    const label = blk.x === null ? null : `Exchange ${blk.x + 1}`;
    return h('section', {
      class: 'exchange' + (blk.x !== null && blk.x === wantExchange ? ' target' : ''),
      id: blk.x === null ? null : `x${blk.x + 1}`,
      'aria-label': label || 'Statement',
    },
    blk.x === null ? null : h('a', { class: 'anchor', href: `${base}?exchange=${blk.x + 1}`, title: 'Link to this exchange', 'aria-label': `Link to exchange ${blk.x + 1}` }, `#${blk.x + 1}`),
    blk.turns.map((i) => {
      const t = b.turns[i];
      return h('div', { class: `turn ${t.role}${i === wantTurn ? ' hl' : ''}`, id: `t${i}` }, who(t),
        h('div', { class: 'text' }, t.text.split('\n').map((line) => h('p', {}, line))));
    }));
  }));

  const source = /^https?:\/\//.test(b.source)
    ? h('a', { href: b.source, rel: 'noopener noreferrer' }, 'Original page')
    : h('span', { title: 'The file this briefing was parsed from' }, 'Source: ', h('code', {}, b.source));
  clear(root).append(
    h('header', { class: 'reader-head' },
      h('p', { class: 'muted' }, h('a', { href: '#/search', onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, '← Back')),
      h('h1', {}, b.title),
      h('ul', { class: 'facts' },
        h('li', {}, h('time', { datetime: b.date || '' }, niceDate(b.date))),
        b.spokespersons.length ? h('li', {}, 'Spokesperson: ', b.spokespersons.join(', ')) : null,
        h('li', {}, `${b.exchanges.length} exchanges, ${b.turns.length} turns`),
        h('li', {}, b.language === 'zh' ? 'Chinese' : b.language === 'en' ? 'English' : b.language),
        h('li', {}, source))),
    reader);
  const target = wantTurn !== null ? root.querySelector(`#t${wantTurn}`)
    : wantExchange !== null ? root.querySelector(`#x${wantExchange + 1}`) : null;
  if (target) target.scrollIntoView({ block: 'center' });
}
