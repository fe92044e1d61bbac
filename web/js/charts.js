// Charts drawn as inline SVG: columns over time and lines over time, with
// values on hover and on keyboard focus.
import { h } from './dom.js';

let tip = null;
function showTip(evt, text) {
  if (!tip) { tip = h('div', { class: 'tooltip', role: 'tooltip' }); document.body.append(tip); }
  tip.textContent = text;
  tip.hidden = false;
  const r = evt.target.getBoundingClientRect();
  const x = evt.clientX || r.left + r.width / 2, y = evt.clientY || r.top;
  tip.style.left = Math.min(window.innerWidth - tip.offsetWidth - 8, x + 12) + 'px';
  tip.style.top = Math.max(8, y - 34) + 'px';
}
function hideTip() { if (tip) tip.hidden = true; }
// Focusable, with `text` as tooltip on hover and focus and as its accessible name.
export function hoverable(el, text) {
  el.setAttribute('tabindex', '0');
  el.setAttribute('aria-label', text);
  el.addEventListener('mousemove', (e) => showTip(e, text));
  el.addEventListener('focus', (e) => showTip(e, text));
  el.addEventListener('mouseleave', hideTip);
  el.addEventListener('blur', hideTip);
  el.append(h('title', {}, text));
  return el;
}

// Every month from `first` to `last` ("YYYY-MM"), inclusive.
export function monthRange(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
    if (out.length > 1200) break;
  }
  return out;
}

function niceMax(v) {
  if (v <= 5) return Math.max(1, v);
  const p = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / p) * p;
}

// Columns: [{label, value, title}], evenly spread.
export function columnChart(data, { height = 180, label = 'Chart' } = {}) {
  const W = 720, H = height, left = 34, bottom = 22, top = 8;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const bw = (W - left) / Math.max(1, data.length);
  const y = (v) => top + (H - top - bottom) * (1 - v / max);
  const svg = h('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label });
  for (const t of [0, max / 2, max]) {
    svg.append(h('line', { class: 'grid-line', x1: left, x2: W, y1: y(t), y2: y(t) }),
      h('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, Number.isInteger(t) ? t : t.toFixed(1)));
  }
  const every = Math.ceil(data.length / 10);
  data.forEach((d, i) => {
    const x = left + i * bw;
    svg.append(hoverable(h('rect', { class: 'col', x: x + bw * 0.12, width: Math.max(1, bw * 0.76), y: y(d.value), height: Math.max(0, H - bottom - y(d.value)) }), d.title || `${d.label}: ${d.value}`));
    if (i % every === 0) svg.append(h('text', { x: x + bw / 2, y: H - 6, 'text-anchor': 'middle' }, d.label));
  });
  svg.append(h('line', { class: 'axis', x1: left, x2: W, y1: H - bottom, y2: H - bottom }));
  return svg;
}

export const PALETTE = ['#1f3a68', '#c2410c', '#2e6b4f', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#be185d'];

// Lines: labels (x axis, in order) and series [{name, values: [..per label], format}].
export function lineChart(labels, series, { height = 260, label = 'Chart', unit = '' } = {}) {
  const W = 720, H = height, left = 44, bottom = 24, top = 10, right = 10;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const x = (i) => left + (labels.length <= 1 ? (W - left - right) / 2 : i * (W - left - right) / (labels.length - 1));
  const y = (v) => top + (H - top - bottom) * (1 - v / max);
  const svg = h('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label });
  for (const t of [0, max / 4, max / 2, 3 * max / 4, max]) {
    svg.append(h('line', { class: 'grid-line', x1: left, x2: W - right, y1: y(t), y2: y(t) }),
      h('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, +t.toFixed(2)));
  }
  const every = Math.ceil(labels.length / 10);
  labels.forEach((l, i) => { if (i % every === 0) svg.append(h('text', { x: x(i), y: H - 6, 'text-anchor': 'middle' }, l)); });
  svg.append(h('line', { class: 'axis', x1: left, x2: W - right, y1: H - bottom, y2: H - bottom }));
  series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length];
    svg.append(h('polyline', { fill: 'none', stroke: color, 'stroke-width': 2.2, 'stroke-linejoin': 'round', points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ') }));
    s.values.forEach((v, i) => {
      svg.append(hoverable(h('circle', { class: 'pt', cx: x(i), cy: y(v), r: labels.length > 60 ? 2.2 : 3.5, fill: color }),
        `${s.name} · ${labels[i]}: ${s.format ? s.format(v, i) : v}${unit}`));
    });
  });
  return svg;
}
