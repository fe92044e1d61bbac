// Small DOM and formatting helpers shared by the views.

// h('a', {href: '#/', class: 'x'}, 'text', child...) -> element. Children
// that are strings become text nodes (never HTML), null/false are skipped.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElementNS(
    ['svg', 'rect', 'line', 'text', 'g', 'path', 'circle', 'title', 'polyline'].includes(tag)
      ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

// Text with [begin, end) byte ranges (UTF-8, as the API counts them) wrapped in <mark>.
export function highlighted(text, ranges) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const out = [];
  let at = 0;
  for (const [b, e] of ranges || []) {
    if (b < at || e > bytes.length || e <= b) continue;
    out.push(dec.decode(bytes.subarray(at, b)), h('mark', {}, dec.decode(bytes.subarray(b, e))));
    at = e;
  }
  out.push(dec.decode(bytes.subarray(at)));
  return out;
}

export function abbreviate(text, max = 300) {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return flat.slice(0, cut > max / 2 ? cut : max) + ' …';
}

export const fmt = new Intl.NumberFormat('en');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function niceDate(iso) {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-');
  return d ? `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}` : m ? `${MONTHS[Number(m) - 1]} ${y}` : y;
}

export function roleLabel(role) {
  return { question: 'Question', answer: 'Answer', statement: 'Statement', note: 'Note' }[role] || role;
}

// Who a turn is by, as an element: the outlet for a question, else the speaker.
export function who(turn) {
  if (turn.role === 'question') {
    return h('span', { class: 'who' }, h('span', { class: 'role' }, turn.follow_up ? 'Follow-up' : 'Question'),
      turn.outlet ? h('span', { class: 'outlet' }, turn.outlet) : h('span', { class: 'muted' }, 'Anonymous'));
  }
  return h('span', { class: 'who' }, h('span', { class: 'role' }, roleLabel(turn.role)), turn.speaker || '');
}

// A query-string for the hash, leaving out empty values.
export function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) p.set(k, v);
  const s = p.toString();
  return s ? '?' + s : '';
}

export function errorBox(err, queryText) {
  const box = h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Could not run this: '), err.message);
  if (err.column && queryText) {
    // Column counts code points, 1-based.
    const caret = ' '.repeat(Math.max(0, err.column - 1)) + '^';
    box.append(h('pre', {}, queryText + '\n' + caret));
  }
  return box;
}
